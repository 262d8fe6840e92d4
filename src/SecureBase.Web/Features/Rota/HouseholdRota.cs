using System.Collections.Concurrent;
using SecureBase.Storage;
using SecureBase.Storage.Alerts;

namespace SecureBase.Web.Features.Rota;

/// <summary>
/// The rota and quiet hours of each household, cached for the alert routing (a cry must not wait for the database
/// more than once per household) and dropped whenever a parent changes them through the API or the settings page.
/// </summary>
public sealed class HouseholdRota(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<Guid, RotaSettings> _cache = new();

    public async Task<RotaSettings> GetAsync(Guid householdId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(householdId, out var cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<AlertStore>().GetRotaAsync(householdId, cancellationToken);
        return _cache.GetOrAdd(householdId, settings);
    }

    /// <summary>Replaces the household's rota and quiet hours; the next alert is routed by the new ones.</summary>
    public async Task<Outcome<RotaSettings>> ReplaceAsync(Guid householdId, IReadOnlyList<RotaShiftInput>? shifts, IReadOnlyList<QuietHoursInput>? quietHours, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AlertStore>().ReplaceRotaAsync(householdId, shifts, quietHours, cancellationToken);
        if (outcome.IsOk) _cache[householdId] = outcome.Value!;
        return outcome;
    }

    /// <summary>Forgets the cached rota (e.g. after a caregiver was removed, whose lines the database removed too).</summary>
    public void Invalidate(Guid householdId) => _cache.TryRemove(householdId, out _);
}
