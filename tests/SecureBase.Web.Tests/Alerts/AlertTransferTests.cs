using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Alerts;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Households;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>
/// Importing the rota and alert history into a household that already has data: the household's own rota wins,
/// alerts are added once, and a caregiver named only by the alert history is kept by name so an export stays importable.
/// </summary>
public abstract class AlertTransferTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task A_household_keeps_its_own_rota_and_gets_each_alert_once()
    {
        var source = await NewHouseholdAsync();
        var cry = await source.CreateEntryAsync(Cry(source));
        await Expect.Status(HttpStatusCode.OK, await source.Client.PutAsJsonAsync(source.Url("/rota"),
            new { shifts = new[] { new { caregiverId = source.CaregiverId, days = new[] { "monday" }, from = "21:00", to = "07:00" } } }));
        await AlertSamples.CreateAsync(App, source, cry.Id, source.CaregiverId);
        // The file, as a backup moved to another household: its ids are not the source's any more.
        var file = Rehome(await source.ExportAsync());

        var home = await NewHouseholdAsync();
        await Expect.Status(HttpStatusCode.OK, await home.Client.PutAsJsonAsync(home.Url("/rota"),
            new { quietHours = new[] { new { caregiverId = home.CaregiverId, from = "23:00", to = "06:00" } } }));
        var first = await home.Client.PostAsync(home.Url("/import"), new StringContent(file, Encoding.UTF8, "application/json"));
        var again = await home.Client.PostAsync(home.Url("/import"), new StringContent(file, Encoding.UTF8, "application/json"));

        await Expect.Status(HttpStatusCode.OK, first);
        await Expect.Status(HttpStatusCode.OK, again);
        var summary = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, summary.GetProperty("alertsAdded").GetInt32());
        Assert.False(summary.GetProperty("rotaAdded").GetBoolean());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsAdded").GetInt32());
        var rota = await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/rota"));
        Assert.Empty(rota.GetProperty("shifts").EnumerateArray());
        Assert.Equal("23:00", Assert.Single(rota.GetProperty("quietHours").EnumerateArray()).GetProperty("from").GetString());
        var exported = JsonNode.Parse(await home.ExportAsync())!;
        Assert.Equal(2, exported["alerts"]!.AsArray().Count);
        Assert.Equal(JsonNode.Parse(file)!["alerts"]!.ToJsonString(), exported["alerts"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Someone_named_only_by_the_alert_history_is_kept_by_name_when_removed_and_leaves_the_rota()
    {
        var home = await NewHouseholdAsync();
        var grandma = await home.Client.PostAsJsonAsync(home.Url("/caregivers"), new { name = "Grandma", role = "caregiver", isBackup = true });
        await Expect.Status(HttpStatusCode.OK, grandma);
        var grandmaId = (await grandma.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Expect.Status(HttpStatusCode.OK, await home.Client.PutAsJsonAsync(home.Url("/rota"),
            new { shifts = new[] { new { caregiverId = grandmaId, from = "13:00", to = "17:00" } } }));
        // Grandma acknowledged an old alert but never logged anything in the journal.
        await AlertSamples.CreateAsync(App, home, Guid.NewGuid(), grandmaId);

        await Expect.Status(HttpStatusCode.NoContent, await home.Client.DeleteAsync(home.Url($"/caregivers/{grandmaId}")));

        var export = await home.ExportAsync();
        var document = JsonNode.Parse(export)!;
        Assert.Contains(document["caregivers"]!.AsArray(), c => c!["id"]!.GetValue<Guid>() == grandmaId);
        Assert.Null(document["rota"]); // her shift went with her, and the alert routing no longer sees it
        Assert.Empty((await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/rota"))).GetProperty("shifts").EnumerateArray());
        var read = Care.Journal.Format.JournalDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(export)));
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
    }

    [SkippableFact]
    public async Task Someone_who_only_answered_a_cry_is_kept_by_name_when_removed_so_the_export_stays_importable()
    {
        var home = await NewHouseholdAsync();
        var grandma = await home.Client.PostAsJsonAsync(home.Url("/caregivers"), new { name = "Grandma", role = "caregiver" });
        await Expect.Status(HttpStatusCode.OK, grandma);
        var grandmaId = (await grandma.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The parent logged the cry; Grandma is only named in its response.
        var cry = Cry(home);
        cry.Responses = [new CryResponse { CaregiverId = grandmaId, ArrivedAt = HoursAgo(1).AddMinutes(1), Actions = [new() { Action = CareAction.HoldSoothe }], ResolvedBy = CareAction.HoldSoothe }];
        await home.CreateEntryAsync(cry);

        await Expect.Status(HttpStatusCode.NoContent, await home.Client.DeleteAsync(home.Url($"/caregivers/{grandmaId}")));

        var export = await home.ExportAsync();
        Assert.Contains(JsonNode.Parse(export)!["caregivers"]!.AsArray(), c => c!["id"]!.GetValue<Guid>() == grandmaId);
        var read = Care.Journal.Format.JournalDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(export)));
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
    }

    [SkippableFact]
    public async Task A_child_removed_by_mistake_takes_its_alerts_along()
    {
        var home = await NewHouseholdAsync();
        var twin = await home.Client.PostAsJsonAsync(home.Url("/children"), new { name = "Leo", birthDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-60)), pronoun = "him" });
        await Expect.Status(HttpStatusCode.OK, twin);
        var twinId = (await twin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AlertSamples.CreateAsync(App, home with { ChildId = twinId }, Guid.NewGuid(), home.CaregiverId);

        await Expect.Status(HttpStatusCode.NoContent, await home.Client.DeleteAsync(home.Url($"/children/{twinId}")));

        Assert.Null(JsonNode.Parse(await home.ExportAsync())!["alerts"]);
    }

    [Fact]
    public void The_format_names_every_status_and_step_the_alert_engine_has()
    {
        // Export and import map these by name: a value added on one side only must fail here, not in a family's backup.
        Assert.Equal(Enum.GetNames<AlertStatus>(), Enum.GetNames<JournalAlertStatus>());
        Assert.Equal(Enum.GetNames<AlertEventKind>(), Enum.GetNames<JournalAlertEventKind>());
    }

    private static CryEpisodeEntry Cry(TestHousehold home) => new()
    {
        Id = Guid.NewGuid(), ChildId = home.ChildId, StartedAt = HoursAgo(1), PeakStage = CryStage.Fussing,
        Stages = [new() { Stage = CryStage.Fussing, At = HoursAgo(1) }],
    };

    /// <summary>Gives every id of the file a new value, everywhere it appears: the same history, as another household's file.</summary>
    private static string Rehome(string export)
    {
        var text = export;
        var document = JsonNode.Parse(export)!;
        var ids = new[] { document["household"]!["id"] }
            .Concat(document["caregivers"]!.AsArray().Select(c => c!["id"]))
            .Concat(document["children"]!.AsArray().Select(c => c!["id"]))
            .Concat(document["entries"]!.AsArray().Select(e => e!["id"]))
            .Concat(document["rota"]!["shifts"]!.AsArray().Select(s => s!["id"]))
            .Concat(document["alerts"]!.AsArray().Select(a => a!["id"]))
            .Select(n => n!.GetValue<string>()).ToList();
        foreach (var id in ids) text = text.Replace(id, Guid.NewGuid().ToString(), StringComparison.OrdinalIgnoreCase);
        return text;
    }
}

public sealed class SqliteAlertTransferTests(SqliteFixture fixture) : AlertTransferTests<SqliteFixture>(fixture);

public sealed class PostgresAlertTransferTests(PostgresFixture fixture) : AlertTransferTests<PostgresFixture>(fixture);
