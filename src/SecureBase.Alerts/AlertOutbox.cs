namespace SecureBase.Alerts;

/// <summary>
/// At-least-once delivery: remembers, per caregiver, the latest version of each alert their devices confirmed.
/// Whatever a caregiver should have and has not confirmed is pending — sent again on every reconnect until
/// confirmed. Confirmations are idempotent: confirming an old version after a newer one changes nothing.
/// </summary>
public sealed class AlertOutbox
{
    private readonly Dictionary<(Guid Caregiver, Guid Alert), int> _confirmed = [];
    private readonly object _gate = new();

    /// <summary>Records that a caregiver's device showed this version of the alert.</summary>
    public void Confirm(Guid caregiverId, Guid alertId, int version)
    {
        lock (_gate)
        {
            if (!_confirmed.TryGetValue((caregiverId, alertId), out var seen) || seen < version)
                _confirmed[(caregiverId, alertId)] = version;
        }
    }

    /// <summary>Alerts addressed to the caregiver whose current version they have not confirmed, oldest first.</summary>
    public IReadOnlyList<CryAlert> PendingFor(Guid caregiverId, IEnumerable<CryAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        lock (_gate)
        {
            return alerts
                .Where(a => a.Recipients.Contains(caregiverId))
                .Where(a => !_confirmed.TryGetValue((caregiverId, a.Id), out var seen) || seen < a.Version)
                .OrderBy(a => a.Onset)
                .ToList();
        }
    }

    /// <summary>Forgets a closed alert.</summary>
    public void Forget(Guid alertId)
    {
        lock (_gate)
        {
            foreach (var key in _confirmed.Keys.Where(k => k.Alert == alertId).ToList()) _confirmed.Remove(key);
        }
    }
}
