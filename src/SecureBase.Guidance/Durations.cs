namespace SecureBase.Guidance;

/// <summary>Short, friendly durations for people: "45 m", "2 h 50 m", "3 h".</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        var totalMinutes = (int)Math.Round(Math.Abs(span.TotalMinutes));
        var hours = totalMinutes / 60;
        var minutes = totalMinutes % 60;
        if (hours == 0) return $"{minutes} m";
        return minutes == 0 ? $"{hours} h" : $"{hours} h {minutes} m";
    }
}
