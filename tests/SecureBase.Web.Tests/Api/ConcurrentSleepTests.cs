using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Journal;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

/// <summary>
/// Overlapping sleeps sent at the same moment: each request's own check sees none of the others stored, so only the
/// group writer, which takes creates one after another, can refuse all but one. An edit moving a sleep, or an import
/// bringing one, races those creates too: it is checked again where they are. Real concurrent requests, real database.
/// </summary>
public abstract class ConcurrentSleepTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task Of_overlapping_sleeps_sent_at_once_exactly_one_is_stored()
    {
        var home = await NewHouseholdAsync();
        const int rounds = 6, together = 8;
        for (var round = 0; round < rounds; round++)
        {
            // Each round a different night; the sleeps of one round all overlap each other (staggered by minutes).
            var start = HoursAgo(100 - (round * 12));
            var sleeps = Enumerable.Range(0, together)
                .Select(i => new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = start.AddMinutes(i * 5), EndedAt = start.AddHours(2) })
                .ToList();
            using var go = new SemaphoreSlim(0);
            var posts = sleeps.Select(async sleep =>
            {
                await go.WaitAsync();
                return await home.PostEntryAsync(sleep);
            }).ToList();
            go.Release(together);
            var responses = await Task.WhenAll(posts);

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
                await Expect.ValidationProblem(refused, "startedAt");
            foreach (var response in responses) response.Dispose();
        }
        Assert.Equal(rounds, await home.CountEntriesAsync());
    }

    [SkippableFact]
    public async Task Edits_moving_sleeps_onto_sleeps_created_at_the_same_moment_never_leave_two_overlapping()
    {
        var home = await NewHouseholdAsync();
        const int rounds = 12, creates = 6;
        // Two sleeps, each moved to every round's night, racing that night's creates (and each other).
        var moved = new List<SleepEntry>();
        for (var i = 0; i < 2; i++)
            moved.Add((SleepEntry)await home.CreateEntryAsync(new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = HoursAgo(300 + (i * 5)), EndedAt = HoursAgo(298 + (i * 5)) }));
        for (var round = 0; round < rounds; round++)
        {
            var start = HoursAgo(250 - (round * 12));
            var posts = Enumerable.Range(0, creates)
                .Select(i => new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = start.AddMinutes(i * 5), EndedAt = start.AddHours(2) })
                .Select(sleep => (Func<Task<HttpResponseMessage>>)(() => home.PostEntryAsync(sleep)));
            var edits = moved.Select((sleep, i) => (Func<Task<HttpResponseMessage>>)(() => home.Client.PutAsJsonAsync<JournalEntry>(home.Url($"/entries/{sleep.Id}"),
                new SleepEntry { Id = sleep.Id, ChildId = home.ChildId, StartedAt = start.AddMinutes(2 + (i * 5)), EndedAt = start.AddHours(2).AddMinutes(30) }, EntryJson.Options)));
            var responses = await AllAtOnceAsync([.. posts, .. edits]);

            // The night's sleeps all overlap each other: whichever is checked first is stored, everything else refused.
            Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
            foreach (var refused in responses.Where(r => !r.IsSuccessStatusCode)) await ExpectOverlapAsync(refused, "startedAt");
            foreach (var response in responses) response.Dispose();
        }
        await AssertNoTwoSleepsOverlapAsync(home);
    }

    [SkippableFact]
    public async Task An_import_bringing_a_sleep_onto_sleeps_created_at_the_same_moment_never_leaves_two_overlapping()
    {
        var home = await NewHouseholdAsync();
        const int rounds = 10, creates = 6;
        using var exported = new MemoryStream(Encoding.UTF8.GetBytes(await home.ExportAsync()));
        var file = JournalDocumentReader.Read(exported).Document!;
        var importsStored = 0;
        for (var round = 0; round < rounds; round++)
        {
            var start = HoursAgo(250 - (round * 12));
            var posts = Enumerable.Range(0, creates)
                .Select(i => new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = start.AddMinutes(i * 5), EndedAt = start.AddHours(2) })
                .Select(sleep => (Func<Task<HttpResponseMessage>>)(() => home.PostEntryAsync(sleep)));
            // The file holds a feed the household does not have yet, then one sleep of that night (entries[1]).
            file.Entries =
            [
                home.Feed(start.AddHours(-3)),
                new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = start.AddMinutes(2), EndedAt = start.AddHours(2).AddMinutes(30), LoggedBy = home.CaregiverId },
            ];
            using var body = new MemoryStream();
            JournalDocumentWriter.Write(file, body);
            var import = (Func<Task<HttpResponseMessage>>)(async () =>
            {
                using var content = new ByteArrayContent(body.ToArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return await home.Client.PostAsync(home.Url("/import"), content);
            });
            var responses = await AllAtOnceAsync([import, .. posts]);

            Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
            if (responses[0].IsSuccessStatusCode) importsStored++;
            else await ExpectOverlapAsync(responses[0], "entries[1].startedAt");
            foreach (var refused in responses.Skip(1).Where(r => !r.IsSuccessStatusCode)) await ExpectOverlapAsync(refused, "startedAt");
            foreach (var response in responses) response.Dispose();
        }
        Assert.Equal(rounds, await AssertNoTwoSleepsOverlapAsync(home));
        // A refused import stored nothing, not even its feed.
        var feeds = await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/entries?type=feed&pageSize=1"));
        Assert.Equal(importsStored, feeds.GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task Sleeps_sent_at_once_that_do_not_overlap_are_all_stored()
    {
        var home = await NewHouseholdAsync();
        var start = HoursAgo(60);
        var sleeps = Enumerable.Range(0, 8)
            .Select(i => new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = start.AddHours(i * 3), EndedAt = start.AddHours((i * 3) + 2) })
            .ToList();
        var responses = await Task.WhenAll(sleeps.Select(sleep => home.PostEntryAsync(sleep)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(sleeps.Count, await home.CountEntriesAsync());
    }

    /// <summary>Starts every request at the same moment and waits for all the answers, in the order given.</summary>
    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(IReadOnlyList<Func<Task<HttpResponseMessage>>> requests)
    {
        using var go = new SemaphoreSlim(0);
        var sent = requests.Select(async send =>
        {
            await go.WaitAsync();
            return await send();
        }).ToList();
        go.Release(requests.Count);
        return await Task.WhenAll(sent);
    }

    /// <summary>A 400 ProblemDetails whose error for <paramref name="field"/> is the overlap, nothing else.</summary>
    private static async Task ExpectOverlapAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"Expected an error for '{field}' in {body}");
        Assert.Equal([EntryValidator.SleepOverlapMessage], messages.EnumerateArray().Select(m => m.GetString()));
    }

    /// <summary>Reads every stored sleep of the child back and checks them pairwise; returns how many there are.</summary>
    private static async Task<int> AssertNoTwoSleepsOverlapAsync(TestHousehold home)
    {
        var page = await home.Client.GetFromJsonAsync<JsonElement>(home.Url($"/entries?type=sleep&childId={home.ChildId}&pageSize={EntryQuery.MaxPageSize}"));
        var sleeps = page.GetProperty("items").Deserialize<List<JournalEntry>>(EntryJson.Options)!.Cast<SleepEntry>().OrderBy(s => s.StartedAt).ToList();
        Assert.Equal(page.GetProperty("total").GetInt32(), sleeps.Count);
        for (var i = 0; i < sleeps.Count; i++)
        {
            for (var j = i + 1; j < sleeps.Count; j++)
            {
                Assert.False(EntryValidator.SleepsOverlap(sleeps[i].StartedAt, sleeps[i].EndedAt, sleeps[j].StartedAt, sleeps[j].EndedAt),
                    $"Stored sleeps overlap: {sleeps[i].StartedAt:u}–{sleeps[i].EndedAt:u} and {sleeps[j].StartedAt:u}–{sleeps[j].EndedAt:u}");
            }
        }
        return sleeps.Count;
    }
}

public sealed class SqliteConcurrentSleepTests(SqliteFixture fixture) : ConcurrentSleepTests<SqliteFixture>(fixture);

public sealed class PostgresConcurrentSleepTests(PostgresFixture fixture) : ConcurrentSleepTests<PostgresFixture>(fixture);
