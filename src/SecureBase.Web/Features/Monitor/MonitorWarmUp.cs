using SecureBase.Monitoring;
using SecureBase.Monitoring.Simulation;

namespace SecureBase.Web.Features.Monitor;

/// <summary>
/// Runs the detector over a few seconds of synthetic cry when the server starts, so the first real cry after a
/// start-up is not slowed by just-in-time compilation of the audio path (the load benchmark saw alerts for cries in
/// the first seconds take 1–2.5 s instead of 0.3–0.6 s).
/// </summary>
public sealed class MonitorWarmUp(ILogger<MonitorWarmUp> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var audio = SyntheticNursery.QuietThenCry(16000, quietSeconds: 1, units: 4);
        var session = new MonitorSession(new MonitorSessionOptions { MaxBurstSeconds = 600 }, null, TimeProvider.System);
        var frame = new byte[MonitorProtocol.HeaderBytes + 3200];
        var events = new List<MonitorEvent>();
        uint sequence = 0;
        for (var offset = 0; offset + 1600 <= audio.Length && !stoppingToken.IsCancellationRequested; offset += 1600)
        {
            var length = MonitorProtocol.WriteFrame(++sequence, audio.AsSpan(offset, 1600), frame);
            session.Accept(frame.AsSpan(0, length));
            session.DrainEvents(events);
        }
        session.Close();
        session.DrainEvents(events);
        if (log.IsEnabled(LogLevel.Debug)) log.LogDebug("Monitor path warmed up ({Events} events)", events.Count);
    }, stoppingToken);
}
