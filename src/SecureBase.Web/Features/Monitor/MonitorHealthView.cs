using SecureBase.Monitoring;

namespace SecureBase.Web.Features.Monitor;

/// <summary>The household's nursery devices as the caregivers see them: the API's answer and the Today page's list.</summary>
public static class MonitorHealthView
{
    public static List<MonitorHealthResponse> For(MonitorRegistry registry, Guid householdId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.ForHousehold(householdId)
            .Select(d => new MonitorHealthResponse(d.Name, d.Owner.ChildId, d.IsConnected, d.Session.LastAudioAt, d.BatteryLevel,
                d.Session.CurrentStage?.ToString().ToLowerInvariant(), MonitorHealth.Check(d.Status(), d.Name, now)))
            .ToList();
    }
}
