using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Alerts;
using SecureBase.Care.Journal;
using SecureBase.Storage.Alerts;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Alerts;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>
/// Alerts and their timelines live in the database: an alert raised before a server restart is still pending for a
/// caregiver who connects to the alerts hub after it, can be answered there, and the cry page shows the timeline.
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

    private static async Task<IReadOnlyList<AlertEvent>> TimelineAsync(AppInstance app, Guid householdId, Guid alertId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertStore>().TimelineAsync(householdId, alertId);
    }
}

public sealed class SqliteAlertRestartTests(SqliteFixture fixture) : AlertRestartTests<SqliteFixture>(fixture);

public sealed class PostgresAlertRestartTests(PostgresFixture fixture) : AlertRestartTests<PostgresFixture>(fixture);
