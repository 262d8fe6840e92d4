using System.Net.WebSockets;
using System.Text.Json;

namespace SecureBase.Monitoring.Client;

/// <summary>
/// Streams a nursery microphone to the server (see <see cref="MonitorProtocol"/>): frames with growing sequence numbers,
/// kept until the server confirms them (its state message's <c>seq</c>) so that after a dropped connection the client
/// reconnects — waiting 1 s, 2 s, 4 s … up to 10 s — and resends exactly what the server has not kept. The server drops
/// any frame it already has, so an episode is never heard twice. The server's state and close reasons are surfaced as events.
/// </summary>
/// <remarks>
/// Events are raised on the client's own threads; keep handlers short. A steady stream allocates nothing per frame:
/// frame buffers are reused once the server confirms them.
/// </remarks>
public sealed class MonitorClient : IDisposable
{
    private const int ReceiveBufferBytes = 4096;
    private static readonly ReadOnlyMemory<byte> PingMessage = "{\"type\":\"ping\"}"u8.ToArray();
    private readonly MonitorClientOptions _options;
    private readonly TimeProvider _time;
    private readonly PendingFrames _pending;
    private readonly List<PendingFrames.Frame> _toSend = new(16);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ReconnectBackoff _backoff;
    private readonly int _maxFrameSamples;
    private ClientWebSocket? _socket; // Set only under _sendLock.
    private uint _lastSent; // Under _sendLock: the last frame sent on the current socket.
    private uint _highestSent;
    private uint _confirmed;
    private volatile bool _stopping;
    private long _framesSent;
    private long _framesResent;
    private int _connections;

    /// <param name="options">Where to stream; validated here.</param>
    /// <param name="time">The clock of the reconnect waits (a fake one in tests).</param>
    public MonitorClient(MonitorClientOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        _pending = new PendingFrames((int)(options.MaxBufferedSeconds * options.SampleRate));
        _backoff = new ReconnectBackoff(options.InitialBackoff, options.MaxBackoff);
        _maxFrameSamples = options.SampleRate; // The server takes at most one second per frame.
    }

    /// <summary>A connection opened (after the unconfirmed frames were resent).</summary>
    public event Action? Connected;

    /// <summary>The server reported its state (a few times a second).</summary>
    public event Action<MonitorServerState>? StateReceived;

    /// <summary>The connection failed or closed; the reason says why and when the next attempt is.</summary>
    public event Action<MonitorDisconnect>? Disconnected;

    /// <summary>The sequence number of the last frame made.</summary>
    public uint LastSequence { get; private set; }

    /// <summary>The last frame the server said it kept.</summary>
    public uint ConfirmedSequence => Volatile.Read(ref _confirmed);

    /// <summary>Frames sent, including resends.</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>Frames sent again after a reconnect because the server had not confirmed them.</summary>
    public long FramesResent => Interlocked.Read(ref _framesResent);

    /// <summary>Frames lost because the connection was down for longer than the buffer holds.</summary>
    public long FramesDropped { get { lock (_pending) return _pending.Dropped; } }

    /// <summary>Connections opened so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The last server state received, if any.</summary>
    public MonitorServerState? LastState { get; private set; }

