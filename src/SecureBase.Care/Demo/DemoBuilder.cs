using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>Assembles a demo household and its journal, then trims it to the requested window.</summary>
internal sealed class DemoBuilder
{
    private readonly DemoClock _clock;
    private readonly DemoRandom _ids;
    private readonly DemoRandom _random;
    private readonly DemoContext _context;
    private readonly string _timeZone;
    private readonly List<JournalChild> _children = [];

    public DemoBuilder(DemoClock clock, int seed, string timeZone, Func<JournalChild, DateOnly, bool> isColicEvening)
    {
        _clock = clock;
        _timeZone = timeZone;
        _ids = new DemoRandom(seed);
        _random = new DemoRandom(seed * 7919 + 17);
        HouseholdId = _ids.NextGuid();
        Team = new DemoCareTeam(clock, _ids);
        _context = new DemoContext(clock, Team, new DemoRandom(seed * 104729 + 3), isColicEvening);
    }

    public Guid HouseholdId { get; }
    public DemoCareTeam Team { get; }

    public JournalChild AddChild(string name, string pronoun, DateOnly birthDate)
    {
        var child = new JournalChild(_ids.NextGuid(), name, birthDate, pronoun, null, null);
        _children.Add(child);
        return child;
    }

    /// <summary>Writes every child's care days from <paramref name="first"/> to <paramref name="last"/>, each on its own random stream.</summary>
    public void WriteDays(DateOnly first, DateOnly last)
    {
        for (var i = 0; i < _children.Count; i++)
        {
            var child = _children[i];
            var writer = new DemoDayWriter(_context, child, new DemoRandom((int)_random.NextUInt64()), writesCheckIns: i == 0);
            var wake = _clock.At(first, TimeSpan.FromHours(6.5));
            for (var date = first; date <= last; date = date.AddDays(1))
                wake = writer.WriteCareDay(date, wake);
        }
    }

    public void Milestone(JournalChild child, DateOnly date, double hour, MilestoneKind kind, string description, Guid by) =>
        _context.Add(new MilestoneEntry { ChildId = child.Id, StartedAt = At(date, hour), Kind = kind, Description = description }, by);

    public void Reading(JournalChild child, DateOnly date, double hour, TimeSpan length, Guid by)
    {
        var start = At(date, hour);
        _context.Add(new ConnectionEntry { ChildId = child.Id, Kind = ConnectionKind.Reading, StartedAt = start, EndedAt = start + length }, by);
    }

    public void Note(JournalChild child, DateOnly date, double hour, string text, Guid by) =>
        _context.Add(new NoteEntry { ChildId = child.Id, StartedAt = At(date, hour), Text = text }, by);

    /// <summary>Each caregiver's weekly "how am I doing".</summary>
    public void WeeklyCheckIns(DateOnly first, DateOnly last)
    {
        for (var date = first.AddDays(3); date <= last; date = date.AddDays(7))
        {
            _context.Add(new CheckInEntry { StartedAt = At(date, 21.75), State = _random.Chance(0.6) ? CaregiverState.Calm : CaregiverState.Tired }, Team.Emma.Id);
            _context.Add(new CheckInEntry { StartedAt = At(date.AddDays(1), 22), State = _random.Chance(0.5) ? CaregiverState.Tired : CaregiverState.Stressed }, Team.Tom.Id);
            _context.Add(new CheckInEntry { StartedAt = At(date.AddDays(2), 18), State = CaregiverState.Calm, Note = "Lovely afternoon together." }, Team.Ruth.Id);
        }
    }

    /// <summary>
    /// Keeps what falls between <paramref name="from"/> and <paramref name="now"/>: entries that end later are
    /// dropped, except a sleep or feed in progress, which stays as a running timer.
    /// </summary>
    public JournalDocument Finish(DateTimeOffset now, DateTimeOffset from)
    {
        var kept = new List<JournalEntry>();
        foreach (var entry in _context.Entries)
        {
            if (entry.StartedAt < from || entry.StartedAt > now) continue;
            if (entry.EndedAt > now || (entry is CryEpisodeEntry cry && cry.SettledAt > now))
            {
                if (entry is not (SleepEntry or FeedEntry)) continue; // a running sleep or feed timer
                entry.EndedAt = null;
            }
            if (entry.RecordedAt > now) entry.RecordedAt = now;
            kept.Add(entry);
        }
        return new JournalDocument
        {
            ExportedAt = now,
            Household = new JournalHousehold(HouseholdId, "The Martin family", _timeZone),
            Caregivers = [.. Team.All],
            Children = [.. _children],
            Entries = [.. kept.OrderBy(e => e.StartedAt).ThenBy(e => e.Id)],
        };
    }

    private DateTimeOffset At(DateOnly date, double hour) => _clock.At(date, TimeSpan.FromHours(hour));
}
