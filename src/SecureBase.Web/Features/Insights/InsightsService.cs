using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureBase.Care.Journal;
using SecureBase.Insights;
using SecureBase.Insights.Charts;
using SecureBase.Storage;
using SecureBase.Storage.Journal;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Features.Insights;

/// <summary>One child's insights over a period, with the series the charts draw.</summary>
/// <param name="Result">The figures, scores and patterns.</param>
/// <param name="Series">The day-by-day series for the charts.</param>
/// <param name="Input">What was read from the database.</param>
/// <param name="Timing">Milliseconds spent reading the database and computing, for the Server-Timing header.</param>
public sealed record ChildInsights(InsightsResult Result, InsightsSeries Series, InsightsInput Input, InsightsTiming Timing);

/// <summary>Where the time of one insights computation went, milliseconds.</summary>
public sealed record InsightsTiming(double DatabaseMilliseconds, double ComputeMilliseconds, int EntriesRead)
{
    /// <summary>The value of a Server-Timing response header (shown by browsers' developer tools, read by the page benchmark).</summary>
    public string ServerTiming => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"db;dur={DatabaseMilliseconds:0.0};desc=\"{EntriesRead} entries\", insights;dur={ComputeMilliseconds:0.0}");
}

/// <summary>
/// Reads what the insights need from the database — one child's entries and the household's check-ins over the
/// period, plus <see cref="InsightsWebOptions.HistoryDays"/> before it (the feed before the first gap, the sleep
/// and diaper context of the first cries, and the earlier cries the likely-need learner learns from) — and computes
/// the insights. Never the whole journal: a two-year journal costs the same as a four-week one.
/// </summary>
public sealed class InsightsService(SecureBaseDbContext db, InsightsCalculator calculator, IOptions<InsightsWebOptions> options)
{
    /// <summary>The insights of a child of the household, or null when the household has no such child.</summary>
    public async Task<ChildInsights?> ComputeAsync(Guid householdId, Guid childId, InsightsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var input = await LoadAsync(householdId, childId, period, cancellationToken);
        if (input is null) return null;
        var loaded = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = calculator.Compute(input, period);
        var series = InsightsSeries.Compute(input, period, calculator.Options);
        var timing = new InsightsTiming(
            System.Diagnostics.Stopwatch.GetElapsedTime(started, loaded).TotalMilliseconds,
            System.Diagnostics.Stopwatch.GetElapsedTime(loaded).TotalMilliseconds,
            input.Entries.Count);
        return new ChildInsights(result, series, input, timing);
    }

    /// <summary>The household's time zone (UTC when unknown here), or null for no such household.</summary>
    public async Task<TimeZoneInfo?> ZoneAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        var zone = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return zone is null ? null : MemberPageModel.FindZone(zone);
    }

    private async Task<InsightsInput?> LoadAsync(Guid householdId, Guid childId, InsightsPeriod period, CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId && c.HouseholdId == householdId, cancellationToken);
        if (child is null) return null;
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == householdId, cancellationToken);
        var caregivers = await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId)
            .Select(c => new JournalCaregiver(c.Id, c.Name, c.Role, c.IsBackup)).ToListAsync(cancellationToken);
        var from = JournalTimes.Normalize(period.From.AddDays(-options.Value.HistoryDays));
        var to = JournalTimes.Normalize(period.To);
        // The child's entries and the household's check-ins (which have no child) in [from, to), oldest first.
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.HouseholdId == householdId && (e.ChildId == childId || e.ChildId == null) && e.StartedAt >= from && e.StartedAt < to)
            .OrderBy(e => e.StartedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return new InsightsInput(
            new JournalChild(child.Id, child.Name, child.BirthDate, child.Pronoun, child.FeedingIntervalMinMinutes, child.FeedingIntervalMaxMinutes),
            caregivers,
            entries,
            MemberPageModel.FindZone(household.TimeZone));
    }
}

/// <summary>Settings of the Insights pages and API (section <c>SecureBase:Insights</c>).</summary>
public sealed class InsightsWebOptions
{
    public const string Section = "SecureBase:Insights";

    /// <summary>
    /// Days of journal before the period that are read with it, default 14: the context of the first cries and feeds,
    /// and what the likely-need learner learns from before guessing the period's cries. 1–3660. Reading the rows is
    /// most of a request's time, so this is kept short.
    /// </summary>
    public int HistoryDays { get; set; } = 14;

    /// <summary>Longest custom period, in days, default 366.</summary>
    public int MaxPeriodDays { get; set; } = 366;
}
