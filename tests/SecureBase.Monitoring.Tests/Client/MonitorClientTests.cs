using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Monitoring.Client;

namespace SecureBase.Monitoring.Tests.Client;

public class MonitorClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static MonitorClientOptions Options(Uri server, TimeSpan? initialBackoff = null) => new()
    {
        Server = server, HouseholdId = Guid.NewGuid(), ChildId = Guid.NewGuid(), Token = "device-secret", SampleRate = 16000,
        InitialBackoff = initialBackoff ?? TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Chunks of 10 ms whose samples carry their chunk number, produced as fast as the client takes them.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<short>> Chunks(int count, Func<int, Task>? before = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            if (before is not null) await before(i);
            cancellationToken.ThrowIfCancellationRequested();
            yield return Enumerable.Repeat((short)i, 160).ToArray();
        }
    }

    [Fact]
    public async Task After_a_dropped_connection_it_resends_only_the_unconfirmed_frames_and_the_server_keeps_each_once()
    {
        await using var server = new AckServer();
        // Connection 1 keeps 1–10, loses 11–15 (in flight when the network failed) and then closes.
        server.Fate = (connection, seq) => connection > 1 || seq <= 10 ? FrameFate.Keep : seq < 15 ? FrameFate.Lose : FrameFate.LoseAndClose;
        using var client = new MonitorClient(Options(server.Address));
        var disconnects = new List<MonitorDisconnect>();
        client.Disconnected += d => { lock (disconnects) disconnects.Add(d); };

        // Pace the first 15 frames so each is confirmed before the next; the rest are produced while reconnecting.
        using var timeout = new CancellationTokenSource(Patience);
        await client.RunAsync(Chunks(30, async i =>
        {
            while (i <= 11 && client.ConfirmedSequence < i - 1) await Task.Delay(5, timeout.Token);
        }), timeout.Token);

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (uint)i), server.Kept);
        Assert.Equal(0, server.Duplicates);
        Assert.True(server.Connections.Count >= 2, "The client should have reconnected.");
        // The second connection starts right after the last confirmed frame: nothing confirmed is sent again.
        Assert.Equal(11u, server.Connections[1][0]);
        Assert.Equal(server.Connections[1].Distinct().Count(), server.Connections[1].Count);
        Assert.True(client.FramesResent >= 5, $"Frames 11–15 should have been resent; resent {client.FramesResent}.");
        Assert.Equal(30u, client.ConfirmedSequence);
        Assert.Contains(disconnects, d => d.Reason == "The server is restarting." && !d.Refused && d.RetryIn is not null);
        Assert.All(server.Authorizations, a => Assert.Equal("Bearer device-secret", a));
    }

    [Fact]
    public async Task A_policy_violation_is_surfaced_with_the_servers_reason()
    {
        await using var server = new AckServer
        {
            Fate = (_, _) => FrameFate.LoseAndClose,
            CloseWith = (WebSocketCloseStatus.PolicyViolation, "The monitor is sending audio faster than real time; check its sample rate."),
        };
        using var client = new MonitorClient(Options(server.Address));
        var refused = new TaskCompletionSource<MonitorDisconnect>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += d => { if (d.Refused) refused.TrySetResult(d); };
        using var stop = new CancellationTokenSource(Patience);
        var run = client.RunAsync(Chunks(1000, _ => Task.Delay(10, stop.Token)), stop.Token);

        var disconnect = await refused.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal("The monitor is sending audio faster than real time; check its sample rate.", disconnect.Reason);
    }

    [Fact]
    public async Task Reconnect_attempts_back_off_from_one_second_doubling_up_to_ten_seconds()
    {
        var time = new TimerCountingClock(DateTimeOffset.Parse("2026-11-30T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        // Nothing listens on this port: every attempt fails at once.
        using var closed = ClosedPort();
        var options = Options(new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/")) with { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10) };
        using var client = new MonitorClient(options, time);
        var waits = new List<TimeSpan>();
        client.Disconnected += d => { lock (waits) if (d.RetryIn is { } w) waits.Add(w); };
        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(Chunks(1, _ => Task.Delay(Timeout.Infinite, stop.Token)), stop.Token);

        var expected = new[] { 1, 2, 4, 8, 10, 10 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();
        for (var attempt = 1; attempt <= expected.Length; attempt++)
        {
            await WaitForCount(waits, attempt);
            Assert.Equal(expected[attempt - 1], waits[attempt - 1]);
            // The client reports the wait just before it starts it: move the clock only once its timer exists.
            await time.WaitForTimersAsync(attempt, Patience);
            // No new attempt until the whole wait has passed on the client's clock.
            time.Advance(expected[attempt - 1] - TimeSpan.FromMilliseconds(1));
            await Task.Delay(150);
            Assert.Equal(attempt, Count(waits));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, client.Connections);
    }

    [Fact]
    public async Task While_disconnected_it_keeps_only_the_newest_audio_up_to_the_buffer_limit()
    {
        var time = new FakeTimeProvider();
        using var closed = ClosedPort();
        var options = Options(new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/")) with { MaxBufferedSeconds = 0.5, InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10) };
        using var client = new MonitorClient(options, time);
        using var stop = new CancellationTokenSource(Patience);
        // 100 chunks of 10 ms = 1 s of audio, with a 0.5 s buffer.
        await client.RunAsync(Chunks(100), stop.Token, drainTimeout: TimeSpan.Zero);

        Assert.Equal(100u, client.LastSequence);
        Assert.Equal(50, client.FramesDropped);
        Assert.Equal(0, client.FramesSent);
    }

    [Fact]
    public void The_stream_address_carries_the_household_child_and_rate()
    {
        var household = Guid.NewGuid();
        var child = Guid.NewGuid();
        var options = new MonitorClientOptions { Server = new Uri("https://home.example:8443/base/"), HouseholdId = household, ChildId = child, SampleRate = 48000, DeviceName = "Nursery shelf" };

        Assert.Equal($"wss://home.example:8443/base/api/households/{household}/monitor/stream?childId={child}&rate=48000&name=Nursery%20shelf", options.StreamUri().AbsoluteUri);
        Assert.Throws<ArgumentException>(() => new MonitorClient(options with { SampleRate = 11025 }));
        Assert.Throws<ArgumentException>(() => new MonitorClient(options with { MaxBufferedSeconds = 60 }));
    }

    /// <summary>
    /// A loopback port bound but not listening, held for the test: connecting to it is refused at once, and no other
    /// process can start listening on it meanwhile (a port merely found free and released could be taken by one).
    /// </summary>
    private static Socket ClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static int Count(List<TimeSpan> list)
    {
        lock (list) return list.Count;
    }

    private static async Task WaitForCount(List<TimeSpan> list, int count)
    {
        var until = DateTime.UtcNow + Patience;
        while (Count(list) < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Expected {count} reconnect attempts, saw {Count(list)}.");
            await Task.Delay(10);
        }
    }
}
