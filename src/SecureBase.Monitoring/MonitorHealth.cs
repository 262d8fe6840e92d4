using System.Globalization;

namespace SecureBase.Monitoring;

/// <summary>Something a caregiver should know about a nursery device.</summary>
public enum MonitorProblem { Disconnected, NoAudio, MicrophoneSilent, BatteryLow }

/// <summary>What the device last told us about itself.</summary>
/// <param name="Connected">Whether its connection is open.</param>
/// <param name="ConnectedAt">When the current connection opened.</param>
/// <param name="LastSeenAt">The last connection activity.</param>
/// <param name="LastAudioAt">The last audio frame.</param>
/// <param name="LastSoundAt">The last frame that was not digital silence.</param>
/// <param name="BatteryLevel">0–1, when the browser tells.</param>
/// <param name="Charging">When the browser tells.</param>
public sealed record MonitorStatus(bool Connected, DateTimeOffset? ConnectedAt, DateTimeOffset? LastSeenAt, DateTimeOffset? LastAudioAt, DateTimeOffset? LastSoundAt, double? BatteryLevel, bool? Charging);

/// <summary>A problem and its plain explanation.</summary>
public sealed record MonitorWarning(MonitorProblem Problem, string Text);

/// <summary>Turns a device's status into warnings for the caregivers.</summary>
public static class MonitorHealth
{
    /// <summary>A connected monitor that sent no audio for this long has stopped listening. 15 s.</summary>
    public static readonly TimeSpan NoAudioAfter = TimeSpan.FromSeconds(15);

    /// <summary>Only digital zeros for this long means the microphone was muted or lost. 30 s.</summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(30);

    /// <summary>Below this battery level (0–1) and not charging, say so. 0.15.</summary>
    public const double LowBattery = 0.15;

    public static IReadOnlyList<MonitorWarning> Check(MonitorStatus status, string deviceName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var warnings = new List<MonitorWarning>();
        if (!status.Connected)
        {
            var since = status.LastSeenAt is { } seen ? $" since {Guidance(now - seen)} ago" : "";
            warnings.Add(new(MonitorProblem.Disconnected, $"{deviceName} has lost its connection{since}. Cries are not being heard."));
            return warnings;
        }
        var listeningSince = status.ConnectedAt ?? now;
        if (now - (status.LastAudioAt ?? listeningSince) > NoAudioAfter)
            warnings.Add(new(MonitorProblem.NoAudio, $"{deviceName} is connected but has stopped sending sound."));
        else if (now - (status.LastSoundAt ?? listeningSince) > SilentAfter)
            warnings.Add(new(MonitorProblem.MicrophoneSilent, $"{deviceName} hears complete silence: its microphone may be muted or unplugged."));
        if (status.BatteryLevel is { } level && level < LowBattery && status.Charging != true)
            warnings.Add(new(MonitorProblem.BatteryLow, string.Create(CultureInfo.InvariantCulture, $"{deviceName}'s battery is at {level * 100:0}%; plug it in.")));
        return warnings;
    }

    private static string Guidance(TimeSpan span) => span.TotalMinutes < 1 ? $"{Math.Max(1, (int)span.TotalSeconds)} s" : $"{(int)span.TotalMinutes} min";
}
