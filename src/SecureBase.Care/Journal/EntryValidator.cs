namespace SecureBase.Care.Journal;

/// <summary>A rule an entry broke: the field (camelCase, as in the API) and a plain message.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Limits applied to every entry. Defaults are generous; they catch typos, not unusual days.</summary>
public sealed record EntryLimits
{
    /// <summary>How far ahead of the server clock a time may be (clock skew between phones).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxFeedDuration { get; init; } = TimeSpan.FromHours(3);
    public TimeSpan MaxSleepDuration { get; init; } = TimeSpan.FromHours(18);
    public TimeSpan MaxCryDuration { get; init; } = TimeSpan.FromHours(6);
    public TimeSpan MaxOtherDuration { get; init; } = TimeSpan.FromHours(12);
    /// <summary>Millilitres or grams.</summary>
    public double MaxFeedAmount { get; init; } = 1000;
    public int MaxTextLength { get; init; } = 4000;
    public int MaxListLength { get; init; } = 50;
    /// <summary>Entries older than this before the child's birth are refused (prenatal notes allowed up to it).</summary>
    public TimeSpan MaxBeforeBirth { get; init; } = TimeSpan.FromDays(30);
}

/// <summary>What the validator needs to know about the household the entry belongs to.</summary>
/// <param name="Children">The household's children, by id, with their birth dates.</param>
/// <param name="CaregiverIds">The household's caregivers.</param>
/// <param name="OtherSleeps">Existing sleep intervals of the entry's child (excluding the entry itself), to refuse overlaps.</param>
public sealed record EntryContext(
    IReadOnlyDictionary<Guid, DateOnly> Children,
    IReadOnlySet<Guid> CaregiverIds,
    IReadOnlyList<(Guid Id, DateTimeOffset Start, DateTimeOffset? End)> OtherSleeps);

/// <summary>Checks one entry against the journal's rules. Pure: the caller supplies the clock reading and context.</summary>
public static class EntryValidator
{
    /// <summary>The error a sleep overlapping another sleep of the same child gets, wherever it is caught.</summary>
    public const string SleepOverlapMessage = "This sleep overlaps another sleep of the same child.";

    /// <summary>Whether two sleeps overlap; a sleep without an end (still asleep) runs on indefinitely.</summary>
    public static bool SleepsOverlap(DateTimeOffset start, DateTimeOffset? end, DateTimeOffset otherStart, DateTimeOffset? otherEnd) =>
        start < (otherEnd ?? DateTimeOffset.MaxValue) && otherStart < (end ?? DateTimeOffset.MaxValue);

