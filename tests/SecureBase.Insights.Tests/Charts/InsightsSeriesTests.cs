using SecureBase.Care.Journal;
using SecureBase.Insights.Charts;
using SecureBase.Insights.Tests.Scenarios;

namespace SecureBase.Insights.Tests.Charts;

/// <summary>The day-by-day series behind the Insights charts, on a small hand-built journal in Europe/Paris.</summary>
public class InsightsSeriesTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public void Cries_count_on_the_local_day_of_their_onset_by_the_highest_stage_reached()
    {
        var b = new JournalBuilder("series-cries", "Series");
        var anna = b.Caregiver("Anna");
        var sarah = b.Child("Sarah", Monday.AddDays(-100), "her");
        // 23:50 local on Monday is Monday's, even though it is Monday 22:50 UTC and the cry runs past midnight.
        b.Cry(sarah, anna, b.At(Monday, 23, 50), [(CryStage.Fussing, b.At(Monday, 23, 50)), (CryStage.Intense, b.At(Monday, 23, 58))], b.At(Monday.AddDays(1), 0, 20));
        b.Cry(sarah, anna, b.At(Monday.AddDays(1), 0, 30), [(CryStage.Fussing, b.At(Monday.AddDays(1), 0, 30))], b.At(Monday.AddDays(1), 0, 35));
        b.Cry(sarah, anna, b.At(Monday.AddDays(1), 9, 0), [(CryStage.Fussing, b.At(Monday.AddDays(1), 9, 0)), (CryStage.Crying, b.At(Monday.AddDays(1), 9, 2))], b.At(Monday.AddDays(1), 9, 20));
        var document = b.Build();

        var series = InsightsSeries.Compute(InsightsInput.FromDocument(document, "Sarah"), InsightsPeriod.Custom(Monday, Monday.AddDays(2), b.Zone));

        Assert.Equal([Monday, Monday.AddDays(1), Monday.AddDays(2)], series.Days);
        Assert.Equal(new CriesOfDay(Monday, 0, 0, 1), series.Cries[0]);
        Assert.Equal(new CriesOfDay(Monday.AddDays(1), 1, 1, 0), series.Cries[1]);
        Assert.Equal(0, series.Cries[2].Total);
    }

    [Fact]
    public void Latency_is_per_caregiver_who_arrived_first_with_the_daily_median_and_gaps_on_days_without_answers()
    {
        var b = new JournalBuilder("series-latency", "Series");
        var anna = b.Caregiver("Anna");
        var tom = b.Caregiver("Tom");
        var sarah = b.Child("Sarah", Monday.AddDays(-100), "her");
        void Cry(DateOnly day, int hour, params (Guid Who, int Seconds)[] arrivals)
        {
            var onset = b.At(day, hour, 0);
            b.Cry(sarah, anna, onset, [(CryStage.Fussing, onset)], onset.AddMinutes(15),
                [.. arrivals.Select(a => new CryResponse { CaregiverId = a.Who, ArrivedAt = onset.AddSeconds(a.Seconds) })]);
        }
        Cry(Monday, 8, (anna.Id, 10));
        Cry(Monday, 12, (anna.Id, 30), (tom.Id, 20)); // Tom was there first: his.
        Cry(Monday, 18, (anna.Id, 50));
        Cry(Monday.AddDays(2), 9, (tom.Id, 300));
        var document = b.Build();

        var series = InsightsSeries.Compute(InsightsInput.FromDocument(document, "Sarah"), InsightsPeriod.Custom(Monday, Monday.AddDays(2), b.Zone));

        var annas = Assert.Single(series.Latency, s => s.Name == "Anna");
        var toms = Assert.Single(series.Latency, s => s.Name == "Tom");
        Assert.Equal([30.0, null, null], annas.MedianSecondsByDay);
        Assert.Equal([20.0, null, 300.0], toms.MedianSecondsByDay);
        Assert.Equal(2, annas.Answered);
        Assert.Equal(2, toms.Answered);
    }

    [Fact]
    public void Feed_gaps_are_measured_from_the_feed_before_the_period_and_a_gap_slept_through_is_not_overdue()
    {
        var b = new JournalBuilder("series-feeds", "Series");
        var anna = b.Caregiver("Anna");
        var sarah = b.Child("Sarah", Monday.AddDays(-100), "her"); // under six months: due by 3 h
        b.Feed(sarah, anna, b.At(Monday.AddDays(-1), 22, 0), 20);        // before the period: only the start of the first gap
        b.Sleep(sarah, anna, b.At(Monday.AddDays(-1), 22, 30), b.At(Monday, 5, 0));
        b.Feed(sarah, anna, b.At(Monday, 5, 30), 20);                     // 7 h 30 min, mostly asleep
        b.Feed(sarah, anna, b.At(Monday, 8, 0), 20, refused: true);       // refused: not a feed taken
        b.Feed(sarah, anna, b.At(Monday, 9, 30), 20);                     // 4 h awake: longer than the interval
        b.Feed(sarah, anna, b.At(Monday, 12, 0), 20);                     // 2 h 30 min: within
        var document = b.Build();

        var series = InsightsSeries.Compute(InsightsInput.FromDocument(document, "Sarah"), InsightsPeriod.Day(Monday, b.Zone));

        Assert.Equal(3, series.Feeds.Count);
        Assert.Equal((7.5, true, false), (series.Feeds[0].GapHours, series.Feeds[0].SleptThrough, series.Feeds[0].Overdue));
        Assert.Equal((4.0, false, true), (series.Feeds[1].GapHours, series.Feeds[1].SleptThrough, series.Feeds[1].Overdue));
        Assert.Equal((2.5, false, false), (series.Feeds[2].GapHours, series.Feeds[2].SleptThrough, series.Feeds[2].Overdue));
        Assert.All(series.Feeds, f => Assert.Equal(3.0, f.IntervalMaxHours));
        // The continuity figures agree: one overdue gap of the two counted.
        var result = new InsightsCalculator().Compute(document, "Sarah", InsightsPeriod.Day(Monday, b.Zone));
        Assert.Equal(2, result.Continuity.FeedGapsCounted);
        Assert.Equal(1, result.Continuity.OverdueFeedGaps);
    }

    [Fact]
    public void Connections_are_counted_per_day_and_long_periods_chart_their_last_days()
    {
        var b = new JournalBuilder("series-connections", "Series");
        var anna = b.Caregiver("Anna");
        var sarah = b.Child("Sarah", Monday.AddDays(-300), "her");
        var last = Monday.AddDays(199);
        b.Connection(sarah, anna, b.At(last, 10, 0), 10, ConnectionKind.SmileExchange);
        b.Connection(sarah, anna, b.At(last, 17, 0), 10, ConnectionKind.Reading);
        b.Connection(sarah, anna, b.At(Monday, 10, 0), 10, ConnectionKind.Reading); // outside the charted days
        var document = b.Build();

        var series = InsightsSeries.Compute(InsightsInput.FromDocument(document, "Sarah"), InsightsPeriod.Custom(Monday, last, b.Zone));

        Assert.Equal(InsightsSeries.MaxDays, series.Days.Count);
        Assert.Equal(last, series.Days[^1]);
        Assert.Equal(2, series.Connections[^1]);
        Assert.Equal(2, series.Connections.Sum());
    }
}
