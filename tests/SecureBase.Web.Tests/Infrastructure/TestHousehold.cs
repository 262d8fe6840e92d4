using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureBase.Care.Journal;
using SecureBase.Storage.Journal;

namespace SecureBase.Web.Tests.Infrastructure;

/// <summary>A household created through the API, with a signed-in parent and one child.</summary>
public sealed record TestHousehold(HttpClient Client, Guid Id, Guid CaregiverId, Guid ChildId, string ChildName, string Email)
{
    public string Url(string path = "") => $"/api/households/{Id}{path}";

    /// <summary>Signs up a new parent with a new household (the test instance allows sign-up) and adds a child.</summary>
    public static async Task<TestHousehold> CreateAsync(AppInstance app, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.NewClient();
        var email = $"parent-{Guid.NewGuid():N}@example.org";
        var signUp = await client.PostAsJsonAsync("/api/account/signup", new
        {
            email, password = Password, displayName = "Parent " + email[7..12], householdName = name ?? "Household " + email[7..12], timeZone = "Europe/Paris",
        });
        await Expect.Status(HttpStatusCode.OK, signUp);
        var membership = await signUp.Content.ReadFromJsonAsync<JsonElement>();
        var householdId = membership.GetProperty("householdId").GetGuid();
        var childName = "Child-" + Guid.NewGuid().ToString("N")[..8];
        var child = await client.PostAsJsonAsync($"/api/households/{householdId}/children", new { name = childName, birthDate = DateTime.UtcNow.AddDays(-120).ToString("yyyy-MM-dd"), pronoun = "her" });
        await Expect.Status(HttpStatusCode.OK, child);
        return new TestHousehold(client, householdId, membership.GetProperty("caregiverId").GetGuid(),
            (await child.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), childName, email);
    }

    public const string Password = "a long enough passphrase";

    public FeedEntry Feed(DateTimeOffset start, double? amount = 120, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(), ChildId = ChildId, StartedAt = start, EndedAt = start.AddMinutes(20), Kind = FeedKind.Formula, Amount = amount, LoggedBy = CaregiverId,
    };

    public async Task<HttpResponseMessage> PostEntryAsync(JournalEntry entry, HttpClient? client = null) =>
        await (client ?? Client).PostAsJsonAsync(Url("/entries"), entry, EntryJson.Options);

    public async Task<JournalEntry> CreateEntryAsync(JournalEntry entry)
    {
        var response = await PostEntryAsync(entry);
        await Expect.Status(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<JournalEntry>(EntryJson.Options))!;
    }

    public async Task<int> CountEntriesAsync()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>(Url("/entries?pageSize=1"));
        return page.GetProperty("total").GetInt32();
    }

    public async Task<string> ExportAsync()
    {
        var response = await Client.GetAsync(Url("/export"));
        await Expect.Status(HttpStatusCode.OK, response);
        return await response.Content.ReadAsStringAsync();
    }
}

public static class Expect
{
    /// <summary>Asserts a status, showing the body when it differs (the ProblemDetails says why).</summary>
    public static async Task Status(HttpStatusCode expected, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts a 400 ProblemDetails naming <paramref name="field"/> among its errors.</summary>
    public static async Task ValidationProblem(HttpResponseMessage response, string field)
    {
        ArgumentNullException.ThrowIfNull(response);
        await Status(HttpStatusCode.BadRequest, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"Expected an error for '{field}' in {problem}");
    }
}
