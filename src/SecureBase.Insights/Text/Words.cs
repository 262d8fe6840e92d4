using System.Globalization;

namespace SecureBase.Insights;

/// <summary>Figures in plain words: "15 s", "6 min", "1 h 05 min", "80%".</summary>
public static class Words
{
    public static string Duration(double seconds)
    {
        if (seconds < 90) return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(seconds):0} s");
        var minutes = (int)Math.Round(seconds / 60);
        if (minutes < 60) return string.Create(CultureInfo.InvariantCulture, $"{minutes} min");
        return minutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} min");
    }

    public static string Duration(double? seconds) => seconds is { } s ? Duration(s) : "n/a";

    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0}%");

    public static string Percent(double? share) => share is { } s ? Percent(s) : "n/a";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"1 cry was" / "3 cries were".</summary>
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");
}
