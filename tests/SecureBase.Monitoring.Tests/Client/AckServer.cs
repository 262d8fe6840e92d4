using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace SecureBase.Monitoring.Tests.Client;

/// <summary>
/// A tiny in-process monitor server (HttpListener WebSockets) that behaves like the real one where the client cares:
/// it keeps frames in sequence order, ignores ones it already has, and confirms each kept frame with a state message.
/// A test can make it lose frames and close the connection, as a dropped network or a restart would.
/// </summary>
internal sealed class AckServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public AckServer()
    {
        // HttpListener cannot bind port 0, so a free port is picked first; another process (the other test projects run
        // at the same time) may take it in between, so a taken port is a reason to pick another, not to fail.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                _listener.Prefixes.Clear();
            }
        }
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>The frames kept, in order.</summary>
    public List<uint> Kept { get; } = [];

    /// <summary>Frames received that were already kept: the client resent something it need not have.</summary>
    public int Duplicates { get; private set; }

    /// <summary>The sequence numbers received on each connection, in order.</summary>
    public List<List<uint>> Connections { get; } = [];

    /// <summary>What the server does to a frame on a connection: keep it, lose it, or lose it and close.</summary>
    public Func<int, uint, FrameFate> Fate { get; set; } = (_, _) => FrameFate.Keep;

    /// <summary>The close sent by <see cref="FrameFate.LoseAndClose"/>.</summary>
    public (WebSocketCloseStatus Status, string Reason) CloseWith { get; set; } = (WebSocketCloseStatus.EndpointUnavailable, "The server is restarting.");

    /// <summary>The server's headers of each upgrade request (to check the bearer token).</summary>
    public List<string?> Authorizations { get; } = [];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            lock (Kept) Authorizations.Add(context.Request.Headers["Authorization"]);
            var socket = (await context.AcceptWebSocketAsync(subProtocol: null)).WebSocket;
            await ServeAsync(socket); // One monitor at a time, as for one device.
        }
    }

    private async Task ServeAsync(WebSocket socket)
    {
        var received = new List<uint>();
        int connection;
        lock (Kept)
        {
            Connections.Add(received);
            connection = Connections.Count;
        }
        var buffer = new byte[70_000];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    // A ping: answer with the state, as the real server does.
                    if (Kept.Count > 0) await SendStateAsync(socket);
                    continue;
                }
                var sequence = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
                var fate = Fate(connection, sequence);
                lock (Kept)
                {
                    received.Add(sequence);
                    if (fate != FrameFate.Keep) { }
                    else if (Kept.Count > 0 && sequence <= Kept[^1]) Duplicates++;
                    else Kept.Add(sequence);
                }
                if (fate == FrameFate.LoseAndClose)
                {
                    await CloseAndDrainAsync(socket, buffer);
                    return;
                }
                if (fate == FrameFate.Keep) await SendStateAsync(socket);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpListenerException)
        {
            // The client went away.
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>
    /// Closes as the real server does (<c>CloseAsync</c>): sends the close, then reads what is still in flight until the
    /// client answers. Dropping the connection at once would reset it, and a reset can discard the close frame (and its
    /// reason) before the client reads it.
    /// </summary>
    private async Task CloseAndDrainAsync(WebSocket socket, byte[] buffer)
    {
        await socket.CloseOutputAsync(CloseWith.Status, CloseWith.Reason, _stop.Token);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        patience.CancelAfter(TimeSpan.FromSeconds(30)); // a safety net only: the client answers a close at once
        while (socket.State == WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(buffer, patience.Token);
            if (result.MessageType == WebSocketMessageType.Close) return;
        }
    }

    private async Task SendStateAsync(WebSocket socket)
    {
        var state = Encoding.UTF8.GetBytes($"{{\"type\":\"state\",\"seq\":{Kept[^1]},\"level\":-40.5,\"stage\":\"crying\"}}");
        await socket.SendAsync(state, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }
}

internal enum FrameFate { Keep, Lose, LoseAndClose }
