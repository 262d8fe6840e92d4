using System.Globalization;
using SecureBase.Insights.Charts;

namespace SecureBase.Web.Features.Insights;

/// <summary>One chart: its SVG, a legend, and the same numbers as a table (for screen readers and print).</summary>
/// <param name="Id">The element id of the SVG.</param>
/// <param name="Title">The chart's heading and accessible name.</param>
/// <param name="Description">What the chart shows, in one sentence with its numbers.</param>
/// <param name="Svg">The chart as inline SVG markup, with a title and a description.</param>
/// <param name="Legend">What each colour and shape means: (css class of the swatch, marker shape, label).</param>
/// <param name="Columns">Column headings of the table.</param>
/// <param name="Rows">Table rows, already formatted.</param>
public sealed record Chart(string Id, string Title, string Description, string Svg, IReadOnlyList<LegendItem> Legend,
    IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record LegendItem(string Css, string Label);

/// <summary>Builds the four Insights charts from the day-by-day series.</summary>
public static class InsightsCharts
{
    private static readonly string[] Markers = ["circle", "square", "diamond"];

    public static IReadOnlyList<Chart> All(InsightsSeries series, TimeZoneInfo zone, double targetConnectionsPerDay)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(zone);
        return [Latency(series), Cries(series), Feeds(series, zone), Connections(series, targetConnectionsPerDay)];
    }

    /// <summary>Median minutes from a cry's start to the first arrival, per day, one line per caregiver.</summary>
    public static Chart Latency(InsightsSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var maxMinutes = series.Latency.SelectMany(s => s.MedianSecondsByDay).Where(v => v is not null).Select(v => v!.Value / 60).DefaultIfEmpty(1).Max();
        var plot = new SvgPlot(series.Days.Count, Math.Max(1, maxMinutes));
        plot.ValueAxis("minutes", v => v.ToString("0.#", CultureInfo.InvariantCulture));
        plot.DayAxis(series.Days);
        var legend = new List<LegendItem>();
        for (var i = 0; i < series.Latency.Count; i++)
        {
            var css = $"series-{(i % 6) + 1}";
            plot.Line(series.Latency[i].MedianSecondsByDay.Select(s => s / 60).ToList(), css, Markers[i % Markers.Length]);
            legend.Add(new LegendItem($"{css} marker-{Markers[i % Markers.Length]}", series.Latency[i].Name));
        }
        var description = series.Latency.Count == 0
            ? "No cry was answered in these days."
            : string.Join("; ", series.Latency.Select(s =>
                $"{s.Name}: {s.Answered} {(s.Answered == 1 ? "cry" : "cries")} reached first, typically after {InsightWords.Duration(Median(s))}"));
        var rows = series.Days.Select((d, i) => (IReadOnlyList<string>)[Day(d), .. series.Latency.Select(s => s.MedianSecondsByDay[i] is { } v ? InsightWords.Duration(v) : "–")]).ToList();
        const string title = "How long cries waited for someone, day by day";
        return new Chart("chart-latency", title, description + ".", plot.ToSvg("chart-latency", title, description + "."), legend,
            ["Day", .. series.Latency.Select(s => s.Name)], rows);
    }

    /// <summary>Cries per day, stacked by the highest stage each reached.</summary>
    public static Chart Cries(InsightsSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new SvgPlot(series.Days.Count, Math.Max(4, series.Cries.Select(c => c.Total).DefaultIfEmpty(0).Max()));
        plot.ValueAxis("cries", v => v.ToString("0", CultureInfo.InvariantCulture));
        plot.DayAxis(series.Days);
        for (var i = 0; i < series.Cries.Count; i++)
        {
            var c = series.Cries[i];
            plot.Bar(i, 0, c.Fussing, "stage-fussing");
            plot.Bar(i, c.Fussing, c.Fussing + c.Crying, "stage-crying");
            plot.Bar(i, c.Fussing + c.Crying, c.Total, "stage-intense");
        }
        int f = series.Cries.Sum(c => c.Fussing), cr = series.Cries.Sum(c => c.Crying), n = series.Cries.Sum(c => c.Intense);
        var description = f + cr + n == 0 ? "No cries were logged in these days."
            : $"{f + cr + n} cries: {f} stayed at fussing, {cr} became crying, {n} became intense.";
        const string title = "Cries per day and how far they went";
        return new Chart("chart-cries", title, description, plot.ToSvg("chart-cries", title, description),
            [new("stage-fussing", "stayed at fussing"), new("stage-crying", "became crying"), new("stage-intense", "became intense")],
            ["Day", "Fussing", "Crying", "Intense", "All"],
            series.Cries.Select(c => (IReadOnlyList<string>)[Day(c.Day), Count(c.Fussing), Count(c.Crying), Count(c.Intense), Count(c.Total)]).ToList());
    }

    /// <summary>Each feed's gap since the one before, placed at its time, against the feeding interval maximum.</summary>
    public static Chart Feeds(InsightsSeries series, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(series);
        var intervalMax = series.Feeds.Select(g => g.IntervalMaxHours).DefaultIfEmpty(3).Max();
        var plot = new SvgPlot(series.Days.Count, Math.Max(intervalMax * 1.25, series.Feeds.Select(g => g.GapHours).DefaultIfEmpty(0).Max()));
        plot.ValueAxis("hours since the feed before", v => v.ToString("0.#", CultureInfo.InvariantCulture));
        plot.DayAxis(series.Days);
        var first = series.Days.Count > 0 ? series.Days[0] : default;
        foreach (var intervalHours in series.Feeds.Select(g => g.IntervalMaxHours).Distinct())
        {
            plot.Reference(intervalHours, $"due by {InsightWords.Hours(intervalHours)}");
        }
        foreach (var gap in series.Feeds)
        {
            var local = TimeZoneInfo.ConvertTime(gap.At, zone);
            var slot = DateOnly.FromDateTime(local.DateTime).DayNumber - first.DayNumber + (local.TimeOfDay.TotalHours / 24);
            var (css, shape) = gap.SleptThrough ? ("feed-slept", "square") : gap.Overdue ? ("feed-late", "diamond") : ("feed-ok", "circle");
            plot.Marker(plot.X(slot), plot.Y(gap.GapHours), css, shape);
        }
        var late = series.Feeds.Count(g => g.Overdue);
        var slept = series.Feeds.Count(g => g.SleptThrough);
        var description = series.Feeds.Count == 0 ? "No two feeds in a row were logged in these days."
            : $"{series.Feeds.Count} feeds: {series.Feeds.Count - late - slept} came within the feeding interval, {late} after a longer awake gap, and {slept} after a gap mostly slept through.";
        const string title = "Feeds against the feeding interval";
        return new Chart("chart-feeds", title, description, plot.ToSvg("chart-feeds", title, description),
            [new("feed-ok marker-circle", "within the interval"), new("feed-late marker-diamond", "longer gap while awake"), new("feed-slept marker-square", "mostly slept through"), new("reference-swatch", "the interval maximum")],
            ["Feed", "Gap since the feed before", "Due by"],
            series.Feeds.Select(g => (IReadOnlyList<string>)[
                TimeZoneInfo.ConvertTime(g.At, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture),
                InsightWords.Hours(g.GapHours) + (g.SleptThrough ? " (slept through)" : g.Overdue ? " (longer, awake)" : ""), InsightWords.Hours(g.IntervalMaxHours)]).ToList());
    }

    /// <summary>Connection moments per day against the daily aim.</summary>
    public static Chart Connections(InsightsSeries series, double target)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new SvgPlot(series.Days.Count, Math.Max(target + 1, series.Connections.DefaultIfEmpty(0).Max()));
        plot.ValueAxis("moments", v => v.ToString("0", CultureInfo.InvariantCulture));
        plot.DayAxis(series.Days);
        for (var i = 0; i < series.Connections.Count; i++) plot.Bar(i, 0, series.Connections[i], "connection");
        plot.Reference(target, $"{target.ToString("0.#", CultureInfo.InvariantCulture)} a day");
        var total = series.Connections.Sum();
        var description = $"{total} connection {(total == 1 ? "moment" : "moments")} over {series.Days.Count} {(series.Days.Count == 1 ? "day" : "days")}; " +
            $"{series.Connections.Count(c => c > 0)} {(series.Connections.Count(c => c > 0) == 1 ? "day had" : "days had")} at least one.";
        const string title = "Connection moments per day";
        return new Chart("chart-connections", title, description, plot.ToSvg("chart-connections", title, description),
            [new("connection", "connection moments"), new("reference-swatch", "a daily aim")],
            ["Day", "Moments"],
            series.Days.Select((d, i) => (IReadOnlyList<string>)[Day(d), Count(series.Connections[i])]).ToList());
    }

    private static double Median(LatencySeries s)
    {
        var values = s.MedianSecondsByDay.Where(v => v is not null).Select(v => v!.Value).ToList();
        return SecureBase.Insights.Stats.Median(values) ?? 0;
    }

    private static string Day(DateOnly d) => d.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
