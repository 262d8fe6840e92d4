using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Insights.Charts;

/// <summary>
/// The day-by-day series the Insights charts draw, for one child over one period: how long cries waited for each
/// caregiver, how many cries there were and how far they went, each feed's gap against the feeding interval, and
/// connection moments. Read from the same entries as <see cref="InsightsCalculator"/>, with the same rules (a cry
/// belongs to the day of its onset; its answer is the earliest arrival).
/// </summary>
/// <param name="Days">The household-local days of the period, in order.</param>
/// <param name="Cries">Cries per day by the highest stage they reached, one item per day.</param>
/// <param name="Latency">Per caregiver, the median latency (seconds) of the cries they were first to reach, one value per day (null: none that day).</param>
/// <param name="Feeds">Each taken feed in the period with the gap since the taken feed before it.</param>
/// <param name="Connections">Connection moments per day, one value per day.</param>
public sealed record InsightsSeries(
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<CriesOfDay> Cries,
    IReadOnlyList<LatencySeries> Latency,
    IReadOnlyList<FeedGap> Feeds,
    IReadOnlyList<int> Connections)
{
    /// <summary>Longest period the charts draw day by day; longer periods still get every figure, and the charts show their last days.</summary>
    public const int MaxDays = 92;

    /// <summary>Builds the series. Entries may be in any order and may include context before the period (ignored except as the feed before the first).</summary>
    public static InsightsSeries Compute(InsightsInput input, InsightsPeriod period, InsightsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        options ??= new InsightsOptions();
        var zone = input.TimeZone;
        var first = LocalDate(period.From, zone);
        var last = LocalDate(period.To.AddTicks(-1), zone);
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) first = last.AddDays(1 - MaxDays);
        var chartFrom = InsightsPeriod.StartOfLocalDay(first, zone);
        var dayCount = last.DayNumber - first.DayNumber + 1;
        var days = Enumerable.Range(0, dayCount).Select(first.AddDays).ToList();

        var fussing = new int[dayCount];
        var crying = new int[dayCount];
        var intense = new int[dayCount];
        var connections = new int[dayCount];
        var latencies = new Dictionary<Guid, List<double>[]>();
        var feeds = new List<FeedGap>();
        var names = input.Caregivers.ToDictionary(c => c.Id, c => c.Name);
        var child = new Child
        {
            Id = input.Child.Id, Name = input.Child.Name, BirthDate = input.Child.BirthDate,
            FeedingIntervalMinMinutes = input.Child.FeedingIntervalMinMinutes, FeedingIntervalMaxMinutes = input.Child.FeedingIntervalMaxMinutes,
        };
        DateTimeOffset? previousFeed = null;
        // Sleeps that may still overlap the next feed gap, as in the continuity figures.
        var sleeps = new List<(DateTimeOffset Start, DateTimeOffset End)>();

        foreach (var entry in InTimeOrder(input.Entries))
        {
            if (entry.StartedAt >= period.To) break;
            if (entry.ChildId != input.Child.Id) continue;
            if (entry is SleepEntry { EndedAt: { } end } sleep && end > sleep.StartedAt) sleeps.Add((sleep.StartedAt, end));
            if (entry is FeedEntry { Refused: false } feed)
            {
                if (feed.StartedAt >= chartFrom && previousFeed is { } before && feed.StartedAt > before)
                {
                    var day = LocalDate(feed.StartedAt, zone);
                    var gap = feed.StartedAt - before;
                    var sleptThrough = Asleep(sleeps, before, feed.StartedAt).TotalSeconds >= options.SleepCoveredGapShare * gap.TotalSeconds;
                    feeds.Add(new FeedGap(feed.StartedAt, gap.TotalHours, FeedingInterval.For(child, day).Max.TotalHours, sleptThrough));
                }
                previousFeed = feed.StartedAt;
                sleeps.RemoveAll(s => s.End <= feed.StartedAt);
                continue;
            }
            if (entry.StartedAt < chartFrom) continue;
            var index = LocalDate(entry.StartedAt, zone).DayNumber - first.DayNumber;
            if (index < 0 || index >= dayCount) continue;
            switch (entry)
            {
                case ConnectionEntry:
                    connections[index]++;
                    break;
                case CryEpisodeEntry cry:
                    var peak = cry.Stages.Count == 0 ? cry.PeakStage : cry.Stages.Max(s => s.Stage);
                    if (cry.PeakStage > peak) peak = cry.PeakStage;
                    (peak switch { CryStage.Intense => intense, CryStage.Crying => crying, _ => fussing })[index]++;
                    var answer = cry.Responses.Where(r => r.ArrivedAt is not null).MinBy(r => r.ArrivedAt);
                    if (answer?.ArrivedAt is { } arrived)
                    {
                        if (!latencies.TryGetValue(answer.CaregiverId, out var perDay))
                        {
                            latencies[answer.CaregiverId] = perDay = new List<double>[dayCount];
                        }
                        (perDay[index] ??= []).Add(Math.Max(0, (arrived - cry.StartedAt).TotalSeconds));
                    }
                    break;
            }
        }

        var latency = latencies
            .Select(l => new LatencySeries(
                l.Key, names.TryGetValue(l.Key, out var name) ? name : "a former caregiver",
                l.Value.Select(values => values is null ? (double?)null : Stats.Median(values)).ToList(),
                l.Value.Sum(v => v?.Count ?? 0)))
            .OrderByDescending(s => s.Answered).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return new InsightsSeries(
            days,
            days.Select((d, i) => new CriesOfDay(d, fussing[i], crying[i], intense[i])).ToList(),
            latency,
            feeds,
            connections);
    }

    /// <summary>The entries in time order: a journal keeps them so, and only an unordered list is copied and sorted.</summary>
    private static IReadOnlyList<JournalEntry> InTimeOrder(IReadOnlyList<JournalEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].StartedAt < entries[i - 1].StartedAt) return [.. entries.OrderBy(e => e.StartedAt)];
        }
        return entries;
    }

    private static TimeSpan Asleep(List<(DateTimeOffset Start, DateTimeOffset End)> sleeps, DateTimeOffset start, DateTimeOffset end)
    {
        var asleep = TimeSpan.Zero;
        foreach (var (s, e) in sleeps)
        {
            var overlap = (e < end ? e : end) - (s > start ? s : start);
            if (overlap > TimeSpan.Zero) asleep += overlap;
        }
        return asleep;
    }

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}

