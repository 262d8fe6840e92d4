namespace SecureBase.Insights;

/// <summary>Parts of the household's local day; boundaries are settings (default night 22:00–06:00, morning 06:00–12:00, afternoon 12:00–18:00, evening 18:00–22:00).</summary>
public enum TimeOfDay { Night, Morning, Afternoon, Evening }

internal static class TimeOfDayBuckets
{
    public static TimeOfDay Of(DateTimeOffset at, TimeZoneInfo zone, InsightsOptions options)
    {
        var hour = TimeZoneInfo.ConvertTime(at, zone).Hour;
        if (hour >= options.NightStartsAtHour || hour < options.MorningStartsAtHour) return TimeOfDay.Night;
        if (hour < options.AfternoonStartsAtHour) return TimeOfDay.Morning;
        return hour < options.EveningStartsAtHour ? TimeOfDay.Afternoon : TimeOfDay.Evening;
    }

    public static string Name(TimeOfDay part) => part switch
    {
        TimeOfDay.Night => "night",
        TimeOfDay.Morning => "morning",
        TimeOfDay.Afternoon => "afternoon",
        _ => "evening",
    };
}
