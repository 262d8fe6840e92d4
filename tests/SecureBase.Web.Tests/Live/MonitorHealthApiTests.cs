using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Monitoring;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Live;

/// <summary>
/// Monitor health as a caregiver reads it (<c>GET /api/households/{id}/monitors</c>), from a device streaming over the
/// real WebSocket endpoint and the app's own (fake) clock: a low battery the device reports, a microphone that hears
/// only digital silence, a device that stops sending sound, and a lost connection, each said plainly.
/// </summary>
public abstract class MonitorHealthApiTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    private const int FrameSamples = 1600;

    [SkippableFact]
    public async Task A_caregiver_sees_a_low_battery_a_silent_microphone_a_device_gone_quiet_and_a_lost_connection()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        var signUp = await Ok(await client.PostAsJsonAsync("/api/account/signup",
            new { email = $"health-{Guid.NewGuid():N}@example.org", password = TestHousehold.Password, displayName = "Emma", householdName = "Health", timeZone = "UTC" }));
        var url = $"/api/households/{signUp.GetProperty("householdId").GetGuid()}";
        var childId = (await Ok(await client.PostAsJsonAsync($"{url}/children", new { name = "Lou", birthDate = clock.GetUtcNow().AddDays(-60).ToString("yyyy-MM-dd"), pronoun = "her" })))
            .GetProperty("id").GetGuid();
        var token = (await Ok(await client.PostAsJsonAsync($"{url}/tokens", new { kind = "device", name = "Nursery phone", childId }))).GetProperty("secret").GetString()!;

        var sockets = app.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
        using var socket = await sockets.ConnectAsync(new Uri($"ws://localhost{url}/monitor/stream?childId={childId}&rate=16000&name=Nursery%20phone"), CancellationToken.None);
        var receiving = DrainAsync(socket); // the device reads the server's state messages, as a real one does
        uint sequence = 0;
        async Task SilentFrameAsync()
        {
            // Digital zeros: what a muted or unplugged microphone delivers.
            var buffer = new byte[MonitorProtocol.HeaderBytes + (FrameSamples * 2)];
            var length = MonitorProtocol.WriteFrame(++sequence, new short[FrameSamples], buffer);
            await socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Binary, true, CancellationToken.None);
            var sent = clock.GetUtcNow();
            // Until the server has handled the frame the monitor has no audio yet, and a null time is left out of the JSON.
            await MonitorAsync(client, url, m => m.TryGetProperty("lastAudioAt", out var at) && at.ValueKind == JsonValueKind.String && at.GetDateTimeOffset() == sent);
        }

        // The phone reports 9 % and not charging: the only warning while it has just started listening.
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"battery\",\"level\":0.09,\"charging\":false}"), WebSocketMessageType.Text, true, CancellationToken.None);
        await SilentFrameAsync();
        var fresh = await MonitorAsync(client, url, m => m.TryGetProperty("batteryLevel", out var level) && level.ValueKind == JsonValueKind.Number);
        Assert.True(fresh.GetProperty("connected").GetBoolean());
        Assert.Equal(["batteryLow"], Problems(fresh));
        Assert.Contains("Nursery phone's battery is at 9%; plug it in.", Texts(fresh), StringComparison.Ordinal);
        Assert.Equal("Nursery phone is listening.", fresh.GetProperty("listeningText").GetString());

        // Frames keep coming for 35 s, every one of them silent: the microphone is muted or unplugged.
        for (var i = 0; i < 7; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await SilentFrameAsync();
        }
        var muted = await MonitorAsync(client, url, _ => true);
        Assert.Equal(["batteryLow", "microphoneSilent"], Problems(muted).Order());
        Assert.Contains("hears complete silence", Texts(muted), StringComparison.Ordinal);

        // Then nothing at all for 16 s while the connection stays open: the device stopped sending sound.
        clock.Advance(TimeSpan.FromSeconds(16));
        var stopped = await MonitorAsync(client, url, _ => true);
        Assert.Equal(["batteryLow", "noAudio"], Problems(stopped).Order());
        Assert.Contains("is connected but has stopped sending sound", Texts(stopped), StringComparison.Ordinal);

        // The connection drops; 90 s later the caregiver reads that it was lost, and since when.
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "gone", CancellationToken.None);
        await receiving;
        await MonitorAsync(client, url, m => !m.GetProperty("connected").GetBoolean());
        clock.Advance(TimeSpan.FromSeconds(90));
        var lost = await MonitorAsync(client, url, _ => true);
        Assert.Equal(["disconnected"], Problems(lost));
        Assert.Contains("Nursery phone has lost its connection since 1 min ago. Cries are not being heard.", Texts(lost), StringComparison.Ordinal);

        // Past the resume window its session ends (the app's sweeper runs on the same clock), but the caregiver still
        // reads that the nursery is not heard, rather than the monitor vanishing from the list.
        clock.Advance(TimeSpan.FromMinutes(3));
        var gone = await MonitorAsync(client, url, m => Texts(m).Contains("since 4 min ago", StringComparison.Ordinal));
        Assert.Equal(["disconnected"], Problems(gone));
        // The sweep itself, run here so the test does not depend on when the sweeper's timer fires (no cry was open, so
        // there is nothing for the sweeper to close).
        app.Services.GetRequiredService<Web.Features.Monitor.MonitorRegistry>().Expire();
        Assert.Equal(["disconnected"], Problems(await MonitorAsync(client, url, _ => true)));

        // When it comes back it is simply connected again.
        using var again = await sockets.ConnectAsync(new Uri($"ws://localhost{url}/monitor/stream?childId={childId}&rate=16000&name=Nursery%20phone"), CancellationToken.None);
        var back = await MonitorAsync(client, url, m => m.GetProperty("connected").GetBoolean());
        Assert.DoesNotContain("disconnected", Problems(back));
        await again.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await DrainAsync(again);
    }

    /// <summary>The household's one monitor once <paramref name="ready"/> holds (the server handles a device's messages on its own task).</summary>
    private static async Task<JsonElement> MonitorAsync(HttpClient client, string url, Func<JsonElement, bool> ready)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var monitors = await Ok(await client.GetAsync($"{url}/monitors"));
            if (monitors.GetArrayLength() == 1 && ready(monitors[0])) return monitors[0];
            Assert.True(DateTime.UtcNow < until, $"The monitor never got there: {monitors}");
            await Task.Delay(20);
        }
    }

    private static List<string> Problems(JsonElement monitor) =>
        monitor.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("problem").GetString()!).ToList();

    private static string Texts(JsonElement monitor) =>
        string.Join(" | ", monitor.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("text").GetString()));

    private static async Task DrainAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (WebSocketException)
        {
            // The server went away first: nothing more to read.
        }
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        await Expect.Status(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteMonitorHealthApiTests(SqliteFixture fixture) : MonitorHealthApiTests<SqliteFixture>(fixture);
