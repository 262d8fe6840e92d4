using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Guidance.Feeding;
using SecureBase.Guidance.Milestones;
using SecureBase.Storage.Journal;

namespace SecureBase.Web.Features.Guidance;

/// <summary>Today's guidance for one child: where the feeding rhythm is, gentle milestone prompts, and two connection ideas.</summary>
public sealed record TodayGuidanceView(Guid ChildId, FeedState FeedState, string FeedReason, DateTimeOffset? DueFrom, DateTimeOffset? DueBy,
    IReadOnlyList<MilestonePrompt> MilestonePrompts, IReadOnlyList<ConnectionIdea> ConnectionIdeas, int ConnectionMomentsToday);

/// <summary>Builds <see cref="TodayGuidanceView"/> from the journal, for the Today page and the API.</summary>
public sealed class TodayGuidance(JournalService journal, TimeProvider time)
{
    public async Task<TodayGuidanceView> ForAsync(Guid householdId, Child child, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(zone);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var startOfDay = new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date));
        var feeds = (await journal.ListAsync(householdId, new EntryQuery(ChildId: child.Id, Type: EntryType.Feed, PageSize: 1), cancellationToken)).Items;
        var lastFeed = feeds.Count > 0 ? feeds[0] : null;
        var rhythm = FeedRhythm.Evaluate(child, lastFeed?.StartedAt, now);
        var milestones = (await journal.ListAsync(householdId, new EntryQuery(ChildId: child.Id, Type: EntryType.Milestone, PageSize: EntryQuery.MaxPageSize), cancellationToken)).Items.OfType<MilestoneEntry>();
        var moments = await journal.ListAsync(householdId, new EntryQuery(ChildId: child.Id, From: startOfDay, Type: EntryType.Connection, PageSize: 1), cancellationToken);
        return new TodayGuidanceView(child.Id, rhythm.State, rhythm.Reason, rhythm.DueFrom, rhythm.DueBy,
            MilestoneWatch.Check(child, milestones, today), ConnectionIdeas.ForToday(child.BirthDate, today), moments.Total);
    }
}
