using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Care.Journal;
using SecureBase.Monitoring;
using SecureBase.Monitoring.Simulation;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Alerts;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Live;

/// <summary>
/// A nursery device streaming over the real WebSocket endpoint into the real app: the cry lands in the journal as one
/// episode with its stages, an alert is raised for the household, reconnects do not duplicate it, and bad monitors
/// are refused with a reason.
/// </summary>
public abstract class MonitorStreamTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    private const int Rate = 16000;
    private const int FrameSamples = 1600;

    private static async Task<string> DeviceTokenAsync(TestHousehold household)
    {
        var response = await household.Client.PostAsJsonAsync(household.Url("/tokens"), new { kind = "device", name = "Nursery phone", childId = household.ChildId });
        await Expect.Status(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    private async Task<WebSocket> ConnectAsync(TestHousehold household, string token, Guid? childId = null, int rate = Rate)
    {
        var client = App.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
        var uri = new Uri($"ws://localhost{household.Url("/monitor/stream")}?childId={childId ?? household.ChildId}&rate={rate}");
        return await client.ConnectAsync(uri, CancellationToken.None);
    }

    private static async Task SendAsync(WebSocket socket, short[] audio, int fromFrame, int toFrame)
    {
        var buffer = new byte[MonitorProtocol.HeaderBytes + (FrameSamples * 2)];
        for (var frame = fromFrame; frame < toFrame; frame++)
        {
            var offset = frame * FrameSamples;
            if (offset >= audio.Length) break;
            var length = MonitorProtocol.WriteFrame((uint)frame + 1, audio.AsSpan(offset, Math.Min(FrameSamples, audio.Length - offset)), buffer);
            await socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        var buffer = new byte[4096];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) break;
        }
    }

    private static async Task<List<CryEpisodeEntry>> CriesAsync(TestHousehold household)
    {
        var page = await household.Client.GetFromJsonAsync<JsonElement>(household.Url("/entries?type=cry&pageSize=50"));
        return page.GetProperty("items").EnumerateArray()
            .Select(e => (CryEpisodeEntry)JsonSerializer.Deserialize<JournalEntry>(e.GetRawText(), EntryJson.Options)!).ToList();
    }

    [SkippableFact]
    public async Task A_cry_heard_by_the_monitor_becomes_one_journal_episode_and_one_alert()
    {
        var household = await NewHouseholdAsync();
        var token = await DeviceTokenAsync(household);
        var audio = SyntheticNursery.QuietThenCry(Rate, quietSeconds: 3, units: 8);

        using var socket = await ConnectAsync(household, token);
        await SendAsync(socket, audio, 0, int.MaxValue);
        await CloseAsync(socket);

        var cry = Assert.Single(await CriesAsync(household));
        Assert.Equal(CrySource.Monitor, cry.Source);
        Assert.Equal(household.ChildId, cry.ChildId);
        Assert.NotNull(cry.EndedAt);
        Assert.NotEmpty(cry.Stages);
        Assert.NotNull(cry.Acoustics?.F0MeanHz);
        Assert.InRange(cry.Acoustics!.F0MeanHz!.Value, 400, 600);
        var alert = App.Services.GetRequiredService<AlertCenter>().Find(cry.Id);
        Assert.NotNull(alert);
        Assert.Contains(household.CaregiverId, alert.Recipients);
    }

    [SkippableFact]
    public async Task A_monitor_that_reconnects_mid_cry_and_resends_frames_leaves_one_episode()
    {
        var household = await NewHouseholdAsync();
        var token = await DeviceTokenAsync(household);
        var audio = SyntheticNursery.QuietThenCry(Rate, quietSeconds: 3, units: 10);
        var frames = (audio.Length + FrameSamples - 1) / FrameSamples;

        using (var first = await ConnectAsync(household, token))
        {
            await SendAsync(first, audio, 0, 70);
            first.Abort(); // the network drops mid-cry
        }
        using (var second = await ConnectAsync(household, token))
        {
            await SendAsync(second, audio, 50, frames); // the phone resends what it had not seen confirmed
            await CloseAsync(second);
        }

        var cry = Assert.Single(await CriesAsync(household));
        Assert.NotNull(cry.EndedAt);
    }

    [SkippableFact]
    public async Task Caregivers_answer_from_the_alert_and_the_journal_keeps_the_latencies()
    {
        var household = await NewHouseholdAsync();
        var token = await DeviceTokenAsync(household);
        using var socket = await ConnectAsync(household, token);
        await SendAsync(socket, SyntheticNursery.QuietThenCry(Rate, quietSeconds: 3, units: 8), 0, int.MaxValue);
        await CloseAsync(socket);
        var cry = Assert.Single(await CriesAsync(household));
        var userId = (await household.Client.GetFromJsonAsync<JsonElement>("/api/account/me")).GetProperty("userId").GetString()!;
        var alerts = App.Services.GetRequiredService<AlertCenter>();

        Assert.True(await alerts.AcknowledgeAsync(userId, cry.Id, arrived: false, CancellationToken.None));
        Assert.True(await alerts.AcknowledgeAsync(userId, cry.Id, arrived: true, CancellationToken.None));
        var respond = await household.Client.PutAsJsonAsync(household.Url($"/cries/{cry.Id}/response"), new
        {
            actions = new[] { "diaper", "feed" }, resolvedBy = "feed", talked = true, eyeContact = true, warm = true, state = "calm", busyWith = "cooking",
        });
        await Expect.Status(HttpStatusCode.OK, respond);

        var stored = Assert.Single(await CriesAsync(household));
        var response = Assert.Single(stored.Responses);
        Assert.Equal(household.CaregiverId, response.CaregiverId);
        Assert.NotNull(response.AcknowledgedAt);
        Assert.True(response.ArrivedAt >= response.AcknowledgedAt);
        Assert.True(response.ArrivedAt >= stored.StartedAt);
        Assert.Equal([CareAction.Diaper, CareAction.Feed], response.Actions.Select(a => a.Action));
        Assert.Equal(CareAction.Feed, response.ResolvedBy);
        Assert.Equal("cooking", response.BusyWith);
        Assert.Equal(SecureBase.Alerts.AlertStatus.Resolved, alerts.Find(cry.Id)!.Status);
    }

    [SkippableFact]
    public async Task Garbage_from_a_monitor_closes_it_with_a_reason_and_changes_nothing()
    {
        var household = await NewHouseholdAsync();
        var token = await DeviceTokenAsync(household);
        using var socket = await ConnectAsync(household, token);

        await socket.SendAsync(Encoding.UTF8.GetBytes("this is not json"), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        do result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
        Assert.Contains("JSON", result.CloseStatusDescription, StringComparison.Ordinal);
        Assert.Empty(await CriesAsync(household));
    }

    [SkippableFact]
    public async Task A_wrong_sample_rate_or_another_households_child_is_refused_before_streaming()
    {
        var household = await NewHouseholdAsync();
        var other = await NewHouseholdAsync();
        var token = await DeviceTokenAsync(household);

        var wrongRate = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(household, token, rate: 12345));
        var otherChild = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(household, token, childId: other.ChildId));

        Assert.Contains("400", wrongRate.Message, StringComparison.Ordinal);
        Assert.Matches("403|404", otherChild.Message);
    }
}

public sealed class SqliteMonitorStreamTests(SqliteFixture fixture) : MonitorStreamTests<SqliteFixture>(fixture);

public sealed class PostgresMonitorStreamTests(PostgresFixture fixture) : MonitorStreamTests<PostgresFixture>(fixture);