    public static IReadOnlyList<ValidationError> Validate(JournalEntry entry, EntryContext context, DateTimeOffset now, EntryLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(context);
        limits ??= new EntryLimits();
        var errors = new List<ValidationError>();
        void Fail(string field, string message) => errors.Add(new ValidationError(field, message));

        if (entry.Id == Guid.Empty) Fail("id", "Every entry needs an id (a GUID chosen by the client).");

        if (entry.ChildId is { } childId)
        {
            if (!context.Children.TryGetValue(childId, out var birth))
                Fail("childId", "There is no such child in this household.");
            else if (entry.StartedAt < new DateTimeOffset(birth.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - limits.MaxBeforeBirth)
                Fail("startedAt", "This is long before the child's birth date.");
        }
        else if (entry is not CheckInEntry and not NoteEntry)
        {
            Fail("childId", "Say which child this entry is about.");
        }

        if (!context.CaregiverIds.Contains(entry.LoggedBy)) Fail("loggedBy", "There is no such caregiver in this household.");
        if (entry.DoneBy is { } doneBy && !context.CaregiverIds.Contains(doneBy)) Fail("doneBy", "There is no such caregiver in this household.");

        var latest = now + limits.MaxFutureSkew;
        if (entry.StartedAt > latest) Fail("startedAt", "The start is in the future.");
        if (entry.EndedAt is { } end)
        {
            if (end < entry.StartedAt) Fail("endedAt", "The end is before the start.");
            if (end > latest) Fail("endedAt", "The end is in the future.");
            var max = entry switch
            {
                FeedEntry => limits.MaxFeedDuration,
                SleepEntry => limits.MaxSleepDuration,
                CryEpisodeEntry => limits.MaxCryDuration,
                _ => limits.MaxOtherDuration,
            };
            if (end - entry.StartedAt > max) Fail("endedAt", $"That is longer than {max.TotalHours:0.#} hours; please check the times.");
        }

        CheckText("note", entry.Note);
        switch (entry)
        {
            case FeedEntry feed:
                if (feed.Amount is { } amount && (double.IsNaN(amount) || amount <= 0 || amount > limits.MaxFeedAmount))
                    Fail("amount", $"The amount must be between 0 and {limits.MaxFeedAmount}.");
                if (feed.Temperature is not null && feed.Kind is not (FeedKind.Formula or FeedKind.BottleBreastMilk))
                    Fail("temperature", "The temperature applies to a bottle or formula feed.");
                break;
            case SleepEntry sleep:
                foreach (var other in context.OtherSleeps)
                {
                    if (other.Id == sleep.Id) continue;
                    if (SleepsOverlap(sleep.StartedAt, sleep.EndedAt, other.Start, other.End))
                    {
                        Fail("startedAt", SleepOverlapMessage);
                        break;
                    }
                }
                break;
            case MilestoneEntry { Kind: MilestoneKind.Other, Description: null or "" }:
                Fail("description", "Describe the milestone.");
                break;
            case MilestoneEntry milestone:
                CheckText("description", milestone.Description);
                break;
            case NoteEntry note:
                if (string.IsNullOrWhiteSpace(note.Text)) Fail("text", "The note is empty.");
                CheckText("text", note.Text);
                break;
            case CryEpisodeEntry cry:
                ValidateCry(cry, context, latest, limits, Fail);
                break;
        }
        return errors;

        void CheckText(string field, string? text)
        {
            if (text is not null && text.Length > limits.MaxTextLength) Fail(field, $"Please keep it under {limits.MaxTextLength} characters.");
        }
    }

    private static void ValidateCry(CryEpisodeEntry cry, EntryContext context, DateTimeOffset latest, EntryLimits limits, Action<string, string> fail)
    {
        if (cry.Stages.Count > limits.MaxListLength) fail("stages", "Too many stage changes.");
        for (var i = 0; i < cry.Stages.Count; i++)
        {
            if (cry.Stages[i].At < cry.StartedAt || cry.Stages[i].At > latest) fail($"stages[{i}].at", "A stage change must fall between the onset and now.");
            if (i > 0 && cry.Stages[i].At < cry.Stages[i - 1].At) fail($"stages[{i}].at", "Stage changes must be in time order.");
        }
        if (cry.Stages.Count > 0 && cry.Stages.Max(s => s.Stage) != cry.PeakStage) fail("peakStage", "The peak stage must be the highest stage of the timeline.");
        if (cry.SettledAt is { } settled && (settled < cry.StartedAt || settled > latest)) fail("settledAt", "The settle time must fall between the onset and now.");
        if (cry.Responses.Count > limits.MaxListLength) fail("responses", "Too many responses.");
        for (var i = 0; i < cry.Responses.Count; i++)
        {
            var r = cry.Responses[i];
            var at = $"responses[{i}]";
            if (!context.CaregiverIds.Contains(r.CaregiverId)) fail($"{at}.caregiverId", "There is no such caregiver in this household.");
            if (r.AcknowledgedAt is { } ack && (ack < cry.StartedAt || ack > latest)) fail($"{at}.acknowledgedAt", "Must fall between the onset and now.");
            if (r.ArrivedAt is { } arrived)
            {
                if (arrived < cry.StartedAt || arrived > latest) fail($"{at}.arrivedAt", "Must fall between the onset and now.");
                if (r.AcknowledgedAt is { } ack2 && arrived < ack2) fail($"{at}.arrivedAt", "Arrival cannot come before the acknowledgement.");
            }
            if (r.Actions.Count > limits.MaxListLength) fail($"{at}.actions", "Too many actions.");
            if (r.ResolvedBy is { } resolved && !r.Actions.Exists(a => a.Action == resolved))
                fail($"{at}.resolvedBy", "The resolving action must be one of the actions taken.");
            if (r.BusyWith is not null && r.BusyWith.Length > 200) fail($"{at}.busyWith", "Please keep it short.");
        }
    }
}
