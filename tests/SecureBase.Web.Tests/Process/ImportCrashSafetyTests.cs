using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Journal;
using static SecureBase.Web.Tests.Process.CrashSafetyTests;

namespace SecureBase.Web.Tests.Process;

/// <summary>
/// Kills the real server process (SIGKILL) while it writes a two-year journal import into a real SQLite file, with
/// single-entry creates going on beside it, then restarts it: every acknowledged create is there, the import is
/// there entirely or not at all, and the database file passes SQLite's integrity check.
/// </summary>
public sealed class ImportCrashSafetyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "securebase-import-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Killing_the_server_during_an_import_keeps_acknowledged_entries_and_never_half_an_import()
    {
        using var server = ServerProcess.Start(folder);
        var baseUri = await server.WaitUntilListening();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };

        var signUp = await http.PostAsJsonAsync("/api/account/signup", new { email = "import-crash@example.org", password = "a long enough passphrase", displayName = "Ann", householdName = "Import crash test" });
        signUp.EnsureSuccessStatusCode();
        var householdId = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdId").GetGuid();
        var cookie = signUp.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("securebase=", StringComparison.Ordinal)).Split(';')[0];
        var child = await Send(http, cookie, HttpMethod.Post, $"/api/households/{householdId}/children", new { name = "Sarah", birthDate = DateTime.UtcNow.AddDays(-100).ToString("yyyy-MM-dd") });
        var childId = (await child.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var token = await Send(http, cookie, HttpMethod.Post, $"/api/households/{householdId}/tokens", new { kind = "personal", name = "load" });
        var secret = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);

        // Creates acknowledged before the import starts, and more going on while it runs.
        var acknowledged = new ConcurrentBag<Guid>();
        async Task<bool> CreateOne()
        {
            var entry = new DiaperEntry { Id = Guid.NewGuid(), ChildId = childId, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-Random.Shared.Next(1, 100_000)), Wet = true };
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/households/{householdId}/entries", (JournalEntry)entry, EntryJson.Options);
                if (response.IsSuccessStatusCode) acknowledged.Add(entry.Id);
                return true;
            }
            catch (HttpRequestException)
            {
                return false; // the server is gone
            }
        }
        for (var i = 0; i < 50; i++) Assert.True(await CreateOne());
        using var stop = new CancellationTokenSource();
        // Paced, so that their share of the write-ahead log stays far below the import's.
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && await CreateOne()) await Task.Delay(20);
        })).ToList();

        var journal = DemoJournal.CreateLong(DateTimeOffset.UtcNow.AddDays(-1), TimeSpan.FromDays(730), seed: 11);
        using var body = new MemoryStream();
        JournalDocumentWriter.Write(journal, body);
        var wal = Path.Combine(folder, "securebase.db-wal");
        var walBefore = WalLength(wal);
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new("application/json");
        var import = client.PostAsync($"/api/households/{householdId}/import", content);

        // Kill once the import's rows are pouring into the write-ahead log (the paced creates write well under a megabyte a second).
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (WalLength(wal) < walBefore + (12 << 20) && !import.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(2);
        await server.Kill();
        var importAcknowledged = false;
        try
        {
            importAcknowledged = (await import).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
        }
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.False(importAcknowledged, "The import finished before the kill, so this run did not test a kill during an import.");

        using var restarted = ServerProcess.Start(folder, baseUri.Port);
        try
        {
            await restarted.WaitUntilListening();
            var total = (await client.GetFromJsonAsync<JsonElement>($"/api/households/{householdId}/entries?pageSize=1")).GetProperty("total").GetInt32();
            foreach (var id in acknowledged)
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/households/{householdId}/entries/{id}")).StatusCode);
            // Creates the kill cut short may or may not be stored; the import is all or nothing.
            var imported = 0;
            foreach (var entry in journal.Entries.Where((_, i) => i % 500 == 0))
                if ((await client.GetAsync($"/api/households/{householdId}/entries/{entry.Id}")).StatusCode == HttpStatusCode.OK) imported++;
            var sampled = journal.Entries.Where((_, i) => i % 500 == 0).Count();
            Assert.True(imported == 0 || imported == sampled, $"{imported} of {sampled} sampled imported entries are stored: half an import.");
            var fromImport = imported == 0 ? 0 : journal.Entries.Count;
            Assert.InRange(total - fromImport, acknowledged.Count, acknowledged.Count + 2); // at most one unacknowledged create per writer
        }
        finally
        {
            await restarted.Kill();
        }

        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "securebase.db")};Pooling=False");
        await db.OpenAsync();
        await using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    private static long WalLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

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
