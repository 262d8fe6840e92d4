namespace SecureBase.Web.Features.Alerts;

/// <summary>Drives escalation: once a second (on the injected clock) every live alert gets its <c>Tick</c>.</summary>
public sealed class AlertTicker(AlertCenter alerts, TimeProvider time, ILogger<AlertTicker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await alerts.TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failing delivery must not stop escalation for every other alert.
                log.LogError(e, "Alert tick failed");
            }
        }
    }
}
