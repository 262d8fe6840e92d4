namespace SecureBase.Monitoring;

/// <summary>The last cry episode the journal holds for a child, as the monitor last left it.</summary>
/// <param name="EntryId">The journal entry of the episode.</param>
/// <param name="LastHeardAt">The last moment the cry was heard (its onset, its last stage change, or its end).</param>
/// <param name="Ended">True when a monitor heard the episode end; false when the stream broke off mid-cry.</param>
public sealed record LastEpisode(Guid EntryId, DateTimeOffset LastHeardAt, bool Ended);

/// <summary>
/// Decides whether a cry the detector just found is new or the one already in the journal. A monitor that
/// reconnects, or a server that restarts, mid-cry starts a fresh detector that hears the same cry "begin" again:
/// that must continue the episode, not create a second one with a second alert.
/// </summary>
public static class EpisodeContinuity
{
    /// <summary>A broken-off episode continues if the cry is heard again within this time. Default 2 minutes.</summary>
    public static readonly TimeSpan ResumeWindow = TimeSpan.FromMinutes(2);

    /// <summary>An ended episode continues if the baby starts again this soon (a breath, not a new cry). Default 10 s.</summary>
    public static readonly TimeSpan RestartGap = TimeSpan.FromSeconds(10);

    /// <summary>The entry to continue, or null to start a new episode.</summary>
    public static Guid? Continue(LastEpisode? last, DateTimeOffset onset)
    {
        if (last is null || onset < last.LastHeardAt - RestartGap) return null;
        var gap = onset - last.LastHeardAt;
        return gap <= (last.Ended ? RestartGap : ResumeWindow) ? last.EntryId : null;
    }
}
