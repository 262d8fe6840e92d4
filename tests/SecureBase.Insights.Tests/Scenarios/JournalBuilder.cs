using System.Security.Cryptography;
using System.Text;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Insights.Tests.Scenarios;

/// <summary>Builds journal documents for tests with stable ids (derived from a seed), times given in the household's local time.</summary>
internal sealed class JournalBuilder
{
    private readonly string _seed;
    private readonly TimeZoneInfo _zone;
    private readonly JournalDocument _document;
    private int _next;

    public JournalBuilder(string seed, string householdName, string timeZone = "Europe/Paris")
    {
        _seed = seed;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        _document = new JournalDocument
        {
            ExportedAt = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero),
            Household = new JournalHousehold(NewId(), householdName, timeZone),
        };
    }

    public TimeZoneInfo Zone => _zone;

    /// <summary>A GUID that depends only on the seed and how many ids were made before it.</summary>
    public Guid NewId() => new(SHA256.HashData(Encoding.UTF8.GetBytes($"{_seed}/{_next++}")).AsSpan(0, 16));

    public JournalCaregiver Caregiver(string name, CaregiverRole role = CaregiverRole.Parent)
    {
        var caregiver = new JournalCaregiver(NewId(), name, role, false);
        _document.Caregivers.Add(caregiver);
        return caregiver;
    }

    public JournalChild Child(string name, DateOnly birth, string pronoun)
    {
        var child = new JournalChild(NewId(), name, birth, pronoun, null, null);
        _document.Children.Add(child);
        return child;
    }

    /// <summary>A local date and time in the household's zone, as an instant.</summary>
    public DateTimeOffset At(DateOnly day, int hour, int minute, int second = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute, second));
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    public T Add<T>(T entry) where T : JournalEntry
    {
        if (entry.Id == Guid.Empty) entry.Id = NewId();
        entry.RecordedAt = entry.EndedAt ?? entry.StartedAt;
        _document.Entries.Add(entry);
        return entry;
    }

    public FeedEntry Feed(JournalChild child, JournalCaregiver by, DateTimeOffset start, int minutes, FeedKind kind = FeedKind.Formula,
        double? amount = 150, FormulaTemperature? temperature = FormulaTemperature.Ok, bool refused = false) =>
        Add(new FeedEntry
        {
            ChildId = child.Id, LoggedBy = by.Id, DoneBy = by.Id, StartedAt = start, EndedAt = start.AddMinutes(minutes),
            Kind = kind, Amount = refused ? null : amount, Temperature = kind is FeedKind.Formula or FeedKind.BottleBreastMilk ? temperature : null, Refused = refused,
        });

    public DiaperEntry Diaper(JournalChild child, JournalCaregiver by, DateTimeOffset at, bool wet = true, bool solid = false) =>
        Add(new DiaperEntry { ChildId = child.Id, LoggedBy = by.Id, DoneBy = by.Id, StartedAt = at, Wet = wet, Solid = solid });

    public SleepEntry Sleep(JournalChild child, JournalCaregiver by, DateTimeOffset start, DateTimeOffset end, SleepLocation where = SleepLocation.Crib) =>
        Add(new SleepEntry { ChildId = child.Id, LoggedBy = by.Id, DoneBy = by.Id, StartedAt = start, EndedAt = end, Location = where });

    public ConnectionEntry Connection(JournalChild child, JournalCaregiver by, DateTimeOffset start, int minutes, ConnectionKind kind) =>
        Add(new ConnectionEntry { ChildId = child.Id, LoggedBy = by.Id, DoneBy = by.Id, StartedAt = start, EndedAt = start.AddMinutes(minutes), Kind = kind });

    public CheckInEntry CheckIn(JournalCaregiver who, DateTimeOffset at, CaregiverState state, string? note = null) =>
        Add(new CheckInEntry { LoggedBy = who.Id, DoneBy = who.Id, StartedAt = at, State = state, Note = note });

    public CryEpisodeEntry Cry(JournalChild child, JournalCaregiver loggedBy, DateTimeOffset onset, IEnumerable<(CryStage Stage, DateTimeOffset At)> stages,
        DateTimeOffset? settled, params CryResponse[] responses)
    {
        var timeline = stages.Select(s => new CryStageChange { Stage = s.Stage, At = s.At }).ToList();
        return Add(new CryEpisodeEntry
        {
            ChildId = child.Id, LoggedBy = loggedBy.Id, StartedAt = onset, EndedAt = settled, SettledAt = settled,
            Source = CrySource.Monitor, Stages = timeline, PeakStage = timeline.Count == 0 ? CryStage.Fussing : timeline.Max(s => s.Stage),
            Responses = [.. responses],
        });
    }

    public JournalDocument Build()
    {
        _document.Entries.Sort((a, b) => a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : a.Id.CompareTo(b.Id));
        return _document;
    }

    /// <summary>Every entry checked with the journal's own rules, as of the export time.</summary>
    public static IReadOnlyList<string> Problems(JournalDocument document)
    {
        var context = new EntryContext(
            document.Children.ToDictionary(c => c.Id, c => c.BirthDate),
            document.Caregivers.Select(c => c.Id).ToHashSet(),
            []);
        var problems = new List<string>();
        foreach (var entry in document.Entries)
        {
            var sleeps = entry is SleepEntry
                ? document.Entries.OfType<SleepEntry>().Where(s => s.ChildId == entry.ChildId && s.Id != entry.Id).Select(s => (s.Id, s.StartedAt, s.EndedAt)).ToList()
                : [];
            foreach (var error in EntryValidator.Validate(entry, context with { OtherSleeps = sleeps }, document.ExportedAt))
                problems.Add($"{entry.Type} {entry.StartedAt:u}: {error.Field}: {error.Message}");
        }
        return problems;
    }
}
