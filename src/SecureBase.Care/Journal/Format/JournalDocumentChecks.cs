namespace SecureBase.Care.Journal.Format;

/// <summary>
/// The rules that need the whole document: required parts, unique ids, references between entries, children and
/// caregivers, overlapping sleeps, and every entry through <see cref="EntryValidator"/>.
/// </summary>
internal static class JournalDocumentChecks
{
    private const int MaxNameLength = 200;

    /// <summary>Whether this machine has time zone data at all; without it every zone but UTC looks unknown, and we do not refuse for that.</summary>
    private static readonly Lazy<bool> s_hasTimeZoneData = new(() => TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out _));

    public static JournalReadResult Complete(JournalParseSession session, ErrorCollector errors, JournalReadOptions options)
    {
        session.CollectEntries();
        if (session.Stopped) return new JournalReadResult(null, errors.ToList());

        if (session.Format is null) errors.Add("format", "This is not a SecureBase journal file: the \"format\" field is missing.");
        if (session.Version is null) errors.Add("version", $"The \"version\" field is missing; this SecureBase reads journal format version {JournalDocument.CurrentVersion}.");
        if (!session.SawHousehold) errors.Add("household", "The household is missing.");
        if (errors.Count > 0 || session.HasShapeErrors || session.Household is null)
            return new JournalReadResult(null, errors.ToList()); // content checks on a half-read document would only add noise

        CheckHousehold(session.Household, errors);
        var caregiverIds = CheckCaregivers(session.Caregivers, errors);
        var children = CheckChildren(session.Children, options.TimeProvider.GetUtcNow(), errors);
        CheckEntries(session.Entries, new EntryContext(children, caregiverIds, []), options, errors);
        if (session.Guidance is { } guidance)
        {
            var cries = session.Entries.Where(e => e.Value is CryEpisodeEntry).Select(e => e.Value.Id).ToHashSet();
            foreach (var error in GuidanceChecks.Validate(guidance, children.Keys.ToHashSet(), caregiverIds, cries)) errors.Add(error.Field, error.Message);
        }
        AlertingSection.Check(session, children.Keys.ToHashSet(), options, errors);

        if (errors.Count > 0) return new JournalReadResult(null, errors.ToList());
        var document = new JournalDocument
        {
            Format = session.Format!,
            Version = session.Version!.Value,
            ExportedAt = session.ExportedAt ?? default,
            Household = session.Household,
            Caregivers = session.Caregivers.ConvertAll(c => c.Value),
            Children = session.Children.ConvertAll(c => c.Value),
            Entries = session.Entries.ConvertAll(e => e.Value),
            Guidance = session.Guidance is { IsEmpty: false } g ? g : null,
            Rota = AlertingSection.Rota(session),
            Alerts = AlertingSection.Alerts(session),
        };
        return new JournalReadResult(document, []);
    }

    private static void CheckHousehold(JournalHousehold household, ErrorCollector errors)
    {
        if (household.Id == Guid.Empty) errors.Add("household.id", "The household needs an id (a GUID).");
        CheckName("household.name", household.Name, errors);
        if (string.IsNullOrWhiteSpace(household.TimeZone) || household.TimeZone.Length > 100)
            errors.Add("household.timeZone", "Give the household's time zone, e.g. \"Europe/Paris\" or \"UTC\".");
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(household.TimeZone, out _) && s_hasTimeZoneData.Value)
            errors.Add("household.timeZone", $"\"{household.TimeZone}\" is not a time zone this server knows; use an IANA name such as \"Europe/Paris\".");
    }

    private static HashSet<Guid> CheckCaregivers(List<(int Index, JournalCaregiver Value)> caregivers, ErrorCollector errors)
    {
        var ids = new HashSet<Guid>();
        foreach (var (index, caregiver) in caregivers)
        {
            var at = $"caregivers[{index}]";
            CheckId($"{at}.id", caregiver.Id, ids, "caregiver", errors);
            CheckName($"{at}.name", caregiver.Name, errors);
            if (!Enum.IsDefined(caregiver.Role)) errors.Add($"{at}.role", "Unknown role.");
        }
        return ids;
    }

    private static Dictionary<Guid, DateOnly> CheckChildren(List<(int Index, JournalChild Value)> children, DateTimeOffset now, ErrorCollector errors)
    {
        var ids = new HashSet<Guid>();
        var births = new Dictionary<Guid, DateOnly>();
        foreach (var (index, child) in children)
        {
            var at = $"children[{index}]";
            if (CheckId($"{at}.id", child.Id, ids, "child", errors)) births[child.Id] = child.BirthDate;
            CheckName($"{at}.name", child.Name, errors);
            if (child.BirthDate > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1)) errors.Add($"{at}.birthDate", "The birth date is in the future.");
            if (string.IsNullOrWhiteSpace(child.Pronoun) || child.Pronoun.Length > 20) errors.Add($"{at}.pronoun", "Give a short pronoun such as \"her\", \"him\" or \"them\".");
            if (child.FeedingIntervalMinMinutes is <= 0 or > 24 * 60) errors.Add($"{at}.feedingIntervalMinMinutes", "Must be between 1 and 1440 minutes.");
            if (child.FeedingIntervalMaxMinutes is <= 0 or > 24 * 60) errors.Add($"{at}.feedingIntervalMaxMinutes", "Must be between 1 and 1440 minutes.");
            if (child.FeedingIntervalMinMinutes is { } min && child.FeedingIntervalMaxMinutes is { } max && max < min)
                errors.Add($"{at}.feedingIntervalMaxMinutes", "The longest interval cannot be shorter than the shortest.");
        }
        return births;
    }

    private static void CheckEntries(List<(int Index, JournalEntry Value)> entries, EntryContext shared, JournalReadOptions options, ErrorCollector errors)
    {
        var now = options.TimeProvider.GetUtcNow();
        var firstIndexById = new Dictionary<Guid, int>();
        var sleepNeighbours = SleepNeighbours(entries);
        foreach (var (index, entry) in entries)
        {
            var at = $"entries[{index}]";
            if (entry.Id != Guid.Empty && !firstIndexById.TryAdd(entry.Id, index))
                errors.Add($"{at}.id", $"Another entry already has this id (entries[{firstIndexById[entry.Id]}]).");
            var context = sleepNeighbours.TryGetValue(entry, out var others) ? shared with { OtherSleeps = others } : shared;
            foreach (var error in EntryValidator.Validate(entry, context, now, options.EntryLimits))
                errors.Add($"{at}.{error.Field}", error.Message);
        }
    }

    /// <summary>
    /// For each sleep, the two sleeps of the same child that could overlap it: the latest-ending one that starts
    /// before it and the next one to start. A sleep overlaps some other sleep exactly when it overlaps one of
    /// these, which keeps the check linear after sorting instead of comparing every pair.
    /// </summary>
    private static Dictionary<JournalEntry, IReadOnlyList<(Guid Id, DateTimeOffset Start, DateTimeOffset? End)>> SleepNeighbours(
        List<(int Index, JournalEntry Value)> entries)
    {
        var result = new Dictionary<JournalEntry, IReadOnlyList<(Guid, DateTimeOffset, DateTimeOffset?)>>(ReferenceEqualityComparer.Instance);
        var byChild = entries.Select(e => e.Value).OfType<SleepEntry>().Where(s => s.ChildId is not null).GroupBy(s => s.ChildId);
        foreach (var group in byChild)
        {
            var sleeps = group.OrderBy(s => s.StartedAt).ThenBy(s => s.EndedAt ?? DateTimeOffset.MaxValue).ToList();
            SleepEntry? latestEndingBefore = null;
            for (var i = 0; i < sleeps.Count; i++)
            {
                var neighbours = new List<(Guid, DateTimeOffset, DateTimeOffset?)>(2);
                if (latestEndingBefore is not null) neighbours.Add(Interval(latestEndingBefore));
                if (i + 1 < sleeps.Count) neighbours.Add(Interval(sleeps[i + 1]));
                result[sleeps[i]] = neighbours;
                if (latestEndingBefore is null || End(sleeps[i]) > End(latestEndingBefore)) latestEndingBefore = sleeps[i];
            }
        }
        return result;

        static DateTimeOffset End(SleepEntry s) => s.EndedAt ?? DateTimeOffset.MaxValue;
        // The id is left empty on purpose: duplicated ids are reported separately and must not hide an overlap.
        static (Guid, DateTimeOffset, DateTimeOffset?) Interval(SleepEntry s) => (Guid.Empty, s.StartedAt, s.EndedAt);
    }

    private static bool CheckId(string field, Guid id, HashSet<Guid> seen, string what, ErrorCollector errors)
    {
        if (id == Guid.Empty)
        {
            errors.Add(field, $"Every {what} needs an id (a GUID).");
            return false;
        }
        if (!seen.Add(id))
        {
            errors.Add(field, $"Another {what} already has this id.");
            return false;
        }
        return true;
    }

    private static void CheckName(string field, string? name, ErrorCollector errors)
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add(field, "The name is empty.");
        else if (name.Length > MaxNameLength) errors.Add(field, $"Please keep the name under {MaxNameLength} characters.");
    }
}
