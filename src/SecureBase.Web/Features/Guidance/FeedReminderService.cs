using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Guidance.Feeding;
using SecureBase.Storage;
using SecureBase.Web.Features.Alerts;

namespace SecureBase.Web.Features.Guidance;

/// <summary>What a caregiver's browser receives for a feed reminder, on the alerts channel.</summary>
public sealed record FeedReminderMessage(Guid HouseholdId, Guid ChildId, string ChildName, FeedState State, DateTimeOffset LastFeedAt, string Text);

/// <summary>
/// Sends "feed due" and "overdue" reminders through the alerts hub (the channel cry alerts use), to every signed-in
/// parent and caregiver of the household. Checks every <see cref="Interval"/> on the injected clock.
/// </summary>
public sealed class FeedReminderService(IServiceScopeFactory scopes, IHubContext<AlertsHub> hub, FeedReminderPlanner planner, TimeProvider time, ILogger<FeedReminderService> log) : BackgroundService
{
    /// <summary>How often the rhythm is checked: a reminder is at most this late.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    // One check at a time: the planner marks a reminder as sent before it is pushed, so an overlapping check (the
    // timer's and a caller's) could otherwise return while the other is still sending.
    private readonly SemaphoreSlim _oneCheck = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed check must not stop the next one.
                log.LogError(e, "Feed reminder check failed");
            }
        }
    }

    /// <summary>Reads every child's latest recent feed, and sends the reminders now due. Returns them (for tests).</summary>
    public async Task<IReadOnlyList<FeedReminder>> TickAsync(CancellationToken cancellationToken)
    {
        await _oneCheck.WaitAsync(cancellationToken);
        try
        {
            return await CheckAsync(cancellationToken);
        }
        finally
        {
            _oneCheck.Release();
        }
    }

    private async Task<IReadOnlyList<FeedReminder>> CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
        var since = time.GetUtcNow() - FeedReminderPlanner.QuietAfter;
        // Only recent feeds: a small set, so the latest per child is picked here rather than in SQL.
        var feeds = await db.Entries.AsNoTracking().OfType<FeedEntry>().Where(e => e.StartedAt >= since && e.ChildId != null)
            .Select(e => new { e.HouseholdId, ChildId = e.ChildId!.Value, e.StartedAt }).ToListAsync(cancellationToken);
        if (feeds.Count == 0) return [];
        var latest = feeds.GroupBy(f => f.ChildId).Select(g => g.MaxBy(f => f.StartedAt)!).ToList();
        var childIds = latest.Select(f => f.ChildId).ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var reminders = planner.Next(latest.Where(f => children.ContainsKey(f.ChildId)).Select(f => new LastFeed(f.HouseholdId, children[f.ChildId], f.StartedAt)));
        foreach (var reminder in reminders)
        {
            var users = await db.Caregivers.AsNoTracking()
                .Where(c => c.HouseholdId == reminder.HouseholdId && c.Role != CaregiverRole.Viewer && c.UserId != null)
                .Select(c => c.UserId!).ToListAsync(cancellationToken);
            if (users.Count == 0) continue;
            await hub.Clients.Users(users).SendAsync("reminder",
                new FeedReminderMessage(reminder.HouseholdId, reminder.ChildId, reminder.ChildName, reminder.State, reminder.LastFeedAt, reminder.Text), cancellationToken);
        }
        return reminders;
    }

    public override void Dispose()
    {
        _oneCheck.Dispose();
        base.Dispose();
    }
}
