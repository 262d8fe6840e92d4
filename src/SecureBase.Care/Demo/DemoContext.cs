using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>What every part of the demo shares: the clock, the caregivers, the entries written so far.</summary>
internal sealed class DemoContext(DemoClock clock, DemoCareTeam team, DemoRandom ids, Func<JournalChild, DateOnly, bool> isColicEvening)
{
    public DemoClock Clock { get; } = clock;
    public DemoCareTeam Team { get; } = team;
    public List<JournalEntry> Entries { get; } = [];

    public bool IsColicEvening(JournalChild child, DateOnly date) => isColicEvening(child, date);

    /// <summary>Adds an entry with its id, who did it, who logged it (the grandmother's care is mostly logged by Emma) and when.</summary>
    public T Add<T>(T entry, Guid doneBy) where T : JournalEntry
    {
        entry.Id = ids.NextGuid();
        entry.DoneBy = doneBy;
        entry.LoggedBy = doneBy == Team.Ruth.Id && ids.Chance(0.7) ? Team.Emma.Id : doneBy;
        entry.RecordedAt = (entry.EndedAt ?? entry.StartedAt) + ids.Seconds(10, 360);
        Entries.Add(entry);
        return entry;
    }
}
