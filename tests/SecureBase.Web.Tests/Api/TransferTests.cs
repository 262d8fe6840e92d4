using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

public abstract class TransferTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    private static string DemoDocument(int seed)
    {
        using var stream = new MemoryStream();
        JournalDocumentWriter.Write(DemoJournal.Create(DateTimeOffset.UtcNow.AddHours(-1), seed), stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [SkippableFact]
    public async Task Csv_export_gives_one_entry_type_with_its_header_and_refuses_an_unknown_type()
    {
        var home = await NewHouseholdAsync();
        var feed = await home.CreateEntryAsync(home.Feed(HoursAgo(2), amount: 95));
        await home.CreateEntryAsync(new DiaperEntry { Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = HoursAgo(1), LoggedBy = home.CaregiverId, Wet = true });

        var csv = await home.Client.GetAsync(home.Url("/export/feed.csv"));
        var unknown = await home.Client.GetAsync(home.Url("/export/bath.csv"));

        await Expect.Status(HttpStatusCode.OK, csv);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(feed.Id.ToString(), lines[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("95", lines[1], StringComparison.Ordinal);
        await Expect.ValidationProblem(unknown, "type");
    }

    [SkippableFact]
    public async Task Export_restored_into_an_empty_instance_exports_the_same_document()
    {
        var home = await NewHouseholdAsync();
        Assert.Empty((await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/rota"))).GetProperty("shifts").EnumerateArray()); // read (and cached) before the import
        var demo = DemoDocument(seed: Random.Shared.Next(1000, 1_000_000));
        var import = await home.Client.PostAsync(home.Url("/import"), Json(demo));
        await Expect.Status(HttpStatusCode.OK, import);
        // A household without a rota takes the file's (a parent imports), and the alert routing sees it at once.
        Assert.True((await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rotaAdded").GetBoolean());
        var rota = await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/rota"));
        Assert.Equal(2, rota.GetProperty("shifts").GetArrayLength());
        Assert.Equal("21:00", rota.GetProperty("quietHours")[0].GetProperty("from").GetString());
        var tom = JsonNode.Parse(demo)!["caregivers"]!.AsArray().Single(c => (string?)c!["name"] == "Tom")!["id"]!.GetValue<Guid>();
        var cry = await home.CreateEntryAsync(new CryEpisodeEntry
        {
            Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = HoursAgo(1), PeakStage = CryStage.Fussing, Stages = [new() { Stage = CryStage.Fussing, At = HoursAgo(1) }],
            Responses = [new() { CaregiverId = home.CaregiverId, ArrivedAt = HoursAgo(0.9), Talked = true }],
        });
        cry.Note = "Settled on my shoulder.";
        var edited = await home.Client.PutAsJsonAsync(home.Url($"/entries/{cry.Id}"), cry, Storage.Journal.EntryJson.Options);
        await Expect.Status(HttpStatusCode.OK, edited);
        // Guidance too: a rule with an entry marked against it, a voted decision, an edited plan and a night with a check-in.
        var guidance = await GuidanceSamples.CreateAsync(home);
        var marked = home.Feed(HoursAgo(0.5));
        marked.AgainstRuleId = guidance.RuleId;
        await home.CreateEntryAsync(marked);
        // Alert history: the cry above answered from start to end, and an older alert acknowledged by Tom and never closed.
        var (answered, open) = await Alerts.AlertSamples.CreateAsync(App, home, cry.Id, tom);
        var first = await home.ExportAsync();
        Assert.True(JsonNode.Parse(first)!["entries"]!.AsArray().Count > 500);
        var alerts = JsonNode.Parse(first)!["alerts"]!.AsArray();
        Assert.Equal([open, answered], alerts.Select(a => a!["id"]!.GetValue<Guid>()));
        Assert.Equal(["raised", "stageChanged", "escalated", "acknowledged", "arrived", "cryEnded", "resolved"],
            alerts[1]!["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal(tom, alerts[0]!["acknowledgedBy"]!.GetValue<Guid>());
        Assert.Equal(["tuesday", "thursday"], JsonNode.Parse(first)!["rota"]!["shifts"]!.AsArray()
            .Select(s => s!["days"]!.AsArray().Select(d => d!.GetValue<string>()).ToList()).Single(d => d.Count == 2));
        var section = JsonNode.Parse(first)!["guidance"]!;
        Assert.Equal(guidance.RuleId, section["rules"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal("doNotFulfil", section["desireDecisions"]![0]!["outcome"]!.GetValue<string>());
        Assert.Equal("[[2,4],[5,8,12]]", section["sleepTrainingPlans"]![0]!["waitMinutes"]!.ToJsonString());
        Assert.Equal(["putDown", "cryStarted", "checkIn"], section["sleepTrainingNights"]![0]!["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Contains("Settled on my shoulder.", first, StringComparison.Ordinal);

        await using var empty = await Fixture.NewInstanceAsync(new Dictionary<string, string?> { ["SecureBase:AllowSignUp"] = "false" });
        var client = empty.NewClient();
        var restore = await client.PostAsJsonAsync("/api/account/restore", new { email = "restored@example.org", password = TestHousehold.Password, caregiverId = home.CaregiverId, journal = JsonNode.Parse(first) });
        await Expect.Status(HttpStatusCode.OK, restore);
        var second = await client.GetStringAsync($"/api/households/{home.Id}/export");
        Assert.Equal(ExportText.WithoutExportedAt(first), ExportText.WithoutExportedAt(second));

        // First run is over: neither a second restore nor an uninvited sign-up is accepted.
        var again = await empty.NewClient().PostAsJsonAsync("/api/account/restore", new { email = "other@example.org", password = TestHousehold.Password, journal = JsonNode.Parse(first) });
        await Expect.Status(HttpStatusCode.Forbidden, again);
        var signUp = await empty.NewClient().PostAsJsonAsync("/api/account/signup", new { email = "x@example.org", password = TestHousehold.Password, displayName = "X", householdName = "X" });
        await Expect.Status(HttpStatusCode.Forbidden, signUp);
    }

    [SkippableFact]
    public async Task Hostile_imports_are_refused_with_a_clear_message_and_change_nothing()
    {
        var home = await NewHouseholdAsync();
        var other = await NewHouseholdAsync();
        var otherEntry = await other.CreateEntryAsync(other.Feed(HoursAgo(3)));
        await Expect.Status(HttpStatusCode.OK, await other.Client.PutAsJsonAsync(other.Url("/rota"),
            new { shifts = new[] { new { caregiverId = other.CaregiverId, from = "22:00", to = "06:00" } } }));
        var otherRotaId = JsonNode.Parse(await other.ExportAsync())!["rota"]!["shifts"]![0]!["id"]!.GetValue<Guid>();
        var (otherAlert, _) = await Alerts.AlertSamples.CreateAsync(App, other, Guid.NewGuid(), other.CaregiverId);
        await home.CreateEntryAsync(home.Feed(HoursAgo(2)));
        var before = await home.ExportAsync();
        var valid = JsonNode.Parse(DemoDocument(seed: Random.Shared.Next(1000, 1_000_000)))!;

        JsonNode Variant(Action<JsonNode> change)
        {
            var copy = valid.DeepClone();
            change(copy);
            return copy;
        }
        JsonNode Alert(JsonNode document, Guid id, Guid? recipient = null)
        {
            var at = HoursAgo(2).ToString("O");
            var child = document["children"]![0]!["id"]!.GetValue<Guid>();
            var who = recipient ?? document["caregivers"]![0]!["id"]!.GetValue<Guid>();
            return JsonNode.Parse($$"""
                { "id": "{{id}}", "childId": "{{child}}", "onset": "{{at}}", "onsetStage": "fussing", "stage": "fussing", "status": "resolved",
                  "isUrgent": false, "cryEnded": true, "version": 2, "recipients": ["{{who}}"], "lastSentAt": "{{at}}",
                  "timeline": [ { "kind": "raised", "at": "{{at}}" }, { "kind": "resolved", "at": "{{at}}" } ] }
                """)!;
        }
        static JsonNode With(JsonNode node, string field, JsonNode? value)
        {
            node[field] = value;
            return node;
        }
        var cases = new (string Name, string Body, HttpStatusCode Status)[]
        {
            ("rota naming someone not in the file", Variant(d => d["rota"]!["shifts"]![0]!["caregiverId"] = other.CaregiverId.ToString()).ToJsonString(), HttpStatusCode.BadRequest),
            ("rota line with a bad time", Variant(d => d["rota"]!["quietHours"]![0]!["from"] = "25:00").ToJsonString(), HttpStatusCode.BadRequest),
            ("another household's rota id", Variant(d => d["rota"]!["shifts"]![0]!["id"] = otherRotaId.ToString()).ToJsonString(), HttpStatusCode.Conflict),
            ("alert naming an unknown caregiver", Variant(d => d["alerts"] = new JsonArray(Alert(d, Guid.NewGuid(), recipient: Guid.NewGuid()))).ToJsonString(), HttpStatusCode.BadRequest),
            ("alert with a bad status", Variant(d => d["alerts"] = new JsonArray(With(Alert(d, Guid.NewGuid()), "status", "lost"))).ToJsonString(), HttpStatusCode.BadRequest),
            ("another household's alert id", Variant(d => d["alerts"] = new JsonArray(Alert(d, otherAlert))).ToJsonString(), HttpStatusCode.Conflict),
            ("wrong version", Variant(d => d["version"] = 99).ToJsonString(), HttpStatusCode.BadRequest),
            ("not a journal", "{\"hello\":\"world\"}", HttpStatusCode.BadRequest),
            ("not JSON", "this is not json", HttpStatusCode.BadRequest),
            ("bad types", Variant(d => d["entries"]![0]!["startedAt"] = "yesterday-ish").ToJsonString(), HttpStatusCode.BadRequest),
            ("bad amount", Variant(d => d["entries"]!.AsArray().First(e => (string?)e!["type"] == "feed")!["amount"] = -4).ToJsonString(), HttpStatusCode.BadRequest),
            ("duplicate ids", Variant(d => d["entries"]![1]!["id"] = d["entries"]![0]!["id"]!.GetValue<string>()).ToJsonString(), HttpStatusCode.BadRequest),
            ("another household's entry id", Variant(d => d["entries"]![0]!["id"] = otherEntry.Id.ToString()).ToJsonString(), HttpStatusCode.Conflict),
            ("another household's child id", Variant(d =>
            {
                var oldId = d["children"]![0]!["id"]!.GetValue<string>();
                d["children"]![0]!["id"] = other.ChildId.ToString();
                foreach (var e in d["entries"]!.AsArray().Where(e => (string?)e!["childId"] == oldId)) e!["childId"] = other.ChildId.ToString();
            }).ToJsonString(), HttpStatusCode.Conflict),
            ("too many entries", Variant(d =>
            {
                var entries = d["entries"]!.AsArray();
                var template = entries.First(e => (string?)e!["type"] == "diaper")!;
                for (var i = 0; i < 3000; i++)
                {
                    var copy = template.DeepClone();
                    copy["id"] = Guid.NewGuid().ToString();
                    entries.Add(copy);
                }
            }).ToJsonString(), HttpStatusCode.BadRequest),
        };

        foreach (var (name, body, status) in cases)
        {
            var response = await home.Client.PostAsync(home.Url("/import"), Json(body));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{name}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.True(problem.TryGetProperty("errors", out _) || problem.TryGetProperty("detail", out _), $"{name}: no message in {text}");
            Assert.DoesNotContain(other.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(ExportText.WithoutExportedAt(before), ExportText.WithoutExportedAt(await home.ExportAsync()));
    }
}

public sealed class SqliteTransferTests(SqliteFixture fixture) : TransferTests<SqliteFixture>(fixture);

public sealed class PostgresTransferTests(PostgresFixture fixture) : TransferTests<PostgresFixture>(fixture);
