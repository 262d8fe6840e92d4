using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

/// <summary>
/// Walks every endpoint the app maps (read from its own EndpointDataSource, so a new endpoint is covered the day it
/// is added) and proves: without credentials nothing answers except the allow-listed public endpoints; a parent
/// of household A, by cookie or by token, gets 403 or 404 for every read and write aimed at household B's ids;
/// and nothing anyone sends leaks B's data or changes it.
/// </summary>
public abstract partial class IsolationTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    /// <summary>
    /// Endpoints anyone may call. Adding an endpoint with AllowAnonymous that is not listed here fails the test;
    /// one without any authorization metadata falls under the fallback policy and must answer 401.
    /// </summary>
    private static readonly HashSet<string> PublicEndpoints =
    [
        "GET /api/account/setup",
        "POST /api/account/signup",
        "POST /api/account/restore",
        "POST /api/account/login",
        "GET /openapi/{documentName}.json",
        // Razor Pages the UI serves before sign-in.
        "GET /", "POST /",
        "GET /Setup", "POST /Setup",
        "GET /Setup/Restore", "POST /Setup/Restore",
        "GET /Account/SignIn", "POST /Account/SignIn",
        "GET /Account/SignOut", "POST /Account/SignOut",
        "GET /Invitations/Accept", "POST /Invitations/Accept",
        "GET /Error", "POST /Error",
    ];

    /// <summary>Endpoints that end the caller's session: called without credentials only, or the walk would sign A out.</summary>
    private static readonly HashSet<string> SignOutEndpoints = ["POST /api/account/logout", "POST /Account/SignOut"];

    [SkippableFact]
    public async Task No_endpoint_lets_one_household_reach_another_and_none_answers_without_credentials()
    {
        var a = await NewHouseholdAsync();
        var b = await NewHouseholdAsync();
        var bEntry = await b.CreateEntryAsync(b.Feed(HoursAgo(2)));
        var bCaregiver = await b.Client.PostAsJsonAsync(b.Url("/caregivers"), new { name = "Grandpa B", role = "caregiver" });
        var bInvitation = await b.Client.PostAsJsonAsync(b.Url("/invitations"), new { role = "viewer", name = "Nurse B" });
        var bToken = await b.Client.PostAsJsonAsync(b.Url("/tokens"), new { kind = "personal", name = "B script" });
        var bGuidance = await GuidanceSamples.CreateAsync(b);
        // B's rota, so a rota endpoint that forgot its household check would visibly change or leak it.
        await Expect.Status(HttpStatusCode.OK, await b.Client.PutAsJsonAsync(b.Url("/rota"), new { shifts = new[] { new { caregiverId = b.CaregiverId, from = "22:00", to = "06:00" } } }));
        var bRotaBefore = await b.Client.GetStringAsync(b.Url("/rota"));
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ruleId"] = bGuidance.RuleId.ToString(),
            ["decisionId"] = bGuidance.DecisionId.ToString(),
            ["nightId"] = bGuidance.NightId.ToString(),
            ["householdId"] = b.Id.ToString(),
            ["childId"] = b.ChildId.ToString(),
            ["entryId"] = bEntry.Id.ToString(),
            ["caregiverId"] = (await bCaregiver.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!,
            ["invitationId"] = (await bInvitation.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("invitation").GetProperty("id").GetString()!,
            ["tokenId"] = (await bToken.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetProperty("id").GetString()!,
            ["id"] = bEntry.Id.ToString(),
            ["type"] = "feed",
            ["documentName"] = "v1",
        };
        var aTokenResponse = await a.Client.PostAsJsonAsync(a.Url("/tokens"), new { kind = "personal", name = "A script" });
        var aToken = (await aTokenResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("secret").GetString()!;
        var bExportBefore = await b.ExportAsync();

        var anonymous = App.NewClient();
        var withToken = App.NewClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", aToken);
        var secrets = new[] { b.Id.ToString(), b.ChildId.ToString(), b.ChildName, bEntry.Id.ToString() };
        var problems = new List<string>();
        var checkedCount = 0;

        foreach (var (method, pattern, endpoint) in Endpoints())
        {
            var key = $"{method} {pattern}";
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (isPublic && !PublicEndpoints.Contains(key)) problems.Add($"{key} allows anonymous access but is not in the test's allow-list.");
            var path = Fill(pattern, ids, problems, key);
            if (path is null) continue;
            checkedCount++;

            if (!isPublic)
            {
                var response = await anonymous.SendAsync(Request(method, path, b));
                var status = (int)response.StatusCode;
                var redirectsToSignIn = status == 302 && response.Headers.Location?.ToString().Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) == true;
                if (status != 401 && !redirectsToSignIn) problems.Add($"{key} without credentials answered {status}.");
            }

            if (SignOutEndpoints.Contains(key)) continue;
            foreach (var (who, client) in new[] { ("cookie", a.Client), ("token", withToken) })
            {
                var response = await client.SendAsync(Request(method, path, b));
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (pattern.Contains("{householdId", StringComparison.Ordinal) && status is not (403 or 404))
                    problems.Add($"{key} for household A ({who}) on household B answered {status}: {Shorten(body)}");
                foreach (var secret in secrets.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"{key} for household A ({who}) leaked household B's data ({secret}).");
            }
        }

        Assert.True(checkedCount > 30, $"Only {checkedCount} endpoints found; is the endpoint data source read correctly?");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(Normalize(bExportBefore), Normalize(await b.ExportAsync()));
        Assert.Equal(bRotaBefore, await b.Client.GetStringAsync(b.Url("/rota")));
    }

    private IEnumerable<(string Method, string Pattern, RouteEndpoint Endpoint)> Endpoints()
    {
        var sources = App.Services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods.Distinct()) yield return (method, pattern, endpoint);
        }
    }

    /// <summary>Fills every route parameter with household B's real ids; an unknown parameter is a test failure.</summary>
    private static string? Fill(string pattern, Dictionary<string, string> ids, List<string> problems, string key)
    {
        var missing = false;
        var path = RouteParameter().Replace(pattern, match =>
        {
            var name = match.Groups["name"].Value;
            if (ids.TryGetValue(name, out var value)) return value;
            missing = match.Groups["optional"].Success is false;
            if (missing) problems.Add($"{key}: the test does not know what to put in {{{name}}}; add it to the id map.");
            return "";
        });
        return missing ? null : path.Replace("//", "/", StringComparison.Ordinal);
    }

    /// <summary>A plausible body, so an endpoint that forgot its check would really act on B's data.</summary>
    private static HttpRequestMessage Request(string method, string path, TestHousehold b)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            var entry = b.Feed(HoursAgo(1));
            var json = System.Text.Json.JsonSerializer.Serialize<SecureBase.Care.Journal.JournalEntry>(entry, SecureBase.Storage.Journal.EntryJson.Options);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static string Normalize(string export) => ExportText.WithoutExportedAt(export);

    private static string Shorten(string body) => body.Length > 200 ? body[..200] : body;

    [GeneratedRegex(@"\{\*?\*?(?<name>[A-Za-z]+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();
}

public sealed class SqliteIsolationTests(SqliteFixture fixture) : IsolationTests<SqliteFixture>(fixture);

public sealed class PostgresIsolationTests(PostgresFixture fixture) : IsolationTests<PostgresFixture>(fixture);
