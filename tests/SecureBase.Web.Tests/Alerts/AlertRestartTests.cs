using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Alerts;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Alerts;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Alerts;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Guidance;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>
/// Alerts and their timelines live in the database: an alert raised before a server restart is still pending for a
/// caregiver who connects to the alerts hub after it, can be answered there, and the cry page shows the timeline.
/// An open alert that came in through an import is history: it is not read back as live and never rings.
/// </summary>
public abstract class AlertRestartTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task An_unresolved_alert_survives_a_restart_and_reaches_the_caregiver_who_connects_afterwards()
    {
        Skip.If(Fixture.SkipReason is not null, Fixture.SkipReason);
        await using var database = await Fixture.NewDatabaseAsync();
        TestHousehold home;
        string token;
        var cryId = Guid.NewGuid();

        await using (var before = new AppInstance(database))
        {
            home = await TestHousehold.CreateAsync(before);
            var created = await home.Client.PostAsJsonAsync(home.Url("/tokens"), new { kind = "personal", name = "Phone" });
            await Expect.Status(HttpStatusCode.OK, created);
            token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
            var at = DateTimeOffset.UtcNow.AddSeconds(-5);
            var cry = new CryEpisodeEntry { Id = cryId, ChildId = home.ChildId, StartedAt = at, Source = CrySource.Monitor, PeakStage = CryStage.Fussing, Stages = [new() { Stage = CryStage.Fussing, At = at }] };
            await Expect.Status(HttpStatusCode.Created, await home.PostEntryAsync(cry));
            await before.Services.GetRequiredService<AlertCenter>().OnEpisodeAsync(home.Id, cry, CancellationToken.None);
            Assert.NotNull(before.Services.GetRequiredService<AlertCenter>().Find(cryId));
        }

        await using var after = new AppInstance(database);
        // A new process: its alert center starts empty and reads the unresolved alert back from the database.

        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var phone = new HubConnectionBuilder()
            .WithUrl(new Uri("https://localhost" + AlertsHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => after.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        phone.On<JsonElement>("alert", message =>
        {
            if (message.GetProperty("id").GetGuid() == cryId) received.TrySetResult(message);
        });
        await phone.StartAsync();

        var alert = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(home.ChildId, alert.GetProperty("childId").GetGuid());
        Assert.Equal("open", alert.GetProperty("status").GetString());
        Assert.Equal(1, alert.GetProperty("version").GetInt32());
        Assert.True(await phone.InvokeAsync<bool>("Going", cryId));

        var timeline = await TimelineAsync(after, home.Id, cryId);
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Acknowledged], timeline.Select(e => e.Kind));
        Assert.Equal(home.CaregiverId, timeline[1].CaregiverId);

        var reader = after.NewClient();
        await Expect.Status(HttpStatusCode.NoContent, await reader.PostAsJsonAsync("/api/account/login", new { email = home.Email, password = TestHousehold.Password }));
        var page = await reader.GetStringAsync($"/Cries/{cryId}");
        Assert.Contains("data-testid=\"alert-timeline\"", page, StringComparison.Ordinal);
        Assert.Contains("Alert sent to 1", page, StringComparison.Ordinal);
        Assert.Contains("I&#x27;m going", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_imported_open_alert_is_history_and_never_rings_after_a_restart_while_a_live_one_still_does()
    {
        Skip.If(Fixture.SkipReason is not null, Fixture.SkipReason);
        await using var database = await Fixture.NewDatabaseAsync();
        // Whole seconds: PostgreSQL keeps microseconds, not .NET's 100 ns ticks.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        TestHousehold home;
        string parentUser;
        var liveId = Guid.NewGuid();
        var importedId = Guid.NewGuid();

        await using (var before = new AppInstance(database, testServices: s => s.AddSingleton<TimeProvider>(clock)))
        {
            home = await TestHousehold.CreateAsync(before);
            parentUser = (await home.Client.GetFromJsonAsync<JsonElement>("/api/account/me")).GetProperty("userId").GetString()!;
            // A cry the monitor hears now: a live alert.
            var live = Cry(liveId, home, clock.GetUtcNow().AddSeconds(-5));
            await Expect.Status(HttpStatusCode.Created, await home.PostEntryAsync(live));
            await before.Services.GetRequiredService<AlertCenter>().OnEpisodeAsync(home.Id, live, CancellationToken.None);

            // A backup taken elsewhere 10 minutes ago, while another cry's alert to this parent was still open.
            using var exported = new MemoryStream(Encoding.UTF8.GetBytes(await home.ExportAsync()));
            var file = JournalDocumentReader.Read(exported).Document!;
            var heardAt = clock.GetUtcNow().AddMinutes(-10);
            file.Entries.Add(Cry(importedId, home, heardAt));
            var elsewhere = new FakeTimeProvider(heardAt);
            var routing = new AlertRouting([new AlertMember(home.CaregiverId, "Parent", false)], [], [], TimeZoneInfo.Utc);
            var open = new CryAlert(importedId, home.ChildId, CryStage.Fussing, heardAt, routing, new AlertOptions(), elsewhere).State;
            Assert.Equal(AlertStatus.Open, open.Status);
            file.Alerts = [new JournalAlert(open.Id, open.ChildId, open.Onset, open.OnsetStage, open.Stage, JournalAlertStatus.Open, open.IsUrgent, open.CryEnded,
                open.Version, [.. open.Recipients], null, null, null, null, open.LastSentAt, null,
                [.. open.Timeline.Select(e => new JournalAlertEvent(Enum.Parse<JournalAlertEventKind>(e.Kind.ToString()), e.At, e.CaregiverId, e.Stage, e.Detail))])];
            using var body = new MemoryStream();
            JournalDocumentWriter.Write(file, body);
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var imported = await home.Client.PostAsync(home.Url("/import"), content);
            await Expect.Status(HttpStatusCode.OK, imported);
            Assert.Equal(1, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsAdded").GetInt32());
        }

        // A restart: a new process over the same database, on the same clock, with a hub that records what it sends.
        var hub = new RecordingHubContext();
        await using var after = new AppInstance(database, testServices: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IHubContext<AlertsHub>>(hub);
        });
        var alerts = after.Services.GetRequiredService<AlertCenter>();
        var pending = await alerts.PendingForUserAsync(parentUser, CancellationToken.None);
        Assert.Equal([liveId], pending.Select(m => m.Id));
        Assert.NotNull(alerts.Find(liveId));
        Assert.Null(alerts.Find(importedId));

        // Past the 60 s for an answer: the live alert escalates and is sent again; the imported one, long unanswered, is not.
        clock.Advance(TimeSpan.FromSeconds(61));
        await alerts.TickAsync(CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!SentTo(hub, parentUser).Any(m => m.Id == liveId && m.Urgent))
        {
            Assert.True(DateTime.UtcNow < until, "The live alert never escalated after the restart.");
            await Task.Delay(20);
        }
        Assert.DoesNotContain(SentTo(hub, parentUser), m => m.Id == importedId);
        Assert.Null(alerts.Find(importedId));

        // It stays in the history as it was stored: open, with its timeline.
        var timeline = await TimelineAsync(after, home.Id, importedId);
        Assert.Equal([AlertEventKind.Raised], timeline.Select(e => e.Kind));
        var reader = after.NewClient();
        await Expect.Status(HttpStatusCode.NoContent, await reader.PostAsJsonAsync("/api/account/login", new { email = home.Email, password = TestHousehold.Password }));
        using var export = JsonDocument.Parse(await reader.GetStringAsync(home.Url("/export")));
        var stored = export.RootElement.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == importedId);
        Assert.Equal("open", stored.GetProperty("status").GetString());
    }

    private static CryEpisodeEntry Cry(Guid id, TestHousehold home, DateTimeOffset at) => new()
    {
        Id = id, ChildId = home.ChildId, StartedAt = at, Source = CrySource.Monitor, PeakStage = CryStage.Fussing, LoggedBy = home.CaregiverId,
        Stages = [new() { Stage = CryStage.Fussing, At = at }],
    };

    private static IEnumerable<AlertMessage> SentTo(RecordingHubContext hub, string user) =>
        hub.Sent.Where(s => s.Method == "alert" && s.Users.Contains(user)).Select(s => (AlertMessage)s.Args[0]!);

    private static async Task<IReadOnlyList<AlertEvent>> TimelineAsync(AppInstance app, Guid householdId, Guid alertId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertStore>().TimelineAsync(householdId, alertId);
    }
}

public sealed class SqliteAlertRestartTests(SqliteFixture fixture) : AlertRestartTests<SqliteFixture>(fixture);

public sealed class PostgresAlertRestartTests(PostgresFixture fixture) : AlertRestartTests<PostgresFixture>(fixture);
