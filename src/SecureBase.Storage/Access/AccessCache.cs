using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SecureBase.Care.Households;

namespace SecureBase.Storage.Access;

/// <summary>The children (with birth dates) and caregiver ids of one household, as entry validation needs them.</summary>
public sealed record HouseholdRoster(IReadOnlyDictionary<Guid, DateOnly> Children, IReadOnlySet<Guid> CaregiverIds);

/// <summary>
/// A short memory of what nearly every API request would otherwise read again: live tokens by secret hash, household
/// memberships, and household rosters for validation. Anything that changes a household, caregiver, child or token
/// through EF clears it (<see cref="Invalidator"/>), as does revoking a token; <see cref="Lifetime"/> bounds how long
/// a change made any other way can go unseen. Only found values are kept, so unknown keys cannot fill it.
/// </summary>
public sealed class AccessCache(TimeProvider time)
{
    /// <summary>How long a value is trusted without reading it again (10 seconds).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Above this many values of a kind the cache starts afresh, bounding its memory.</summary>
    private const int MaxValues = 10_000;

    private readonly ConcurrentDictionary<string, Cached<ApiToken>> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Guid, string), Cached<Caregiver>> _members = new();
    private readonly ConcurrentDictionary<Guid, Cached<HouseholdRoster>> _rosters = new();
    private long _generation;

    public ValueTask<ApiToken?> TokenAsync(string secretHash, Func<Task<ApiToken?>> load) => GetAsync(_tokens, secretHash, load);

    public ValueTask<Caregiver?> MemberAsync(Guid householdId, string userId, Func<Task<Caregiver?>> load) => GetAsync(_members, (householdId, userId), load);

    public ValueTask<HouseholdRoster?> RosterAsync(Guid householdId, Func<Task<HouseholdRoster?>> load) => GetAsync(_rosters, householdId, load);

    /// <summary>Forgets everything, and keeps reads that started before from storing what they found.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _tokens.Clear();
        _members.Clear();
        _rosters.Clear();
    }

    private async ValueTask<T?> GetAsync<TKey, T>(ConcurrentDictionary<TKey, Cached<T>> values, TKey key, Func<Task<T?>> load)
        where TKey : notnull where T : class
    {
        var now = time.GetTimestamp();
        if (values.TryGetValue(key, out var cached) && time.GetElapsedTime(cached.At, now) < Lifetime) return cached.Value;
        var generation = Interlocked.Read(ref _generation);
        var value = await load();
        if (value is null) return null;
        if (values.Count >= MaxValues) values.Clear();
        // Stored only if nothing changed while it was read; otherwise the next request reads again.
        if (Interlocked.Read(ref _generation) == generation) values[key] = new Cached<T>(value, now);
        return value;
    }

    private sealed record Cached<T>(T Value, long At);

    /// <summary>
    /// Clears the cache around every save that touches a household, caregiver, child or token: before the save (so
    /// nothing stale is served while it runs), after it, and after the commit of its transaction, so a read that
    /// raced the change cannot keep the old value. Journal writes, the hot path, touch none of these types.
    /// </summary>
    public sealed class Invalidator(AccessCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        private readonly ConditionalWeakTable<DbContext, object> _pending = [];

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Saving(eventData.Context);
            return result;
        }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Saving(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

        public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed(eventData.Context);
            return Task.CompletedTask;
        }

        private void Saving(DbContext? context)
        {
            if (context is null) return;
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
                if (entry.Entity is Household or Caregiver or Child or ApiToken)
                {
                    cache.Clear();
                    _pending.AddOrUpdate(context, cache);
                    return;
                }
            }
        }

        private void Saved(DbContext? context)
        {
            if (context is null || !_pending.TryGetValue(context, out _)) return;
            cache.Clear();
            if (context.Database.CurrentTransaction is null) _pending.Remove(context);
        }

        private void Committed(DbContext? context)
        {
            if (context is null || !_pending.Remove(context)) return;
            cache.Clear();
        }
    }
}