    /// <summary>
    /// Streams <paramref name="audio"/> (mono 16-bit samples at the configured rate, in chunks of any size; chunks of
    /// more than one second are split) until it ends or <paramref name="cancellationToken"/> fires, reconnecting as needed.
    /// When the audio ends the client waits up to <paramref name="drainTimeout"/> (default 10 s) for the server to confirm the last frames, then closes.
    /// </summary>
    public async Task RunAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, CancellationToken cancellationToken, TimeSpan? drainTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connection = Task.Run(() => ConnectLoopAsync(stop.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
                await SendAsync(chunk, cancellationToken).ConfigureAwait(false);
            await DrainAsync(drainTimeout ?? TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _stopping = true;
            await CloseAsync().ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await connection.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    /// <summary>Queues one chunk of samples as frames and sends them if connected.</summary>
    private async Task SendAsync(ReadOnlyMemory<short> chunk, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_pending)
            {
                _pending.Confirm(ConfirmedSequence);
                for (var offset = 0; offset < chunk.Length; offset += _maxFrameSamples)
                    _pending.Add(++LastSequence, chunk.Span.Slice(offset, Math.Min(_maxFrameSamples, chunk.Length - offset)));
            }
            await FlushLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends every queued frame after the last one sent on this socket. Caller holds <see cref="_sendLock"/>.</summary>
    private async Task FlushLockedAsync(CancellationToken cancellationToken)
    {
        var socket = _socket;
        if (socket is null || socket.State != WebSocketState.Open) return;
        lock (_pending) _pending.After(_lastSent, _toSend);
        try
        {
            foreach (var frame in _toSend)
            {
                await socket.SendAsync(frame.Bytes, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                _lastSent = frame.Sequence;
                Interlocked.Increment(ref _framesSent);
                if (frame.Sequence <= _highestSent) Interlocked.Increment(ref _framesResent);
                else _highestSent = frame.Sequence;
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive side notices too and reconnects; the frames stay queued. A socket that has received the
            // server's close is left alone: aborting it would lose the close status and reason the receive side reads.
            if (socket.State != WebSocketState.CloseReceived) socket.Abort();
            _socket = null;
        }
        finally
        {
            _toSend.Clear();
        }
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[ReceiveBufferBytes];
        var uri = _options.StreamUri();
        while (!cancellationToken.IsCancellationRequested && !_stopping)
        {
            string reason;
            var refused = false;
            using (var socket = new ClientWebSocket())
            {
                socket.Options.CollectHttpResponseDetails = true;
                if (_options.Token is not null) socket.Options.SetRequestHeader("Authorization", $"Bearer {_options.Token}");
                _options.ConfigureSocket?.Invoke(socket.Options);
                try
                {
                    await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
                    _backoff.Reset();
                    Interlocked.Increment(ref _connections);
                    await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        _socket = socket;
                        _lastSent = ConfirmedSequence; // Resend everything the server has not confirmed.
                        lock (_pending) _pending.Confirm(_lastSent);
                        await FlushLockedAsync(cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                    Connected?.Invoke();
                    await ReceiveAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
                    refused = socket.CloseStatus is WebSocketCloseStatus.PolicyViolation or WebSocketCloseStatus.InvalidPayloadData or WebSocketCloseStatus.MessageTooBig;
                    reason = socket.CloseStatusDescription is { Length: > 0 } text ? text : $"The server closed the connection ({socket.CloseStatus}).";
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException)
                {
                    var status = (int)socket.HttpStatusCode;
                    refused = status is 400 or 401 or 403 or 404;
                    reason = status is 0 or 101 ? $"The connection failed: {e.Message}" : $"The server refused the stream (HTTP {status}).";
                }
                finally
                {
                    await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                    if (ReferenceEquals(_socket, socket)) _socket = null;
                    _sendLock.Release();
                }
            }
            if (cancellationToken.IsCancellationRequested || _stopping)
            {
                Disconnected?.Invoke(new MonitorDisconnect(reason, refused, null));
                break;
            }
            var wait = _backoff.Next();
            Disconnected?.Invoke(new MonitorDisconnect(reason, refused, wait));
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return;
                length += result.Count;
            }
            while (!result.EndOfMessage && length < buffer.Length);
            if (result.MessageType == WebSocketMessageType.Text && result.EndOfMessage && TryParseState(buffer.AsSpan(0, length), out var state))
            {
                if (state.Sequence > ConfirmedSequence) Volatile.Write(ref _confirmed, state.Sequence);
                LastState = state;
                StateReceived?.Invoke(state);
            }
        }
    }

    /// <summary>Reads the server's state message, <c>{"type":"state","seq":N,"level":-42.1,"stage":"quiet"}</c>, without allocating; false for any other message.</summary>
    /// <param name="json">One whole text message, UTF-8.</param>
    /// <param name="state">The state read.</param>
    public static bool TryParseState(ReadOnlySpan<byte> json, out MonitorServerState state)
    {
        state = default;
        uint seq = 0;
        double level = -120;
        string stage = "quiet";
        var isState = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8)) { reader.Read(); isState = reader.ValueTextEquals("state"u8); }
                else if (reader.ValueTextEquals("seq"u8)) { reader.Read(); if (!reader.TryGetUInt32(out seq)) return false; }
                else if (reader.ValueTextEquals("level"u8)) { reader.Read(); if (!reader.TryGetDouble(out level)) return false; }
                else if (reader.ValueTextEquals("stage"u8)) { reader.Read(); stage = KnownStage(ref reader); }
                else { reader.Read(); reader.TrySkip(); }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        if (!isState) return false;
        state = new MonitorServerState(seq, level, stage);
        return true;
    }

    private static string KnownStage(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("quiet"u8) ? "quiet"
        : reader.ValueTextEquals("fussing"u8) ? "fussing"
        : reader.ValueTextEquals("crying"u8) ? "crying"
        : reader.ValueTextEquals("intense"u8) ? "intense"
        : reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "quiet" : "quiet";

    /// <summary>Waits until the server confirmed every frame, or the timeout.</summary>
    private async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (ConfirmedSequence < LastSequence && _time.GetUtcNow() < deadline)
        {
            // The server reports its state after a message, at most every 250 ms: a ping asks for the last confirmation.
            await PingAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(300), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PingAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FlushLockedAsync(cancellationToken).ConfigureAwait(false);
            if (_socket is { State: WebSocketState.Open } socket)
                await socket.SendAsync(PingMessage, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // The connection loop reconnects.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync()
    {
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_socket is { State: WebSocketState.Open } socket)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Monitor stopped", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing anyway.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sendLock.Dispose();
}
