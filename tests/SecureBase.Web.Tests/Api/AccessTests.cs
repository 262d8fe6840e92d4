using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureBase.Care.Journal;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

public abstract class AccessTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task Forms_work_over_plain_http_on_a_home_network_and_cookies_are_secure_over_https()
    {
        await NewHouseholdAsync(); // past first-run setup, so the sign-in form is shown
        var plain = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var secure = App.NewClient();

        var overHttp = await plain.GetAsync("/Account/SignIn");
        var overHttps = await secure.GetAsync("/Account/SignIn");

        await Expect.Status(HttpStatusCode.OK, overHttp);
        await Expect.Status(HttpStatusCode.OK, overHttps);
        static string Antiforgery(HttpResponseMessage r) => Assert.Single(r.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", Antiforgery(overHttp), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", Antiforgery(overHttps), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Tokens_work_until_revoked_and_device_tokens_only_report_cries_of_their_child()
    {
        var home = await NewHouseholdAsync();
        var personal = await (await home.Client.PostAsJsonAsync(home.Url("/tokens"), new { kind = "personal", name = "script" })).Content.ReadFromJsonAsync<JsonElement>();
        var device = await (await home.Client.PostAsJsonAsync(home.Url("/tokens"), new { kind = "device", name = "nursery", childId = home.ChildId })).Content.ReadFromJsonAsync<JsonElement>();
        var script = App.NewClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", personal.GetProperty("secret").GetString());
        var monitor = App.NewClient();
        monitor.DefaultRequestHeaders.Authorization = new("Bearer", device.GetProperty("secret").GetString());

        await Expect.Status(HttpStatusCode.Created, await home.PostEntryAsync(home.Feed(HoursAgo(1)), script));
        var cry = new CryEpisodeEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = HoursAgo(0.5), Source = CrySource.Monitor, PeakStage = CryStage.Fussing };
        await Expect.Status(HttpStatusCode.Created, await home.PostEntryAsync(cry, monitor));
        await Expect.Status(HttpStatusCode.Forbidden, await home.PostEntryAsync(home.Feed(HoursAgo(2)), monitor));
        await Expect.Status(HttpStatusCode.Forbidden, await monitor.GetAsync(home.Url("/entries")));
        await Expect.Status(HttpStatusCode.OK, await monitor.GetAsync(home.Url("/children")));

        await Expect.Status(HttpStatusCode.NoContent, await home.Client.DeleteAsync(home.Url($"/tokens/{personal.GetProperty("token").GetProperty("id").GetGuid()}")));
        await Expect.Status(HttpStatusCode.Unauthorized, await script.GetAsync(home.Url("/entries")));
        await Expect.Status(HttpStatusCode.Unauthorized, await App.NewClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, home.Url("/entries")) { Headers = { Authorization = new("Bearer", "sbp_not-a-real-token") } }));
    }

    [SkippableFact]
    public async Task An_invited_viewer_reads_but_cannot_write_and_an_invitation_works_once()
    {
        var home = await NewHouseholdAsync();
        await home.CreateEntryAsync(home.Feed(HoursAgo(1)));
        var invitation = await (await home.Client.PostAsJsonAsync(home.Url("/invitations"), new { role = "viewer", name = "Nurse" })).Content.ReadFromJsonAsync<JsonElement>();
        var code = invitation.GetProperty("code").GetString()!;
        Assert.StartsWith("/Invitations/Accept?token=", invitation.GetProperty("link").GetString(), StringComparison.Ordinal);

        var nurse = App.NewClient();
        var joined = await nurse.PostAsJsonAsync("/api/account/signup", new { email = $"nurse-{Guid.NewGuid():N}@example.org", password = TestHousehold.Password, displayName = "Nurse Jo", invitation = code.ToLowerInvariant() });
        await Expect.Status(HttpStatusCode.OK, joined);
        Assert.Equal("viewer", (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());

        await Expect.Status(HttpStatusCode.OK, await nurse.GetAsync(home.Url("/entries")));
        await Expect.Status(HttpStatusCode.OK, await nurse.GetAsync(home.Url("/export")));
        await Expect.Status(HttpStatusCode.Forbidden, await home.PostEntryAsync(home.Feed(HoursAgo(2)), nurse));
        await Expect.Status(HttpStatusCode.Forbidden, await nurse.PostAsJsonAsync(home.Url("/children"), new { name = "X", birthDate = "2026-01-01" }));
        await Expect.Status(HttpStatusCode.Forbidden, await nurse.PostAsJsonAsync(home.Url("/invitations"), new { role = "parent" }));
        Assert.Equal(1, await home.CountEntriesAsync());

        var reuse = await App.NewClient().PostAsJsonAsync("/api/account/signup", new { email = $"late-{Guid.NewGuid():N}@example.org", password = TestHousehold.Password, displayName = "Late", invitation = code });
        await Expect.ValidationProblem(reuse, "invitation");
    }

    [SkippableFact]
    public async Task Login_is_rate_limited()
    {
        await using var app = await Fixture.NewInstanceAsync(new Dictionary<string, string?> { ["SecureBase:LoginAttemptsPerMinute"] = "3" });
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/account/login", new { email = "nobody@example.org", password = "wrong password" })).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

public sealed class SqliteAccessTests(SqliteFixture fixture) : AccessTests<SqliteFixture>(fixture);

public sealed class PostgresAccessTests(PostgresFixture fixture) : AccessTests<PostgresFixture>(fixture);
