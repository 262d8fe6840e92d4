using System.Net;
using SecureBase.Care.Journal;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

/// <summary>
/// Overlapping sleeps sent at the same moment: each request's own check sees none of the others stored, so only the
/// group writer, which takes creates one after another, can refuse all but one. Real concurrent requests, real database.
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
}

public sealed class SqliteConcurrentSleepTests(SqliteFixture fixture) : ConcurrentSleepTests<SqliteFixture>(fixture);

public sealed class PostgresConcurrentSleepTests(PostgresFixture fixture) : ConcurrentSleepTests<PostgresFixture>(fixture);
