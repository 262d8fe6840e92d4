namespace SecureBase.Insights;

/// <summary>How a period was chosen; only used for display.</summary>
public enum PeriodKind { Day, Week, Month, Custom }

/// <summary>A half-open span of time [<see cref="From"/>, <see cref="To"/>) over which insights are computed. Cries count by their onset.</summary>
public sealed record InsightsPeriod
{
    public InsightsPeriod(DateTimeOffset from, DateTimeOffset to, PeriodKind kind = PeriodKind.Custom)
    {
        if (to <= from) throw new ArgumentException("The end of the period must come after its start.", nameof(to));
        From = from;
        To = to;
        Kind = kind;
    }

    public DateTimeOffset From { get; }
    public DateTimeOffset To { get; }
    public PeriodKind Kind { get; }

    /// <summary>Length in days (fractional), used for "per day" figures; at least 1.</summary>
    public double Days => Math.Max(1, Math.Round((To - From).TotalDays, 3));

    public bool Contains(DateTimeOffset at) => at >= From && at < To;

    /// <summary>One local calendar day in the household's time zone.</summary>
    public static InsightsPeriod Day(DateOnly day, TimeZoneInfo zone) => Dates(day, day, zone, PeriodKind.Day);

    /// <summary>Seven local days starting on <paramref name="firstDay"/>.</summary>
    public static InsightsPeriod Week(DateOnly firstDay, TimeZoneInfo zone) => Dates(firstDay, firstDay.AddDays(6), zone, PeriodKind.Week);

    /// <summary>A local calendar month.</summary>
    public static InsightsPeriod Month(int year, int month, TimeZoneInfo zone)
    {
        var first = new DateOnly(year, month, 1);
        return Dates(first, first.AddMonths(1).AddDays(-1), zone, PeriodKind.Month);
    }

    /// <summary>Local days <paramref name="from"/> to <paramref name="toInclusive"/>, both included.</summary>
    public static InsightsPeriod Custom(DateOnly from, DateOnly toInclusive, TimeZoneInfo zone) => Dates(from, toInclusive, zone, PeriodKind.Custom);

    /// <summary>The last <paramref name="days"/> local days, today included, read from <paramref name="time"/>.</summary>
    public static InsightsPeriod LastDays(TimeProvider time, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        return Dates(today.AddDays(1 - days), today, zone, days == 7 ? PeriodKind.Week : days == 1 ? PeriodKind.Day : PeriodKind.Custom);
    }

    /// <summary>The start of a local day as an instant.</summary>
    public static DateTimeOffset StartOfLocalDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a daylight-saving change starts the day an hour later.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static InsightsPeriod Dates(DateOnly from, DateOnly toInclusive, TimeZoneInfo zone, PeriodKind kind)
    {
        if (toInclusive < from) throw new ArgumentException("The last day of the period must not be before its first day.", nameof(toInclusive));
        return new InsightsPeriod(StartOfLocalDay(from, zone), StartOfLocalDay(toInclusive.AddDays(1), zone), kind);
    }
}
