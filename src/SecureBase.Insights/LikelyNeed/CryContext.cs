using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>What the journal says about the moment a cry began.</summary>
/// <param name="HoursSinceFeed">Hours since the start of the last taken feed, or null when none is logged.</param>
/// <param name="FeedIntervalMaxHours">The child's feeding interval maximum, hours ("due by").</param>
/// <param name="HoursAwake">Hours since the last sleep ended, or null when none is logged.</param>
/// <param name="HoursSinceDiaper">Hours since the last diaper change, or null when none is logged.</param>
/// <param name="TimeOfDay">Part of the household's local day.</param>
/// <param name="AgeDays">The child's age in days.</param>
public sealed record CryContext(
    double? HoursSinceFeed,
    double FeedIntervalMaxHours,
    double? HoursAwake,
    double? HoursSinceDiaper,
    TimeOfDay TimeOfDay,
    int AgeDays)
{
    /// <summary>Time since the feed as a share of the interval maximum (1 = due now).</summary>
    public double? FeedDueShare => HoursSinceFeed / FeedIntervalMaxHours;

    /// <summary>
    /// The context of a cry starting at <paramref name="onset"/>, from the child's entries before it
    /// (<paramref name="childEntries"/> in time order; later entries are ignored).
    /// </summary>
    public static CryContext At(JournalChild child, IReadOnlyList<JournalEntry> childEntries, DateTimeOffset onset, TimeZoneInfo zone, InsightsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(childEntries);
        var tracker = new CryContextTracker(child, zone, options);
        foreach (var entry in childEntries)
        {
            if (entry.StartedAt >= onset) break;
            tracker.Observe(entry);
        }
        return tracker.At(onset);
    }
}
