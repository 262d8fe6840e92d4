using SecureBase.Monitoring;

namespace SecureBase.Web.Features.Monitor;

/// <summary>Ends the sessions of devices gone longer than the resume window, closing the cry they left open.</summary>
public sealed class MonitorSweeper(MonitorRegistry registry, MonitorEventWriter writer, TimeProvider time, ILogger<MonitorSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), time);
        var events = new List<MonitorEvent>();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var device in registry.Expire())
            {
                try
                {
                    await device.Gate.WaitAsync(stoppingToken);
                    try
                    {
                        device.Session.Close();
                        device.Session.DrainEvents(events);
                        writer.Enqueue(device, events, device.Session.LastSequence);
                    }
                    finally
                    {
                        events.Clear();
                        device.Gate.Release();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Could not close the session of {Device}", device.Name);
                }
            }
        }
    }
}
