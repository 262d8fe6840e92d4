using System.Globalization;

namespace SecureBase.Web.Features.Insights;

/// <summary>Figures in plain words for the Insights pages.</summary>
public static class InsightWords
{
    /// <summary>"15 s", "6 min", "1 h 05 min".</summary>
    public static string Duration(double seconds)
    {
        if (seconds < 60) return $"{Math.Round(seconds).ToString(CultureInfo.InvariantCulture)} s";
        var minutes = (int)Math.Round(seconds / 60);
        if (minutes < 60) return $"{minutes.ToString(CultureInfo.InvariantCulture)} min";
        return $"{(minutes / 60).ToString(CultureInfo.InvariantCulture)} h {(minutes % 60).ToString("00", CultureInfo.InvariantCulture)} min";
    }

    public static string Duration(double? seconds) => seconds is { } s ? Duration(s) : "–";

    /// <summary>"2 h 50 min" from hours.</summary>
    public static string Hours(double hours) => Duration(hours * 3600);

    public static string Hours(double? hours) => hours is { } h ? Hours(h) : "–";

    /// <summary>"70 %", or "–" for not enough data.</summary>
    public static string Share(double? share) => share is { } s ? $"{Math.Round(s * 100).ToString(CultureInfo.InvariantCulture)} %" : "–";

    public static string Number(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    public static string Score(int? score) => score is { } s ? s.ToString(CultureInfo.InvariantCulture) : "–";
}
