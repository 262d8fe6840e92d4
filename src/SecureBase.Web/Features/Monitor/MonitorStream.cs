using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SecureBase.Monitoring;
using SecureBase.Web.Features.Alerts;

namespace SecureBase.Web.Features.Monitor;

/// <summary>
/// One monitor connection: binary audio frames in (see <see cref="MonitorProtocol"/>), JSON control messages
/// (<c>{"type":"battery","level":0.5,"charging":true}</c>, <c>{"type":"ping"}</c>) in, and a state message out a few
/// times a second (<c>{"type":"state","seq":N,"level":-42.1,"stage":"quiet"}</c>; <c>seq</c> is the last frame kept, so the
/// device can drop what it buffered). A protocol breach closes the connection with the reason; other monitors go on.
/// </summary>
internal sealed class MonitorStream(WebSocket socket, MonitorDevice device, MonitorEventWriter writer, TimeProvider time, ILogger log)
{
    /// <summary>Largest message accepted: one second of 48 kHz audio and its header, with room to spare.</summary>
    private const int MaxMessageBytes = 128 * 1024;
    private static readonly TimeSpan StateInterval = TimeSpan.FromMilliseconds(250);
    /// <summary>How long a closing connection waits for its events to be written before it says goodbye.</summary>
    private static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(10);
    private readonly List<MonitorEvent> _events = new(4);
    private DateTimeOffset _lastStateSent;

    /// <summary>Runs until the device leaves, breaks the protocol, or the server stops (<paramref name="stopping"/>).</summary>
    public async Task RunAsync(CancellationToken requestAborted, CancellationToken stopping)
    {
        // A server shutting down tells the device at once ("going away"), so it keeps its audio and reconnects to the
        // restarted server instead of streaming into a connection that is about to be cut. (Cancelling the receive
        // would abort the socket without a reason; closing the output lets the device answer and the loop end.)
        using var goingAway = stopping.Register(() => _ = CloseOutputAsync());
        var cancellationToken = requestAborted;
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
        try
        {
            while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
            {
                var (type, length) = await ReceiveMessageAsync(buffer, cancellationToken);
                if (type == WebSocketMessageType.Close) break;
                device.Seen(time.GetUtcNow());
                if (type == WebSocketMessageType.Binary) await AcceptAudioAsync(buffer.AsMemory(0, length), cancellationToken);
                else HandleControl(buffer.AsSpan(0, length));
                await SendStateAsync(cancellationToken);
            }
            // The device (and a test) learns that its audio is in the journal when the goodbye comes.
            await writer.WhenWrittenAsync(device, WriteWait, stopping);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Goodbye", CancellationToken.None);
        }
        catch (MonitorProtocolException e)
        {
            log.LogWarning("Monitor {Device} disconnected: {Reason}", device.Name, e.Message);
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, e.Message);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The network dropped: the session waits for the device to come back.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<(WebSocketMessageType Type, int Length)> ReceiveMessageAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length) throw new MonitorProtocolException($"Messages are limited to {MaxMessageBytes / 1024} KB; send audio in frames of at most one second.");
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return (WebSocketMessageType.Close, 0);
            length += result.Count;
            if (result.EndOfMessage) return (result.MessageType, length);
        }
    }

    private async Task AcceptAudioAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await device.Gate.WaitAsync(cancellationToken);
        try
        {
            // The detector runs here; the journal and alert writes run on the event writer, so a slow database never
            // holds up the audio of this or any other monitor.
            if (device.Session.Accept(frame.Span) == FrameResult.Duplicate) return;
            device.Session.DrainEvents(_events);
            writer.Enqueue(device, _events, device.Session.LastSequence);
        }
        finally
        {
            _events.Clear();
            device.Gate.Release();
        }
    }

    private void HandleControl(ReadOnlySpan<byte> message)
    {
        try
        {
            using var json = JsonDocument.Parse(message.ToArray());
            var root = json.RootElement;
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "ping":
                    return;
                case "battery":
                    if (root.TryGetProperty("level", out var level) && level.TryGetDouble(out var value) && value is >= 0 and <= 1)
                        device.BatteryLevel = value;
                    if (root.TryGetProperty("charging", out var charging) && charging.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        device.Charging = charging.GetBoolean();
                    return;
                default:
                    throw new MonitorProtocolException("Unknown control message; expected {\"type\":\"ping\"} or {\"type\":\"battery\",...}.");
            }
        }
        catch (JsonException)
        {
            throw new MonitorProtocolException("A text message must be JSON.");
        }
    }

    private async Task SendStateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastStateSent < StateInterval || socket.State != WebSocketState.Open) return;
        _lastStateSent = now;
        var state = new
        {
            type = "state",
            seq = writer.ConfirmedSequence(device),
            level = Math.Round(device.Session.LevelDbfs, 1),
            stage = device.Session.CurrentStage?.ToString().ToLowerInvariant() ?? "quiet",
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private async Task CloseOutputAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "The server is restarting; reconnect in a moment.", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Already closing or gone.
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        // A close reason is limited to 123 bytes of UTF-8.
        var bytes = Encoding.UTF8.GetBytes(reason);
        if (bytes.Length > 123) reason = Encoding.UTF8.GetString(bytes, 0, 120) + "…";
        try
        {
            await socket.CloseAsync(status, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }
}

/// <summary>Journal and alert side of a monitor event, shared by live connections and expiring sessions.</summary>
internal static class MonitorEvents
{
    public static async Task RecordAsync(MonitorDevice device, MonitorEvent e, IServiceScopeFactory scopes, AlertCenter alerts, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<CryEpisodeRecorder>();
        var episode = await recorder.ApplyAsync(device.Owner, e, device.CurrentEpisode, cancellationToken);
        if (episode is null) return;
        device.CurrentEpisode = e.Kind == MonitorEventKind.CryEnded ? null : episode.Id;
        await alerts.OnEpisodeAsync(device.Owner.HouseholdId, episode, cancellationToken);
    }
}
