using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureBase.Care.Journal;
using SecureBase.Storage.Journal;

namespace SecureBase.Web.Tests.Process;

/// <summary>
/// Runs the real server as a separate process on a temporary SQLite folder, writes from several concurrent clients,
/// kills the process (SIGKILL) mid-way, restarts it and checks that every entry the API acknowledged is there.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "securebase-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Killing_the_server_loses_no_acknowledged_entry()
    {
        using var server = Start();
        var baseUri = await server.WaitUntilListening();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseUri };

        var signUp = await http.PostAsJsonAsync("/api/account/signup", new { email = "crash@example.org", password = "a long enough passphrase", displayName = "Ann", householdName = "Crash test" });
        signUp.EnsureSuccessStatusCode();
        var householdId = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdId").GetGuid();
        // The session cookie is Secure, which HttpClient does not send over http: pass it by hand.
        var cookie = signUp.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("securebase=", StringComparison.Ordinal)).Split(';')[0];
        var child = await Send(http, cookie, HttpMethod.Post, $"/api/households/{householdId}/children", new { name = "Sarah", birthDate = DateTime.UtcNow.AddDays(-100).ToString("yyyy-MM-dd") });
        var childId = (await child.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var token = await Send(http, cookie, HttpMethod.Post, $"/api/households/{householdId}/tokens", new { kind = "personal", name = "load" });
        var secret = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();

        var acknowledged = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = baseUri };
            client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            while (!stop.IsCancellationRequested)
            {
                var entry = new DiaperEntry { Id = Guid.NewGuid(), ChildId = childId, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-Random.Shared.Next(1, 10_000)), Wet = true };
                try
                {
                    var response = await client.PostAsJsonAsync($"/api/households/{householdId}/entries", (JournalEntry)entry, EntryJson.Options);
                    if (response.IsSuccessStatusCode) acknowledged.Add(entry.Id);
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone
                }
            }
        })).ToList();

        // Bounded: writers that all stopped early (an error, a timeout) must fail the test, not hang the whole run.
        var enough = DateTime.UtcNow.AddMinutes(3);
        while (acknowledged.Count < 200)
        {
            if (writers.All(w => w.IsCompleted)) await Task.WhenAll(writers); // rethrows what stopped them
            Assert.True(writers.Any(w => !w.IsCompleted) && DateTime.UtcNow < enough, $"Only {acknowledged.Count} creates were acknowledged.");
            await Task.Delay(20);
        }
        await server.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // The same address as before, so the clients keep their base address: the port was the killed server's own.
        using var restarted = Start(baseUri.Port);
        try
        {
            await restarted.WaitUntilListening();
            using var reader = new HttpClient { BaseAddress = baseUri };
            reader.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            var total = (await reader.GetFromJsonAsync<JsonElement>($"/api/households/{householdId}/entries?pageSize=1")).GetProperty("total").GetInt32();
            Assert.True(total >= acknowledged.Count, $"{acknowledged.Count} acknowledged, {total} stored");
            foreach (var id in acknowledged)
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/households/{householdId}/entries/{id}")).StatusCode);
        }
        finally
        {
            await restarted.Kill();
        }
    }

    private ServerProcess Start(int port = 0) => ServerProcess.Start(folder, port);

    internal static async Task<HttpResponseMessage> Send(HttpClient http, string cookie, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
