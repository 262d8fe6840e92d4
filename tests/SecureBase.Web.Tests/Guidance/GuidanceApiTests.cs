using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal;
using SecureBase.Guidance.Feeding;
using SecureBase.Web.Features.Alerts;
using SecureBase.Web.Features.Guidance;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Guidance;

public abstract class GuidanceApiTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        await Expect.Status(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Invites a second person with an account into the household and returns their signed-in client.</summary>
    private async Task<HttpClient> JoinAsync(TestHousehold home, string role, string name)
    {
        var invitation = await Ok(await home.Client.PostAsJsonAsync(home.Url("/invitations"), new { role, name }));
        var client = App.NewClient();
        var joined = await client.PostAsJsonAsync("/api/account/signup", new
        {
            email = $"{role}-{Guid.NewGuid():N}@example.org", password = TestHousehold.Password, displayName = name, invitation = invitation.GetProperty("code").GetString(),
        });
        await Expect.Status(HttpStatusCode.OK, joined);
        return client;
    }

    [SkippableFact]
    public async Task A_desire_is_fulfilled_only_when_feasible_and_every_caregiver_says_yes_and_one_no_means_no()
    {
        var home = await NewHouseholdAsync();
        var tom = await JoinAsync(home, "caregiver", "Tom");
        var nurse = await JoinAsync(home, "viewer", "Nurse Jo");
        var opened = await Ok(await home.Client.PostAsJsonAsync(home.Url("/guidance/desires"), new { childId = home.ChildId, kind = "carriedAllTheTime", feasible = true }));
        var id = opened.GetProperty("id").GetGuid();
        Assert.Equal("pending", opened.GetProperty("outcome").GetString());
        Assert.Equal(2, opened.GetProperty("waitingFor").GetArrayLength()); // the viewer does not vote
        Assert.Contains(opened.GetProperty("costs").EnumerateArray(), c => c.GetString()!.Contains("habit", StringComparison.Ordinal));

        var parentYes = await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/desires/{id}/votes"), new { agrees = true }));
        Assert.Equal("pending", parentYes.GetProperty("outcome").GetString());
        Assert.Equal(["Tom"], parentYes.GetProperty("waitingFor").EnumerateArray().Select(n => n.GetString()));
        var bothYes = await Ok(await tom.PostAsJsonAsync(home.Url($"/guidance/desires/{id}/votes"), new { agrees = true }));
        Assert.Equal("fulfil", bothYes.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.String, bothYes.GetProperty("decidedAt").ValueKind);

        var tomNo = await Ok(await tom.PostAsJsonAsync(home.Url($"/guidance/desires/{id}/votes"), new { agrees = false }));
        Assert.Equal("doNotFulfil", tomNo.GetProperty("outcome").GetString());
        Assert.Contains("one no means no", tomNo.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        // Visible to every member, the viewer included; but a viewer cannot vote.
        var seen = await Ok(await nurse.GetAsync(home.Url($"/guidance/desires/{id}")));
        Assert.Equal("doNotFulfil", seen.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostAsJsonAsync(home.Url($"/guidance/desires/{id}/votes"), new { agrees = true })).StatusCode);

        // Revisited: votes cleared, pending again, no date.
        var revisited = await Ok(await home.Client.PostAsync(home.Url($"/guidance/desires/{id}/revisit"), null));
        Assert.Equal("pending", revisited.GetProperty("outcome").GetString());
        Assert.False(revisited.TryGetProperty("decidedAt", out var decidedAt) && decidedAt.ValueKind != JsonValueKind.Null);
        Assert.Equal(0, revisited.GetProperty("votes").GetArrayLength());
    }

    [SkippableFact]
    public async Task Frustration_a_rule_or_not_feasible_each_mean_no_even_when_everyone_agrees()
    {
        var home = await NewHouseholdAsync();
        var tom = await JoinAsync(home, "caregiver", "Tom");
        var id = (await Ok(await home.Client.PostAsJsonAsync(home.Url("/guidance/desires"), new { childId = home.ChildId, kind = "rideBeforeSleep", feasible = true }))).GetProperty("id").GetGuid();
        await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/desires/{id}/votes"), new { agrees = true }));
        Assert.Equal("fulfil", (await Ok(await tom.PostAsJsonAsync(home.Url($"/guidance/desires/{id}/votes"), new { agrees = true }))).GetProperty("outcome").GetString());

        foreach (var (answers, words) in new (object, string)[]
        {
            (new { feasible = true, duringFrustration = true, reactionToRule = false }, "frustration"),
            (new { feasible = true, duringFrustration = false, reactionToRule = true }, "rule"),
            (new { feasible = false, duringFrustration = false, reactionToRule = false }, "not feasible"),
        })
        {
            var verdict = await Ok(await home.Client.PutAsJsonAsync(home.Url($"/guidance/desires/{id}"), answers));
            Assert.Equal("doNotFulfil", verdict.GetProperty("outcome").GetString());
            Assert.Contains(words, verdict.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        }
        var settled = await Ok(await home.Client.PutAsJsonAsync(home.Url($"/guidance/desires/{id}"), new { feasible = true, duringFrustration = false, reactionToRule = false }));
        Assert.Equal("fulfil", settled.GetProperty("outcome").GetString());
    }

    [SkippableFact]
    public async Task Bad_decisions_rules_and_plans_are_refused_with_problem_details_and_change_nothing()
    {
        var home = await NewHouseholdAsync();
        await Expect.ValidationProblem(await home.Client.PostAsJsonAsync(home.Url("/guidance/desires"), new { childId = home.ChildId, kind = "custom" }), "description");
        await Expect.ValidationProblem(await home.Client.PostAsJsonAsync(home.Url("/guidance/desires"), new { childId = Guid.NewGuid(), kind = "biting" }), "childId");
        await Expect.ValidationProblem(await home.Client.PostAsJsonAsync(home.Url("/guidance/rules"), new { text = "  " }), "text");
        await Expect.ValidationProblem(await home.Client.PutAsJsonAsync(home.Url($"/guidance/children/{home.ChildId}/sleep-plan"), new { waitMinutes = new[] { new[] { 3, 90 } } }), "waitMinutes");
        await Expect.ValidationProblem(await home.Client.PostAsJsonAsync(home.Url($"/guidance/children/{home.ChildId}/nights"), new { fed = true, tired = true }), "checklist");
        Assert.Equal(HttpStatusCode.NotFound, (await home.Client.GetAsync(home.Url($"/guidance/desires/{Guid.NewGuid()}"))).StatusCode);

        Assert.Equal(0, (await Ok(await home.Client.GetAsync(home.Url("/guidance/desires")))).GetArrayLength());
        Assert.Equal(0, (await Ok(await home.Client.GetAsync(home.Url("/guidance/rules")))).GetArrayLength());
        Assert.True((await Ok(await home.Client.GetAsync(home.Url($"/guidance/children/{home.ChildId}/sleep-plan")))).GetProperty("isDefault").GetBoolean());
        Assert.DoesNotContain("\"guidance\"", await home.ExportAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Rules_record_each_agreement_and_count_the_entries_marked_against_them()
    {
        var home = await NewHouseholdAsync();
        var tom = await JoinAsync(home, "caregiver", "Tom");
        var rule = await Ok(await home.Client.PostAsJsonAsync(home.Url("/guidance/rules"), new { text = "No screens before sleep" }));
        var ruleId = rule.GetProperty("id").GetGuid();
        Assert.False(rule.GetProperty("agreedByAll").GetBoolean());
        Assert.Equal(["Tom"], rule.GetProperty("waitingFor").EnumerateArray().Select(n => n.GetString()));

        var agreed = await Ok(await tom.PostAsync(home.Url($"/guidance/rules/{ruleId}/agreements"), null));
        Assert.True(agreed.GetProperty("agreedByAll").GetBoolean());
        Assert.Equal(["Tom"], agreed.GetProperty("agreements").EnumerateArray().Skip(1).Select(a => a.GetProperty("name").GetString()));

        var marked = home.Feed(HoursAgo(1));
        marked.AgainstRuleId = ruleId;
        await home.CreateEntryAsync(marked);
        var unknown = home.Feed(HoursAgo(2));
        unknown.AgainstRuleId = Guid.NewGuid();
        await Expect.ValidationProblem(await home.PostEntryAsync(unknown), "againstRuleId");

        var rules = await Ok(await home.Client.GetAsync(home.Url("/guidance/rules")));
        Assert.Equal(1, rules[0].GetProperty("entriesAgainst").GetInt32());
    }

    [SkippableFact]
    public async Task Rewording_a_rule_asks_everyone_again_and_only_a_parent_removes_one_no_entry_is_marked_against()
    {
        var home = await NewHouseholdAsync();
        var tom = await JoinAsync(home, "caregiver", "Tom");
        var kept = await Ok(await home.Client.PostAsJsonAsync(home.Url("/guidance/rules"), new { text = "No screens before sleep" }));
        var keptId = kept.GetProperty("id").GetGuid();
        await Ok(await tom.PostAsync(home.Url($"/guidance/rules/{keptId}/agreements"), null));

        // Tom rewords it: the agreements start again with him, the parent is now asked.
        var reworded = await Ok(await tom.PutAsJsonAsync(home.Url($"/guidance/rules/{keptId}"), new { text = "No screens in the hour before sleep" }));
        Assert.Equal("No screens in the hour before sleep", reworded.GetProperty("text").GetString());
        Assert.Equal(["Tom"], reworded.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.False(reworded.GetProperty("agreedByAll").GetBoolean());
        // The same words again change nothing, blank words are refused.
        var again = await Ok(await home.Client.PutAsJsonAsync(home.Url($"/guidance/rules/{keptId}"), new { text = " No screens in the hour before sleep " }));
        Assert.Equal(["Tom"], again.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        await Expect.ValidationProblem(await home.Client.PutAsJsonAsync(home.Url($"/guidance/rules/{keptId}"), new { text = " " }), "text");

        // A caregiver may not remove a rule; a parent may, unless an entry is marked against it.
        await Expect.Status(HttpStatusCode.Forbidden, await tom.DeleteAsync(home.Url($"/guidance/rules/{keptId}")));
        var marked = home.Feed(HoursAgo(1));
        marked.AgainstRuleId = keptId;
        await home.CreateEntryAsync(marked);
        await Expect.Status(HttpStatusCode.Conflict, await home.Client.DeleteAsync(home.Url($"/guidance/rules/{keptId}")));

        var dropped = await Ok(await home.Client.PostAsJsonAsync(home.Url("/guidance/rules"), new { text = "Bath every evening" }));
        await Expect.Status(HttpStatusCode.NoContent, await home.Client.DeleteAsync(home.Url($"/guidance/rules/{dropped.GetProperty("id").GetGuid()}")));
        await Expect.Status(HttpStatusCode.NotFound, await home.Client.DeleteAsync(home.Url($"/guidance/rules/{dropped.GetProperty("id").GetGuid()}")));

        var rules = await Ok(await home.Client.GetAsync(home.Url("/guidance/rules")));
        Assert.Equal([keptId], rules.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(1, rules[0].GetProperty("entriesAgainst").GetInt32());
    }

    [SkippableFact]
    public async Task A_night_runs_the_plan_logs_check_ins_links_cries_and_shows_in_the_progress()
    {
        var home = await NewHouseholdAsync();
        await Ok(await home.Client.PutAsJsonAsync(home.Url($"/guidance/children/{home.ChildId}/sleep-plan"), new { waitMinutes = new[] { new[] { 2, 4 } } }));
        var night = await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/children/{home.ChildId}/nights"),
            new { fed = true, enoughTimeTogetherToday = true, emotionalNeedsMet = true, tired = true, bathed = true }));
        var nightId = night.GetProperty("id").GetGuid();
        Assert.Equal(1, night.GetProperty("nightNumber").GetInt32());
        Assert.Equal("settling", night.GetProperty("phase").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await home.Client.PostAsJsonAsync(home.Url($"/guidance/children/{home.ChildId}/nights"),
            new { fed = true, enoughTimeTogetherToday = true, emotionalNeedsMet = true, tired = true, bathed = true })).StatusCode);

        var crying = await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "cryStarted" }));
        var cryAt = crying.GetProperty("events")[1].GetProperty("at").GetDateTimeOffset();
        Assert.Equal(cryAt.AddMinutes(2), crying.GetProperty("goInAt").GetDateTimeOffset());
        // The monitor heard the cry: the episode is linked to the night.
        var cry = await home.CreateEntryAsync(new CryEpisodeEntry
        {
            Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = DateTimeOffset.UtcNow, PeakStage = CryStage.Crying, Source = CrySource.Monitor,
            Stages = [new() { Stage = CryStage.Crying, At = DateTimeOffset.UtcNow }],
        });
        var checkedIn = await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "checkIn" }));
        var checkInAt = checkedIn.GetProperty("checkIns")[0].GetProperty("at").GetDateTimeOffset();
        Assert.Equal(checkInAt.AddMinutes(4), checkedIn.GetProperty("goInAt").GetDateTimeOffset());
        Assert.Equal([cry.Id], checkedIn.GetProperty("cryEpisodeIds").EnumerateArray().Select(e => e.GetGuid()));
        await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "cryStopped" }));
        // No crying, so no check-in to make: the coach says so.
        await Expect.Status(HttpStatusCode.Conflict, await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "checkIn" }));
        await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "fellAsleep" }));
        var ended = await Ok(await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "end" }));
        Assert.Equal(JsonValueKind.String, ended.GetProperty("endedAt").ValueKind);
        await Expect.Status(HttpStatusCode.Conflict, await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "cryStarted" }));

        var progress = await Ok(await home.Client.GetAsync(home.Url($"/guidance/children/{home.ChildId}/sleep-progress")));
        var summary = progress.GetProperty("nights")[0];
        Assert.Equal(1, summary.GetProperty("checkIns").GetInt32());
        Assert.False(summary.GetProperty("paused").GetBoolean());
        Assert.StartsWith("Night 1: asleep after", progress.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Today_gives_the_feed_rhythm_milestone_prompts_by_age_and_the_days_ideas()
    {
        var home = await NewHouseholdAsync();
        await home.CreateEntryAsync(home.Feed(DateTimeOffset.UtcNow.AddMinutes(-130)));
        var today = await Ok(await home.Client.GetAsync(home.Url($"/guidance/children/{home.ChildId}/today")));
        Assert.Equal("due", today.GetProperty("feedState").GetString());
        Assert.Equal("fed 2 h 10 m ago, due by 3 h", today.GetProperty("feedReason").GetString());
        Assert.Equal(0, today.GetProperty("milestonePrompts").GetArrayLength()); // 120 days: before the ~4-month prompt
        Assert.Equal(2, today.GetProperty("connectionIdeas").GetArrayLength());

        var older = await Ok(await home.Client.PostAsJsonAsync(home.Url("/children"), new { name = "Max", birthDate = DateTime.UtcNow.AddDays(-230).ToString("yyyy-MM-dd"), pronoun = "him" }));
        var olderId = older.GetProperty("id").GetGuid();
        var prompts = (await Ok(await home.Client.GetAsync(home.Url($"/guidance/children/{olderId}/today")))).GetProperty("milestonePrompts");
        Assert.Equal(["socialSmile", "laughter"], prompts.EnumerateArray().Select(p => p.GetProperty("milestone").GetString()));
        await home.CreateEntryAsync(new MilestoneEntry { Id = Guid.NewGuid(), ChildId = olderId, Kind = MilestoneKind.SocialSmile, StartedAt = HoursAgo(24 * 60), LoggedBy = home.CaregiverId });
        prompts = (await Ok(await home.Client.GetAsync(home.Url($"/guidance/children/{olderId}/today")))).GetProperty("milestonePrompts");
        Assert.Equal(["laughter"], prompts.EnumerateArray().Select(p => p.GetProperty("milestone").GetString()));
        Assert.Equal("unknown", (await Ok(await home.Client.GetAsync(home.Url($"/guidance/children/{olderId}/today")))).GetProperty("feedState").GetString());
    }

    [SkippableFact]
    public async Task Feed_reminders_reach_the_households_caregivers_once_when_due_and_once_when_overdue_on_the_apps_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var hub = new RecordingHubContext();
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IHubContext<AlertsHub>>(hub);
        }));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        var signUp = await Ok(await client.PostAsJsonAsync("/api/account/signup", new { email = $"clock-{Guid.NewGuid():N}@example.org", password = TestHousehold.Password, displayName = "Ana", householdName = "Clock" }));
        var householdId = signUp.GetProperty("householdId").GetGuid();
        var child = await Ok(await client.PostAsJsonAsync($"/api/households/{householdId}/children", new { name = "Lou", birthDate = DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM-dd") }));
        var childId = child.GetProperty("id").GetGuid();
        var fed = clock.GetUtcNow().AddMinutes(-1);
        await Expect.Status(HttpStatusCode.Created, await client.PostAsJsonAsync<JournalEntry>($"/api/households/{householdId}/entries",
            new FeedEntry { Id = Guid.NewGuid(), ChildId = childId, Kind = FeedKind.BreastLeft, StartedAt = fed, EndedAt = fed.AddMinutes(1) }, SecureBase.Storage.Journal.EntryJson.Options));
        var service = app.Services.GetServices<IHostedService>().OfType<FeedReminderService>().Single();

        // The service's own timer runs on the fake clock too and may send first: what counts is what reached the hub.
        async Task<List<FeedReminderMessage>> AfterTick()
        {
            await service.TickAsync(CancellationToken.None);
            return hub.Sent.Where(s => s.Method == "reminder").Select(s => (FeedReminderMessage)s.Args[0]!).Where(m => m.ChildId == childId).ToList();
        }
        Assert.Empty(await AfterTick());
        clock.Advance(TimeSpan.FromMinutes(89));
        var due = Assert.Single(await AfterTick());
        Assert.Equal(FeedState.Due, due.State);
        Assert.Equal("A feed for Lou is due soon: fed 1 h 30 m ago, due by 3 h.", due.Text);
        // Other tests' households share the database and get their own reminders: look at this child's only.
        var parentUser = hub.Sent.First(s => s.Method == "reminder" && ((FeedReminderMessage)s.Args[0]!).ChildId == childId).Users;
        Assert.Single(parentUser);
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Single(await AfterTick());
        clock.Advance(TimeSpan.FromMinutes(61));
        var both = await AfterTick();
        Assert.Equal([FeedState.Due, FeedState.Overdue], both.Select(m => m.State));
        Assert.Equal(2, (await AfterTick()).Count);
    }
}

public sealed class SqliteGuidanceApiTests(SqliteFixture fixture) : GuidanceApiTests<SqliteFixture>(fixture);

public sealed class PostgresGuidanceApiTests(PostgresFixture fixture) : GuidanceApiTests<PostgresFixture>(fixture);
