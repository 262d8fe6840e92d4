namespace SecureBase.Web.Pages.Shared;

/// <summary>Ages and "how long ago" in the words parents use.</summary>
internal static class Ages
{
    /// <summary>"3 days old", "5 weeks old", "4 months old", "2 years old".</summary>
    public static string Of(DateOnly birth, DateOnly today)
    {
        var days = today.DayNumber - birth.DayNumber;
        if (days < 0) return "not born yet";
        if (days < 14) return days == 1 ? "1 day old" : $"{days} days old";
        if (days < 61) return $"{days / 7} weeks old";
        var months = (today.Year - birth.Year) * 12 + today.Month - birth.Month - (today.Day < birth.Day ? 1 : 0);
        if (months < 24) return $"{months} months old";
        return $"{months / 12} years old";
    }

    /// <summary>"just now", "25 min ago", "2 h 50 min ago".</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        if (span < TimeSpan.FromMinutes(1)) return "just now";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min ago";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours} h {span.Minutes} min ago";
        return $"{(int)span.TotalDays} days ago";
    }
}
