using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Insights;
using SecureBase.Web.Features.Insights;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

/// <summary>
/// GET /api/households/{id}/children/{childId}/insights over a seeded four-week journal, on both databases: the
/// figures are the library's (the same JSON as the command line), another household's child is not found, and bad
/// dates get a ProblemDetails naming the field.
/// </summary>
public abstract class InsightsApiTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>A household (Europe/Paris) with the four-week demo journal imported: its own ids (a random seed), its child Sarah.</summary>
    private async Task<(TestHousehold Home, JournalDocument Document, JournalChild Sarah)> SeededAsync()
    {
        var home = await NewHouseholdAsync();
        var document = DemoJournal.Create(DateTimeOffset.UtcNow.AddHours(-1), Random.Shared.Next(1000, 1_000_000));
        using var stream = new MemoryStream();
        JournalDocumentWriter.Write(document, stream);
        var import = await home.Client.PostAsync(home.Url("/import"), new StringContent(Encoding.UTF8.GetString(stream.ToArray()), Encoding.UTF8, "application/json"));
        await Expect.Status(HttpStatusCode.OK, import);
        return (home, document, document.Children.Single(c => c.Name == "Sarah"));
    }

    private static JsonNode Library(InsightsInput input, InsightsPeriod period) =>
        JsonNode.Parse(InsightsJson.Serialize(new InsightsCalculator().Compute(input, period)))!;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    [SkippableFact]
    public async Task The_figures_are_the_librarys_for_the_same_journal_and_period()
    {
        var (home, document, sarah) = await SeededAsync();
        var from = Today.AddDays(-9);
        var to = Today.AddDays(-3);

        var response = await home.Client.GetAsync(home.Url($"/children/{sarah.Id}/insights?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));

        await Expect.Status(HttpStatusCode.OK, response);
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        // The household's zone is the test household's (Europe/Paris), not the document's; the caregivers are the document's
        // plus the test parent, who logged nothing.
        // The app reads the period and HistoryDays before it: the library on those entries gives the same JSON.
        var period = InsightsPeriod.Custom(from, to, Paris);
        var readFrom = period.From.AddDays(-new InsightsWebOptions().HistoryDays);
        var window = document.Entries.Where(e => e.StartedAt >= readFrom).ToList();
        var expected = Library(new InsightsInput(sarah, document.Caregivers, window, Paris), period);
        Assert.True(JsonNode.DeepEquals(expected, api), $"API:\n{api}\n\nlibrary:\n{expected}");
        // And on the whole journal (as the command line reads it) only the likely-need learner, which has seen more, differs.
        var whole = Library(new InsightsInput(sarah, document.Caregivers, document.Entries, Paris), period);
        Assert.True(whole["likelyNeed"]!["learnedCries"]!.GetValue<int>() > api["likelyNeed"]!["learnedCries"]!.GetValue<int>());
        whole.AsObject().Remove("likelyNeed");
        var apiWithoutLikelyNeed = api.DeepClone();
        apiWithoutLikelyNeed.AsObject().Remove("likelyNeed");
        Assert.True(JsonNode.DeepEquals(whole, apiWithoutLikelyNeed), $"API:\n{api}\n\nwhole journal:\n{whole}");
        // Not a vacuous match: the demo week has cries, answers by several caregivers, scores and patterns.
        Assert.True(api["cries"]!.GetValue<int>() > 5);
        Assert.True(api["byCaregiver"]!.AsArray().Count >= 2);
        Assert.NotNull(api["scores"]!["alignment"]);
        Assert.NotNull(api["promptness"]!["medianLatencySeconds"]);
        Assert.Equal(sarah.Id, api["childId"]!.GetValue<Guid>());
    }

    [SkippableFact]
    public async Task Without_dates_the_last_seven_days_are_shown()
    {
        var (home, document, sarah) = await SeededAsync();

        var response = await home.Client.GetAsync(home.Url($"/children/{sarah.Id}/insights"));

        await Expect.Status(HttpStatusCode.OK, response);
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var period = InsightsPeriod.Custom(Today.AddDays(-6), Today, Paris);
        Assert.Equal(period.From, api["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal(period.To, api["to"]!.GetValue<DateTimeOffset>());
        var cries = document.Entries.OfType<CryEpisodeEntry>().Count(c => c.ChildId == sarah.Id && period.Contains(c.StartedAt));
        Assert.Equal(cries, api["cries"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Another_households_child_is_not_found_and_its_household_is_refused()
    {
        var (b, _, sarah) = await SeededAsync();
        var a = await NewHouseholdAsync();

        var viaOwnHousehold = await a.Client.GetAsync(a.Url($"/children/{sarah.Id}/insights"));
        var viaTheirs = await a.Client.GetAsync(b.Url($"/children/{sarah.Id}/insights"));

        await Expect.Status(HttpStatusCode.NotFound, viaOwnHousehold);
        Assert.Equal("application/problem+json", viaOwnHousehold.Content.Headers.ContentType?.MediaType);
        Assert.True(viaTheirs.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"Got {(int)viaTheirs.StatusCode}");
        Assert.DoesNotContain("Sarah", await viaOwnHousehold.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sarah", await viaTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-03-10&to=2026-03-01", "to")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    public async Task Bad_dates_get_a_problem_naming_the_field(string query, string field)
    {
        var home = await NewHouseholdAsync();

        var response = await home.Client.GetAsync(home.Url($"/children/{home.ChildId}/insights?{query}"));

        await Expect.ValidationProblem(response, field);
    }
}

public sealed class SqliteInsightsApiTests(SqliteFixture fixture) : InsightsApiTests<SqliteFixture>(fixture);

public sealed class PostgresInsightsApiTests(PostgresFixture fixture) : InsightsApiTests<PostgresFixture>(fixture);
