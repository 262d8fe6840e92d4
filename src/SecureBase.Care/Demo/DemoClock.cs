namespace SecureBase.Care.Demo;

/// <summary>Wall-clock times in the household's time zone, so that "night" and "evening" fall where a family lives them.</summary>
internal sealed class DemoClock(TimeZoneInfo zone)
{
    public DateTimeOffset At(DateOnly date, TimeSpan sinceMidnight)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).Add(sinceMidnight).ToUniversalTime();
    }

    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    public static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);
}
