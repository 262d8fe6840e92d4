using System.Globalization;
using SecureBase.Insights;

namespace SecureBase.Web.Features.Insights;

/// <summary>
/// Turns the period picker (or the API's <c>from</c>/<c>to</c>) into an <see cref="InsightsPeriod"/> in the household's
/// time zone. Days are household-local and both included, like the command line's <c>--from</c>/<c>--to</c>.
/// </summary>
public static class PeriodChoice
{
    /// <summary>The picker's kinds as they appear in the query string.</summary>
    public static readonly string[] Kinds = ["day", "week", "month", "custom"];

    /// <summary>
    /// A period from the picker: <paramref name="kind"/> day, week (the 7 days ending on the date) or month (the
    /// calendar month of the date) around <paramref name="date"/> (default today); custom from <paramref name="from"/>
    /// to <paramref name="to"/>. Errors name the field.
    /// </summary>
    public static (InsightsPeriod? Period, string? Field, string? Error) Parse(
        string? kind, string? date, string? from, string? to, TimeZoneInfo zone, TimeProvider time, int maxDays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(time);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        kind = string.IsNullOrWhiteSpace(kind) ? (from is not null || to is not null ? "custom" : "week") : kind.Trim().ToLowerInvariant();
        switch (kind)
        {
            case "day" or "week" or "month":
                DateOnly anchor = today;
                if (!string.IsNullOrWhiteSpace(date) && !TryDate(date, out anchor)) return (null, "date", "Use a date like 2026-03-14.");
                return (kind switch
                {
                    "day" => InsightsPeriod.Day(anchor, zone),
                    "week" => InsightsPeriod.Week(anchor.AddDays(-6), zone),
                    _ => InsightsPeriod.Month(anchor.Year, anchor.Month, zone),
                }, null, null);
            case "custom":
                DateOnly first = today.AddDays(-6), last = today;
                if (!string.IsNullOrWhiteSpace(from) && !TryDate(from, out first)) return (null, "from", "Use a date like 2026-03-14.");
                if (!string.IsNullOrWhiteSpace(to) && !TryDate(to, out last)) return (null, "to", "Use a date like 2026-03-14.");
                if (string.IsNullOrWhiteSpace(from) && !string.IsNullOrWhiteSpace(to)) first = last.AddDays(-6);
                if (last < first) return (null, "to", "The last day comes before the first day.");
                if (last.DayNumber - first.DayNumber + 1 > maxDays) return (null, "to", $"A period can be up to {maxDays} days long.");
                return (InsightsPeriod.Custom(first, last, zone), null, null);
            default:
                return (null, "period", "Choose day, week, month or custom.");
        }
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
