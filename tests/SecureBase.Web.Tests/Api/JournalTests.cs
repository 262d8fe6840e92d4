using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureBase.Care.Journal;
using SecureBase.Storage.Journal;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

public abstract class JournalTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task Create_then_read_back_keeps_every_field_and_records_who_logged_it()
    {
        var home = await NewHouseholdAsync();
        var onset = HoursAgo(2);
        var cry = new CryEpisodeEntry
        {
            Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = onset, EndedAt = onset.AddMinutes(9), Source = CrySource.Manual, PeakStage = CryStage.Crying,
            Stages = [new() { Stage = CryStage.Fussing, At = onset }, new() { Stage = CryStage.Crying, At = onset.AddMinutes(2) }],
            Acoustics = new CryAcoustics { F0MeanHz = 480.5, UnitCount = 12, Notes = ["steady"] },
            Responses = [new() { CaregiverId = home.CaregiverId, AcknowledgedAt = onset.AddSeconds(5), ArrivedAt = onset.AddSeconds(15), Talked = true, EyeContact = true, Warm = true,
                State = CaregiverState.Calm, Actions = [new() { Action = CareAction.Feed, At = onset.AddMinutes(1) }], ResolvedBy = CareAction.Feed }],
            SettledAt = onset.AddMinutes(9),
        };
        var created = (CryEpisodeEntry)await home.CreateEntryAsync(cry);
        var read = (CryEpisodeEntry)(await home.Client.GetFromJsonAsync<JournalEntry>(home.Url($"/entries/{cry.Id}"), EntryJson.Options))!;

        Assert.Equal(home.CaregiverId, read.LoggedBy);
        Assert.Equal(home.CaregiverId, read.DoneBy);
        Assert.Equal(onset, read.StartedAt);
        Assert.Equal(2, read.Stages.Count);
        Assert.Equal(CryStage.Crying, read.Stages[1].Stage);
        Assert.Equal(480.5, read.Acoustics!.F0MeanHz);
        Assert.Equal(["steady"], read.Acoustics.Notes);
        Assert.Equal(CareAction.Feed, Assert.Single(read.Responses).ResolvedBy);
        Assert.Equal(onset.AddSeconds(15), read.Responses[0].ArrivedAt);
        Assert.Equal(created.RecordedAt, read.RecordedAt);
        Assert.Null(read.UpdatedAt);
    }

    [SkippableFact]
    public async Task Invalid_entries_get_field_errors_and_nothing_is_stored()
    {
        var home = await NewHouseholdAsync();
        var start = HoursAgo(5);
        await home.CreateEntryAsync(new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = start, EndedAt = start.AddHours(2) });
        var before = await home.CountEntriesAsync();

        var endBeforeStart = home.Feed(start);
        endBeforeStart.EndedAt = start.AddMinutes(-5);
        await Expect.ValidationProblem(await home.PostEntryAsync(endBeforeStart), "endedAt");
        await Expect.ValidationProblem(await home.PostEntryAsync(home.Feed(DateTimeOffset.UtcNow.AddDays(3))), "startedAt");
        await Expect.ValidationProblem(await home.PostEntryAsync(home.Feed(start, amount: 5000)), "amount");
        var strangeChild = home.Feed(start);
        strangeChild.ChildId = Guid.NewGuid();
        await Expect.ValidationProblem(await home.PostEntryAsync(strangeChild), "childId");
        await Expect.ValidationProblem(await home.PostEntryAsync(new SleepEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = start.AddHours(1), EndedAt = start.AddHours(3) }), "startedAt");
        var noType = await home.Client.PostAsync(home.Url("/entries"), JsonContent.Create(new { id = Guid.NewGuid(), startedAt = start }));
        await Expect.ValidationProblem(noType, "type");

        Assert.Equal(before, await home.CountEntriesAsync());
    }

    [SkippableFact]
    public async Task Create_is_idempotent_by_client_id_and_an_id_of_another_household_is_refused_without_revealing_it()
    {
        var a = await NewHouseholdAsync();
        var b = await NewHouseholdAsync();
        var feed = a.Feed(HoursAgo(1));
        var first = await a.PostEntryAsync(feed);
        await Expect.Status(HttpStatusCode.Created, first);
        var retry = await a.PostEntryAsync(feed);
        await Expect.Status(HttpStatusCode.OK, retry);
        var again = await retry.Content.ReadFromJsonAsync<JournalEntry>(EntryJson.Options);
        Assert.Equal(feed.Id, again!.Id);
        Assert.Equal(1, await a.CountEntriesAsync());

        var clash = b.Feed(HoursAgo(1), id: feed.Id);
        var refused = await b.PostEntryAsync(clash);
        await Expect.Status(HttpStatusCode.Conflict, refused);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain(a.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(a.ChildId.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await b.CountEntriesAsync());
    }

    [SkippableFact]
    public async Task Edits_and_deletes_leave_an_audit_trail()
    {
        var home = await NewHouseholdAsync();
        var feed = await home.CreateEntryAsync(home.Feed(HoursAgo(3), amount: 90));
        var changed = home.Feed(feed.StartedAt, amount: 110, id: feed.Id);
        var put = await home.Client.PutAsJsonAsync(home.Url($"/entries/{feed.Id}"), (JournalEntry)changed, EntryJson.Options);
        await Expect.Status(HttpStatusCode.OK, put);
        var updated = (FeedEntry)(await put.Content.ReadFromJsonAsync<JournalEntry>(EntryJson.Options))!;
        Assert.Equal(110, updated.Amount);
        Assert.NotNull(updated.UpdatedAt);
        Assert.Equal(feed.RecordedAt, updated.RecordedAt);

        var changeType = new DiaperEntry { Id = feed.Id, ChildId = home.ChildId, StartedAt = feed.StartedAt, Wet = true };
        await Expect.ValidationProblem(await home.Client.PutAsJsonAsync(home.Url($"/entries/{feed.Id}"), (JournalEntry)changeType, EntryJson.Options), "type");

        await Expect.Status(HttpStatusCode.NoContent, await home.Client.DeleteAsync(home.Url($"/entries/{feed.Id}")));
        await Expect.Status(HttpStatusCode.NotFound, await home.Client.GetAsync(home.Url($"/entries/{feed.Id}")));

        var audit = (await home.Client.GetFromJsonAsync<JsonElement[]>(home.Url($"/entries/{feed.Id}/audit")))!;
        Assert.Equal(["created", "updated", "deleted"], audit.Select(a => a.GetProperty("action").GetString()));
        Assert.All(audit, a => Assert.Equal(home.CaregiverId, a.GetProperty("caregiverId").GetGuid()));
        Assert.Contains("\"amount\":90", audit[1].GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"amount\":110", audit[1].GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"amount\":110", audit[2].GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.False(audit[2].TryGetProperty("after", out var after) && after.ValueKind != JsonValueKind.Null);
    }

    [SkippableFact]
    public async Task Entries_filter_by_child_type_and_time_and_page_newest_first()
    {
        var home = await NewHouseholdAsync();
        var second = await home.Client.PostAsJsonAsync(home.Url("/children"), new { name = "Twin", birthDate = DateTime.UtcNow.AddDays(-120).ToString("yyyy-MM-dd") });
        var twinId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < 5; i++) await home.CreateEntryAsync(home.Feed(HoursAgo(10 - i)));
        for (var i = 0; i < 3; i++) await home.CreateEntryAsync(new DiaperEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = HoursAgo(20 + i), Wet = true });
        await home.CreateEntryAsync(new DiaperEntry { Id = Guid.NewGuid(), ChildId = twinId, StartedAt = HoursAgo(1), Solid = true });

        async Task<JsonElement> Page(string query) => await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/entries?" + query));
        Assert.Equal(9, (await Page("")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Page($"childId={twinId}")).GetProperty("total").GetInt32());
        Assert.Equal(5, (await Page("type=feed")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await Page("type=diaper")).GetProperty("total").GetInt32());
        var from = Uri.EscapeDataString(HoursAgo(8.5).ToString("O"));
        var to = Uri.EscapeDataString(HoursAgo(5.5).ToString("O"));
        Assert.Equal(3, (await Page($"type=feed&from={from}&to={to}")).GetProperty("total").GetInt32());

        var page1 = await Page("pageSize=4&page=1");
        var page3 = await Page("pageSize=4&page=3");
        Assert.Equal(4, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page3.GetProperty("items").GetArrayLength());
        var starts = page1.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("startedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(starts.OrderDescending(), starts);
        await Expect.ValidationProblem(await home.Client.GetAsync(home.Url("/entries?type=bath")), "type");
        await Expect.ValidationProblem(await home.Client.GetAsync(home.Url("/entries?pageSize=5000")), "pageSize");
    }

    [SkippableFact]
    public async Task A_feed_timer_starts_runs_and_stops()
    {
        var home = await NewHouseholdAsync();
        var start = await home.Client.PostAsJsonAsync(home.Url("/timers"), new { type = "feed", childId = home.ChildId, startedAt = HoursAgo(0.25), kind = "breastLeft" });
        await Expect.Status(HttpStatusCode.Created, start);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var running = await home.Client.GetFromJsonAsync<JsonElement[]>(home.Url("/timers"));
        Assert.Equal(id, Assert.Single(running!).GetProperty("id").GetGuid());

        var stop = await home.Client.PostAsJsonAsync(home.Url($"/timers/{id}/stop"), new { });
        await Expect.Status(HttpStatusCode.OK, stop);
        var stopped = await stop.Content.ReadFromJsonAsync<JournalEntry>(EntryJson.Options);
        Assert.NotNull(stopped!.EndedAt);
        Assert.Empty((await home.Client.GetFromJsonAsync<JsonElement[]>(home.Url("/timers")))!);
        await Expect.ValidationProblem(await home.Client.PostAsJsonAsync(home.Url($"/timers/{id}/stop"), new { }), "endedAt");
    }
}

public sealed class SqliteJournalTests(SqliteFixture fixture) : JournalTests<SqliteFixture>(fixture);

public sealed class PostgresJournalTests(PostgresFixture fixture) : JournalTests<PostgresFixture>(fixture);
