using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Alerts;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Guidance;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>
/// The on-duty rota and quiet hours, stored per household and set through the API, decide who the app's alert
/// center wakes first; with no "I'm going" within 60 s on the app's (fake) clock the alert turns urgent and reaches
/// everyone, backups included.
/// </summary>
public abstract class RotaTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [SkippableFact]
    public async Task Bad_times_or_someone_outside_the_household_are_refused_and_change_nothing()
    {
        var home = await NewHouseholdAsync();
        var other = await NewHouseholdAsync();
        var good = new { shifts = new[] { new { caregiverId = home.CaregiverId, days = new[] { "friday", "saturday" }, from = "22:00", to = "06:00" } }, quietHours = Array.Empty<object>() };
        await Expect.Status(HttpStatusCode.OK, await home.Client.PutAsJsonAsync(home.Url("/rota"), good));

        var badTime = await home.Client.PutAsJsonAsync(home.Url("/rota"), new { shifts = new[] { new { caregiverId = home.CaregiverId, from = "25:00", to = "06:00" } } });
        await Expect.ValidationProblem(badTime, "shifts[0].from");
        var sameTimes = await home.Client.PutAsJsonAsync(home.Url("/rota"), new { quietHours = new[] { new { caregiverId = home.CaregiverId, from = "22:00", to = "22:00" } } });
        await Expect.ValidationProblem(sameTimes, "quietHours[0].to");
        var stranger = await home.Client.PutAsJsonAsync(home.Url("/rota"), new { shifts = new[] { new { caregiverId = other.CaregiverId, from = "22:00", to = "06:00" } } });
        await Expect.ValidationProblem(stranger, "shifts[0].caregiverId");

        var rota = await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/rota"));
        var shift = Assert.Single(rota.GetProperty("shifts").EnumerateArray());
        Assert.Equal(home.CaregiverId, shift.GetProperty("caregiverId").GetGuid());
        Assert.Equal("22:00", shift.GetProperty("from").GetString());
        Assert.Equal("06:00", shift.GetProperty("to").GetString());
        Assert.Equal(["friday", "saturday"], shift.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Empty(rota.GetProperty("quietHours").EnumerateArray());
    }

    [SkippableFact]
    public async Task The_one_on_duty_is_woken_first_and_an_unanswered_alert_reaches_everyone_after_60_seconds()
    {
        // 23:30 in Paris tonight: inside Tom's shift and Emma's quiet hours.
        var start = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(start, Paris);
        var tonight = new DateTime(local.Year, local.Month, local.Day, 23, 30, 0);
        if (tonight <= local.DateTime) tonight = tonight.AddDays(1);
        var clock = new FakeTimeProvider(new DateTimeOffset(tonight, Paris.GetUtcOffset(tonight)).ToUniversalTime());
        var hub = new RecordingHubContext();
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IHubContext<AlertsHub>>(hub);
        }));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        var signUp = await Ok(await client.PostAsJsonAsync("/api/account/signup", new { email = $"rota-{Guid.NewGuid():N}@example.org", password = TestHousehold.Password, displayName = "Emma", householdName = "Rota", timeZone = "Europe/Paris" }));
        var householdId = signUp.GetProperty("householdId").GetGuid();
        var emma = signUp.GetProperty("caregiverId").GetGuid();
        var emmaUser = (await client.GetFromJsonAsync<JsonElement>("/api/account/me")).GetProperty("userId").GetString()!;
        var url = $"/api/households/{householdId}";
        var childId = (await Ok(await client.PostAsJsonAsync($"{url}/children", new { name = "Lou", birthDate = clock.GetUtcNow().AddDays(-60).ToString("yyyy-MM-dd"), pronoun = "her" }))).GetProperty("id").GetGuid();
        var tom = (await Ok(await client.PostAsJsonAsync($"{url}/caregivers", new { name = "Tom", role = "caregiver" }))).GetProperty("id").GetGuid();
        // Sam is awake and no backup: without the rota Sam would be woken too.
        var sam = (await Ok(await client.PostAsJsonAsync($"{url}/caregivers", new { name = "Sam", role = "caregiver" }))).GetProperty("id").GetGuid();
        var grandma = (await Ok(await client.PostAsJsonAsync($"{url}/caregivers", new { name = "Grandma", role = "caregiver", isBackup = true }))).GetProperty("id").GetGuid();
        await Ok(await client.PutAsJsonAsync($"{url}/rota", new
        {
            shifts = new[] { new { caregiverId = tom, from = "21:00", to = "07:00" } },
            quietHours = new[] { new { caregiverId = emma, from = "22:00", to = "06:30" } },
        }));
        var alerts = app.Services.GetRequiredService<AlertCenter>();

        async Task<Guid> CryAsync()
        {
            var at = clock.GetUtcNow().AddSeconds(-3);
            var cry = new CryEpisodeEntry { Id = Guid.NewGuid(), ChildId = childId, StartedAt = at, Source = CrySource.Monitor, PeakStage = CryStage.Fussing, Stages = [new() { Stage = CryStage.Fussing, At = at }] };
            var created = await client.PostAsJsonAsync<JournalEntry>($"{url}/entries", cry, EntryJson.Options);
            await Expect.Status(HttpStatusCode.Created, created);
            await alerts.OnEpisodeAsync(householdId, cry, CancellationToken.None);
            return cry.Id;
        }
        IEnumerable<AlertMessage> SentTo(string user, Guid alertId) =>
            hub.Sent.Where(s => s.Method == "alert" && s.Users.Contains(user)).Select(s => (AlertMessage)s.Args[0]!).Where(m => m.Id == alertId);

        var first = await CryAsync();
        var alert = alerts.Find(first)!;
        Assert.Equal([tom], alert.Recipients);
        Assert.False(alert.IsUrgent);
        Assert.Empty(SentTo(emmaUser, first)); // Emma sleeps on: Tom is on duty

        clock.Advance(TimeSpan.FromSeconds(58));
        await alerts.TickAsync(CancellationToken.None);
        Assert.False(alert.IsUrgent);
        Assert.Empty(SentTo(emmaUser, first));

        clock.Advance(TimeSpan.FromSeconds(3));
        await alerts.TickAsync(CancellationToken.None);
        Assert.True(alert.IsUrgent);
        Assert.Equal(new[] { emma, tom, sam, grandma }.Order(), alert.Recipients.Order());
        // The app's own ticker runs on the same clock and may be the one escalating: wait for its send to land.
        await Eventually(() => SentTo(emmaUser, first).Any(m => m.Urgent));

        // A parent changes the rota: the very next cry is routed by it (no restart, no stale cache).
        await Ok(await client.PutAsJsonAsync($"{url}/rota", new { shifts = Array.Empty<object>(), quietHours = new[] { new { caregiverId = tom, from = "22:00", to = "06:30" } } }));
        var second = await CryAsync();
        Assert.Equal(new[] { emma, sam }.Order(), alerts.Find(second)!.Recipients.Order());
        Assert.Contains(SentTo(emmaUser, second), m => !m.Urgent);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The urgent alert never reached Emma.");
            await Task.Delay(20);
        }
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        await Expect.Status(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteRotaTests(SqliteFixture fixture) : RotaTests<SqliteFixture>(fixture);

public sealed class PostgresRotaTests(PostgresFixture fixture) : RotaTests<PostgresFixture>(fixture);
