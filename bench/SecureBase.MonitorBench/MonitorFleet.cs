using System.Diagnostics;
using System.Net.WebSockets;
using SecureBase.Monitoring.Client;

/// <summary>One simulated monitor: its socket, its recording, and what it saw.</summary>
internal sealed class SimulatedMonitor(Guid householdId, Guid childId, string token, Recording recording, long phaseTicks)
{
    public Guid HouseholdId { get; } = householdId;
    public Guid ChildId { get; } = childId;
    public string Token { get; } = token;
    public Recording Recording { get; } = recording;
    /// <summary>Offset of this monitor's frame clock, so the monitors do not all send in the same millisecond.</summary>
    public long PhaseTicks { get; } = phaseTicks;
    public ClientWebSocket Socket { get; } = new();
    public int NextFrame { get; set; }
    public Task? Sending { get; set; }
    public Task? Receiving { get; set; }
    /// <summary>Stopwatch timestamps: the onset captured, the decision frame sent, the server's state first showing a cry.</summary>
    public long OnsetAt { get; set; }
    public long DecisionSentAt { get; set; }
    public long HeardAt { get; set; }
    public uint Confirmed { get; set; }
    public string? Refused { get; set; }
}

/// <summary>
/// Streams every monitor's recording in real time from one timer loop (instead of a task and a timer per monitor), so the
/// bench itself stays light on the machine it shares with the server. Frames are sent at their capture time plus one frame
/// (a microphone's buffer fills first); the onset time is when its sample is captured, so frame buffering counts too.
/// </summary>
internal static class MonitorFleet
{
    private static readonly ReadOnlyMemory<byte> Ping = "{\"type\":\"ping\"}"u8.ToArray();
    private static readonly long FrameTicks = Stopwatch.Frequency * Recording.FrameMilliseconds / 1000;

    /// <summary>Connects every monitor (one after the other).</summary>
    public static async Task ConnectAsync(Uri server, IReadOnlyList<SimulatedMonitor> monitors, CancellationToken cancellationToken)
    {
        foreach (var m in monitors)
        {
            m.Socket.Options.SetRequestHeader("Authorization", $"Bearer {m.Token}");
            var uri = new MonitorClientOptions { Server = server, HouseholdId = m.HouseholdId, ChildId = m.ChildId, DeviceName = "Bench" }.StreamUri();
            await m.Socket.ConnectAsync(uri, cancellationToken);
            m.Receiving = ReceiveAsync(m, cancellationToken);
        }
    }

    /// <summary>Plays every recording to its end; returns the latest any frame went out after its due time, in ms.</summary>
    public static async Task<double> PlayAsync(IReadOnlyList<SimulatedMonitor> monitors, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 10);
        foreach (var m in monitors) m.OnsetAt = start + m.PhaseTicks + (m.Recording.OnsetSample * Stopwatch.Frequency / Recording.Rate);
        long worstLag = 0;
        var remaining = monitors.Count;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (remaining > 0 && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = Stopwatch.GetTimestamp();
            remaining = 0;
            foreach (var m in monitors)
            {
                var frames = m.Recording.Frames;
                while (m.NextFrame < frames.Length && m.Refused is null)
                {
                    var due = start + m.PhaseTicks + ((m.NextFrame + 1) * FrameTicks);
                    if (due > now) break;
                    if (m.Sending is { IsCompleted: false }) break; // still sending the last one: catch up on the next tick
                    worstLag = Math.Max(worstLag, now - due);
                    if (m.NextFrame == m.Recording.DecisionFrame) m.DecisionSentAt = now;
                    var send = m.Socket.SendAsync(frames[m.NextFrame].AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
                    m.Sending = send.IsCompletedSuccessfully ? null : send.AsTask();
                    m.NextFrame++;
                }
                if (m.NextFrame < frames.Length && m.Refused is null) remaining++;
            }
        }
        return worstLag * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>
    /// Asks for a last confirmation (a ping; the server reports its state at most every 250 ms), then says goodbye; the
    /// server answers the goodbye once it has written everything the monitor caused.
    /// </summary>
    public static async Task CloseAsync(IReadOnlyList<SimulatedMonitor> monitors, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await Task.Delay(300, cts.Token);
        await Task.WhenAll(monitors.Select(async m =>
        {
            try
            {
                if (m.Sending is { } sending) await sending;
                for (var ping = 0; ping < 8 && m.Confirmed < m.Recording.Frames.Length && m.Socket.State == WebSocketState.Open; ping++)
                {
                    await m.Socket.SendAsync(Ping, WebSocketMessageType.Text, endOfMessage: true, cts.Token);
                    await Task.Delay(300, cts.Token);
                }
                if (m.Socket.State == WebSocketState.Open) await m.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Bench done", cts.Token);
                if (m.Receiving is { } receiving) await receiving.WaitAsync(cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Counted as unconfirmed frames.
            }
            m.Socket.Dispose();
        }));
    }

    private static async Task ReceiveAsync(SimulatedMonitor m, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await m.Socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage && length < buffer.Length);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (m.Socket.CloseStatus != WebSocketCloseStatus.NormalClosure) m.Refused = m.Socket.CloseStatusDescription ?? m.Socket.CloseStatus.ToString();
                    return;
                }
                if (MonitorClient.TryParseState(buffer.AsSpan(0, length), out var state))
                {
                    m.Confirmed = Math.Max(m.Confirmed, state.Sequence);
                    if (state.Stage != "quiet" && m.HeardAt == 0) m.HeardAt = Stopwatch.GetTimestamp();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            m.Refused ??= e.Message;
        }
    }
}
