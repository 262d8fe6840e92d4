using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureBase.Alerts;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Insights.LikelyNeed;
using SecureBase.Storage;
using SecureBase.Storage.Alerts;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Rota;

namespace SecureBase.Web.Features.Alerts;

/// <summary>
/// Keeps the live alerts of every household: raises one per cry episode (its id is the episode's id, so a cry heard
/// again after a restart finds "its" alert and nobody gets a second one), escalates them on a timer, records
/// "I'm going" / "I'm with her" in the episode's response, and delivers at least once through <see cref="AlertsHub"/>.
/// Every change is written to the database (state and timeline, idempotently) before it is sent, and unresolved
/// alerts are read back on the first use after a start, so a restart loses none and a reconnecting phone still gets them.
/// Alerts that came in through a journal import are history and are not read back (<see cref="AlertStore.OpenAlertsAsync"/>).
/// </summary>
public sealed class AlertCenter(IServiceScopeFactory scopes, IHubContext<AlertsHub> hub, TimeProvider time, IOptions<AlertOptions> options, HouseholdRota rotas, ILogger<AlertCenter> log)
{
    /// <summary>An alert is forgotten this long after its cry ended, or after it was raised if nobody closed it.</summary>
    private static readonly TimeSpan KeepEnded = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan KeepAny = TimeSpan.FromHours(2);
    private static readonly TimeSpan LearnFrom = TimeSpan.FromDays(90);

    private readonly ConcurrentDictionary<Guid, LiveAlert> _alerts = new();
    private readonly AlertOutbox _outbox = new();
    private readonly Lock _restoreGate = new();
    private Task? _restored;

    private sealed record Member(Guid CaregiverId, string Name, string? UserId);

    private sealed class LiveAlert(CryAlert alert, Guid householdId, Child child, IReadOnlyList<Member> members, IReadOnlyList<NeedGuess> needs)
    {
        public CryAlert Alert { get; } = alert;
        public Guid HouseholdId { get; } = householdId;
        public Child Child { get; } = child;
        public IReadOnlyList<Member> Members { get; } = members;
        public IReadOnlyList<NeedGuess> Needs { get; } = needs;
        public DateTimeOffset? EndedAt { get; set; }
        /// <summary>One database write at a time per alert; the latest state always wins.</summary>
        public SemaphoreSlim Saving { get; } = new(1, 1);
        /// <summary>The last write failed: the ticker writes again until it succeeds (at-least-once).</summary>
        public bool Dirty { get; set; }
        /// <summary>The version last written; a re-send of the same version writes nothing.</summary>
        public int StoredVersion { get; set; }
    }

    private sealed record AlertContext(Child Child, List<Caregiver> Caregivers, IReadOnlyList<NeedGuess> Needs, AlertRouting Routing)
    {
        public IReadOnlyList<Member> Members => Caregivers.Select(c => new Member(c.Id, c.Name, c.UserId)).ToList();
    }

    /// <summary>The alert of an episode, if it is live (for tests and the response page).</summary>
    public CryAlert? Find(Guid alertId) => _alerts.TryGetValue(alertId, out var live) ? live.Alert : null;

    /// <summary>Applies what the monitor heard to the episode's alert, raising it on the first event.</summary>
    public async Task OnEpisodeAsync(Guid householdId, CryEpisodeEntry episode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        await EnsureRestoredAsync(cancellationToken);
        if (!_alerts.TryGetValue(episode.Id, out var live))
        {
            if (episode.EndedAt is not null) return; // a cry that ended before anyone was told needs no alert now
            live = await CreateAsync(householdId, episode, cancellationToken);
            if (live is null) return;
            live = _alerts.GetOrAdd(episode.Id, live);
        }
        bool changed;
        lock (live)
        {
            changed = live.Alert.ChangeStage(episode.Stages.Count > 0 ? episode.Stages[^1].Stage : episode.PeakStage);
            if (episode.EndedAt is not null && live.Alert.EndCry())
            {
                live.EndedAt = time.GetUtcNow();
                changed = true;
            }
        }
        await SendAsync(live, cancellationToken);
        _ = changed;
    }