/// <summary>Cries whose onset fell on one local day, by the highest stage each reached.</summary>
public sealed record CriesOfDay(DateOnly Day, int Fussing, int Crying, int Intense)
{
    public int Total => Fussing + Crying + Intense;
}

/// <summary>One caregiver's median latency per day, seconds (null on days they answered no cry).</summary>
/// <param name="CaregiverId">The caregiver.</param>
/// <param name="Name">The caregiver's name.</param>
/// <param name="MedianSecondsByDay">Median seconds from onset to this caregiver's arrival, per charted day.</param>
/// <param name="Answered">Cries of the charted days this caregiver was first to reach.</param>
public sealed record LatencySeries(Guid CaregiverId, string Name, IReadOnlyList<double?> MedianSecondsByDay, int Answered);

/// <summary>A taken feed and the gap since the taken feed before it, against the child's feeding interval maximum that day (hours).</summary>
/// <param name="At">When the feed began.</param>
/// <param name="GapHours">Hours since the taken feed before.</param>
/// <param name="IntervalMaxHours">The child's feeding interval maximum on the feed's day, hours.</param>
/// <param name="SleptThrough">The child slept through at least <see cref="InsightsOptions.SleepCoveredGapShare"/> of the gap; such gaps are not counted as overdue.</param>
public sealed record FeedGap(DateTimeOffset At, double GapHours, double IntervalMaxHours, bool SleptThrough)
{
    /// <summary>Longer than the interval while awake (the gaps the continuity figures count as overdue).</summary>
    public bool Overdue => !SleptThrough && GapHours > IntervalMaxHours;
}
