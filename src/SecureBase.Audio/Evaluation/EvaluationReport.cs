using System.Globalization;
using System.Text;

namespace SecureBase.Audio.Evaluation;

/// <summary>The figures of one evaluation run.</summary>
public sealed record EvaluationReport
{
    /// <summary>Cry files evaluated.</summary>
    public int PositiveFiles { get; init; }

    /// <summary>Cry files in which an episode was found overlapping the cry.</summary>
    public int PositivesDetected { get; init; }

    /// <summary>Episode-level recall, 0 to 1 (NaN without positives).</summary>
    public double Recall => PositiveFiles == 0 ? double.NaN : (double)PositivesDetected / PositiveFiles;

    /// <summary>Median delay from cry onset to the first event, in seconds.</summary>
    public double? LatencyMedianSeconds { get; init; }

    /// <summary>95th-percentile delay from cry onset to the first event, in seconds.</summary>
    public double? LatencyP95Seconds { get; init; }

    /// <summary>Episodes started in the lead-in before the cry (false alarms on the added quiet or noise).</summary>
    public int LeadInFalseAlarms { get; init; }

    /// <summary>Non-cry files evaluated.</summary>
    public int NegativeFiles { get; init; }

    /// <summary>Hours of non-cry audio.</summary>
    public double NegativeHours { get; init; }

    /// <summary>Episodes started on non-cry audio.</summary>
    public int FalseAlarms { get; init; }

    /// <summary>False alarms per hour of non-cry audio (NaN without negatives).</summary>
    public double FalseAlarmsPerHour => NegativeHours > 0 ? FalseAlarms / NegativeHours : double.NaN;

    /// <summary>Audio seconds analysed per second of detector time (excluding file reading).</summary>
    public double RealTimeFactor { get; init; }

    /// <summary>Cry files with no episode found.</summary>
    public IReadOnlyList<string> Missed { get; init; } = [];

    /// <summary>Non-cry files with a false alarm, with the count.</summary>
    public IReadOnlyList<(string File, int Count)> FalseAlarmFiles { get; init; } = [];

    /// <summary>Files that could not be read, with the reason.</summary>
    public IReadOnlyList<(string File, string Error)> Unreadable { get; init; } = [];

    /// <summary>A plain-text summary for people.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (PositiveFiles > 0)
        {
            text.AppendLine(c, $"recall            {Recall:0.000} ({PositivesDetected}/{PositiveFiles} cry files)");
            text.AppendLine(c, $"latency median    {Format(LatencyMedianSeconds)} s, p95 {Format(LatencyP95Seconds)} s");
            text.AppendLine(c, $"lead-in alarms    {LeadInFalseAlarms}");
        }

        if (NegativeFiles > 0)
        {
            text.AppendLine(c, $"false alarms      {FalseAlarms} in {NegativeHours:0.000} h ({NegativeFiles} files) = {FalseAlarmsPerHour:0.00} per hour");
        }

        text.AppendLine(c, $"speed             {RealTimeFactor:0} x real time (detector only)");
        foreach (string missed in Missed.Take(20))
        {
            text.AppendLine(c, $"missed            {missed}");
        }

        foreach (var (file, count) in FalseAlarmFiles.Take(20))
        {
            text.AppendLine(c, $"false alarm       {file} ({count})");
        }

        foreach (var (file, error) in Unreadable.Take(20))
        {
            text.AppendLine(c, $"unreadable        {file}: {error}");
        }

        return text.ToString();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