    /// <summary>"I'm going" (or "I'm with her" when <paramref name="arrived"/>) from a signed-in caregiver.</summary>
    public async Task<bool> AcknowledgeAsync(string userId, Guid alertId, bool arrived, CancellationToken cancellationToken)
    {
        await EnsureRestoredAsync(cancellationToken);
        if (!_alerts.TryGetValue(alertId, out var live)) return false;
        var member = live.Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null) return false;
        bool changed;
        DateTimeOffset at;
        lock (live)
        {
            changed = arrived ? live.Alert.Arrive(member.CaregiverId) : live.Alert.Acknowledge(member.CaregiverId);
            at = time.GetUtcNow();
        }
        if (!changed) return false;
        await RecordResponseAsync(live, member.CaregiverId, at, arrived, cancellationToken);
        await SendAsync(live, cancellationToken);
        return true;
    }

    /// <summary>The response was logged: close the alert for everyone.</summary>
    public async Task ResolveAsync(Guid alertId, Guid? caregiverId, CancellationToken cancellationToken)
    {
        await EnsureRestoredAsync(cancellationToken);
        if (!_alerts.TryGetValue(alertId, out var live)) return;
        bool changed;
        lock (live) changed = live.Alert.Resolve(caregiverId);
        if (changed) await SendAsync(live, cancellationToken);
    }

    public Task ConfirmAsync(string userId, Guid alertId, int version, CancellationToken cancellationToken)
    {
        if (_alerts.TryGetValue(alertId, out var live) && live.Members.FirstOrDefault(m => m.UserId == userId) is { } member)
            _outbox.Confirm(member.CaregiverId, alertId, version);
        return Task.CompletedTask;
    }

    /// <summary>Every live alert addressed to one of the user's caregiver identities that they have not confirmed.</summary>
    public async Task<IReadOnlyList<AlertMessage>> PendingForUserAsync(string userId, CancellationToken cancellationToken)
    {
        await EnsureRestoredAsync(cancellationToken);
        var pending = new List<AlertMessage>();
        foreach (var live in _alerts.Values)
        {
            var member = live.Members.FirstOrDefault(m => m.UserId == userId);
            if (member is null) continue;
            lock (live)
            {
                if (_outbox.PendingFor(member.CaregiverId, [live.Alert]).Count > 0) pending.Add(ToMessage(live));
            }
        }
        return pending.OrderBy(m => m.Onset).ToList();
    }

    /// <summary>Escalates, repeats and forgets alerts as their times come. Called every second by <see cref="AlertTicker"/>.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await EnsureRestoredAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (id, live) in _alerts)
        {
            bool changed;
            lock (live) changed = live.Alert.Tick();
            if (changed) await SendAsync(live, cancellationToken);
            else if (live.Dirty) await PersistAsync(live, cancellationToken);
            var done = live.Alert.Status == AlertStatus.Resolved || (live.EndedAt is { } ended && now - ended > KeepEnded);
            if (done && now - live.Alert.Onset > TimeSpan.FromMinutes(1) || now - live.Alert.Onset > KeepAny)
            {
                _alerts.TryRemove(id, out _);
                _outbox.Forget(id);
            }
        }
    }

    private async Task<LiveAlert?> CreateAsync(Guid householdId, CryEpisodeEntry episode, CancellationToken cancellationToken)
    {
        if (episode.ChildId is not { } childId) return null;
        var context = await LoadContextAsync(householdId, childId, episode.StartedAt, cancellationToken);
        if (context is null) return null;
        var alert = new CryAlert(episode.Id, childId, episode.Stages.Count > 0 ? episode.Stages[0].Stage : episode.PeakStage, episode.StartedAt, context.Routing, options.Value, time);
        // After a restart the episode may already hold answers: the alert carries on from them.
        if (episode.Responses.FirstOrDefault(r => r.ArrivedAt is not null) is { } arrived) alert.Arrive(arrived.CaregiverId);
        else if (episode.Responses.FirstOrDefault(r => r.AcknowledgedAt is not null) is { } going) alert.Acknowledge(going.CaregiverId);
        return new LiveAlert(alert, householdId, context.Child, context.Members, context.Needs);
    }

    /// <summary>The child, who can be alerted and how (rota, quiet hours), and the likely need at the onset.</summary>
    private async Task<AlertContext?> LoadContextAsync(Guid householdId, Guid childId, DateTimeOffset onset, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken);
        if (household is null || child is null) return null;
        var caregivers = await db.Caregivers.AsNoTracking()
            .Where(c => c.HouseholdId == householdId && c.Role != CaregiverRole.Viewer).ToListAsync(cancellationToken);
        // The likely need learns this child from the last months of logged outcomes, starting from the context rule.
        var since = onset - LearnFrom;
        var history = await db.Entries.AsNoTracking()
            .Where(e => e.HouseholdId == householdId && e.ChildId == child.Id && e.StartedAt >= since && e.StartedAt < onset)
            .OrderBy(e => e.StartedAt)
            .ToListAsync(cancellationToken);
        var zone = FindZone(household.TimeZone);
        var journalChild = new JournalChild(child.Id, child.Name, child.BirthDate, child.Pronoun, child.FeedingIntervalMinMinutes, child.FeedingIntervalMaxMinutes);
        var needs = LikelyNeedLearner.FromJournal(journalChild, history, zone).Guess(CryContext.At(journalChild, history, onset, zone));
        // Who is woken first: the on-duty rota, then quiet hours (see AlertRouting).
        var rota = await rotas.GetAsync(householdId, cancellationToken);
        var routing = new AlertRouting(caregivers.Select(c => new AlertMember(c.Id, c.Name, c.IsBackup)).ToList(), rota.Shifts, rota.QuietHours, zone);
        return new AlertContext(child, caregivers, needs, routing);
    }

    /// <summary>Reads the unresolved alerts back once, on the first use after a start; tried again if the database failed.</summary>
    private Task EnsureRestoredAsync(CancellationToken cancellationToken)
    {
        lock (_restoreGate)
        {
            if (_restored is null || _restored.IsFaulted || _restored.IsCanceled) _restored = RestoreAsync(cancellationToken);
            return _restored;
        }
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<StoredAlert> stored;
        await using (var scope = scopes.CreateAsyncScope())
            stored = await scope.ServiceProvider.GetRequiredService<AlertStore>().OpenAlertsAsync(now - KeepAny, cancellationToken);
        foreach (var (householdId, state, endedAt) in stored)
        {
            if (endedAt is { } ended && now - ended > KeepEnded) continue;
            var context = await LoadContextAsync(householdId, state.ChildId, state.Onset, cancellationToken);
            if (context is null) continue;
            var alert = CryAlert.Restore(state, context.Routing, options.Value, time);
            _alerts.TryAdd(state.Id, new LiveAlert(alert, householdId, context.Child, context.Members, context.Needs) { EndedAt = endedAt, StoredVersion = state.Version });
        }
        if (stored.Count > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Restored unresolved alerts; {Count} are live", _alerts.Count);
    }

    /// <summary>Writes the alert's state and timeline. A failure is logged and retried by the ticker, never thrown at a caller.</summary>
    private async Task PersistAsync(LiveAlert live, CancellationToken cancellationToken)
    {
        await live.Saving.WaitAsync(cancellationToken);
        try
        {
            CryAlertState state;
            DateTimeOffset? endedAt;
            lock (live)
            {
                if (live.StoredVersion == live.Alert.Version && !live.Dirty) return;
                state = live.Alert.State;
                endedAt = live.EndedAt;
                live.Dirty = false;
            }
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlertStore>().SaveAlertAsync(live.HouseholdId, state, endedAt, cancellationToken);
            live.StoredVersion = state.Version;
        }
        catch (OperationCanceledException)
        {
            live.Dirty = true; // perhaps not written: the ticker writes it again
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            live.Dirty = true;
            log.LogWarning(e, "Could not store alert {AlertId}; will try again", live.Alert.Id);
        }
        finally
        {
            live.Saving.Release();
        }
    }

    private async Task RecordResponseAsync(LiveAlert live, Guid caregiverId, DateTimeOffset at, bool arrived, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var journal = scope.ServiceProvider.GetRequiredService<JournalService>();
        if (await journal.GetAsync(live.HouseholdId, live.Alert.Id, cancellationToken) is not CryEpisodeEntry entry) return;
        var response = entry.Responses.FirstOrDefault(r => r.CaregiverId == caregiverId);
        if (response is null)
        {
            response = new CryResponse { CaregiverId = caregiverId };
            entry.Responses.Add(response);
        }
        response.AcknowledgedAt ??= at;
        if (arrived) response.ArrivedAt ??= at;
        var result = await journal.UpdateAsync(live.HouseholdId, entry.Id, entry, new ChangeAuthor(caregiverId), cancellationToken);
        if (result.Status != EntryWriteStatus.Updated)
            log.LogWarning("Could not record the response to {AlertId}: {Status}", live.Alert.Id, result.Status);
    }

    private async Task SendAsync(LiveAlert live, CancellationToken cancellationToken)
    {
        // Stored before it is sent: whatever a phone saw survives a restart.
        await PersistAsync(live, cancellationToken);
        AlertMessage message;
        List<string> users;
        lock (live)
        {
            message = ToMessage(live);
            users = live.Members.Where(m => m.UserId is not null && live.Alert.Recipients.Contains(m.CaregiverId)).Select(m => m.UserId!).ToList();
        }
        if (users.Count > 0) await hub.Clients.Users(users).SendAsync("alert", message, cancellationToken);
    }

    private static AlertMessage ToMessage(LiveAlert live)
    {
        var a = live.Alert;
        string? NameOf(Guid? id) => id is null ? null : live.Members.FirstOrDefault(m => m.CaregiverId == id)?.Name;
        var stage = a.Stage.ToString().ToLowerInvariant();
        var summary = Summarize(live.Needs);
        var text = $"{live.Child.Name} is {stage}" + (summary.Length > 0 ? $" · {summary}" : "");
        return new AlertMessage(a.Id, a.Version, live.HouseholdId, live.Child.Id, live.Child.Name, live.Child.Pronoun, a.Stage, a.IsUrgent, a.Status,
            a.CryEnded, a.Onset, NameOf(a.AcknowledgedBy), NameOf(a.ArrivedBy), summary,
            live.Needs.Select(n => new LikelyNeedMessage(n.Action, NeedName(n.Action), n.Reasons)).ToList(), text);
    }

    /// <summary>"likely hungry · fed 2 h 50 m ago (due by 3 h)".</summary>
    private static string Summarize(IReadOnlyList<NeedGuess> needs) =>
        needs.Count == 0 ? "" : $"likely {NeedName(needs[0].Action)}" + (needs[0].Reasons.Count > 0 ? $" · {string.Join(" · ", needs[0].Reasons)}" : "");

    private static string NeedName(CareAction action) => action switch
    {
        CareAction.Feed => "hungry",
        CareAction.HelpToSleep => "tired",
        CareAction.Diaper => "a fresh diaper",
        CareAction.Burp => "wind",
        CareAction.HoldSoothe => "comfort and closeness",
        CareAction.Comfort => "too warm or cold",
        _ => "something else",
    };

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
