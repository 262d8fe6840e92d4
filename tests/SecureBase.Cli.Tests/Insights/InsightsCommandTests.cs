using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Cli.Insights;

namespace SecureBase.Cli.Tests.Insights;

public sealed class InsightsCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("securebase-insights-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>The scenario journals committed with the insights tests.</summary>
    private static string Scenario(string name, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "SecureBase.Insights.Tests", "Scenarios", name + ".json"));

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(InsightsCommand.Create(new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero))));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = root.Parse(["insights", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_output_has_the_figures_scores_caregivers_and_patterns()
    {
        var (code, output, error) = Run("--journal", Scenario("two-homes"), "--child", "Sarah", "--format", "json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(14, root.GetProperty("cries").GetInt32());
        Assert.Equal(187.5, root.GetProperty("promptness").GetProperty("medianLatencySeconds").GetDouble());
        Assert.Equal(0.5, root.GetProperty("promptness").GetProperty("answeredWhileFussingShare").GetDouble());
        Assert.Equal(0.5, root.GetProperty("accuracy").GetProperty("firstActionResolvedShare").GetDouble());
        Assert.Equal(0.5, root.GetProperty("alignment").GetProperty("attunedShare").GetDouble());
        foreach (var score in new[] { "alignment", "balance", "continuity" })
            Assert.InRange(root.GetProperty("scores").GetProperty(score).GetInt32(), 0, 100);
        var tom = root.GetProperty("byCaregiver").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Tom");
        Assert.Equal(360, tom.GetProperty("promptness").GetProperty("medianLatencySeconds").GetDouble());
        Assert.Equal(0, tom.GetProperty("accuracy").GetProperty("firstActionResolvedShare").GetDouble());
        var ids = root.GetProperty("patterns").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("inconsistent-caregivers", ids);
        Assert.Contains("delayed", ids);
    }

    [Fact]
    public void Table_output_shows_figures_scores_and_patterns()
    {
        var (code, output, _) = Run("--journal", Scenario("anxious-evenings"), "--child", "leo");

        Assert.Equal(0, code);
        Assert.Contains("Insights for Leo", output, StringComparison.Ordinal);
        Assert.Contains("Maya", output, StringComparison.Ordinal);
        Assert.Contains("anxious", output, StringComparison.Ordinal);
        Assert.Contains("caregiver-distress", output, StringComparison.Ordinal);
        Assert.Contains("Alignment =", output, StringComparison.Ordinal);
        Assert.Contains("Likely need: the first guess was right for", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_limit_the_period_in_household_days()
    {
        var (code, output, _) = Run("--journal", Scenario("two-homes"), "--child", "Sarah", "--from", "2026-11-02", "--to", "2026-11-03", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("cries").GetInt32());
        Assert.Equal("2026-11-02T00:00:00+01:00", json.RootElement.GetProperty("from").GetString());
    }

    [Fact]
    public void A_missing_file_is_exit_code_1_with_a_clear_message()
    {
        var (code, output, error) = Run("--journal", Path.Combine(_temp, "nope.json"), "--child", "Sarah");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("There is no journal file", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}")]
    [InlineData("")]
    public void An_invalid_journal_is_exit_code_1_with_the_reasons(string content)
    {
        var path = Path.Combine(_temp, "bad.json");
        File.WriteAllText(path, content);

        var (code, output, error) = Run("--journal", path, "--child", "Sarah");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("is not a valid SecureBase journal", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_child_is_exit_code_2_naming_the_children()
    {
        var (code, output, error) = Run("--journal", Scenario("responsive-evening"), "--child", "Noah");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("no child called \"Noah\"", error, StringComparison.Ordinal);
        Assert.Contains("Sarah", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "02/11/2026", "must be a date like")]
    [InlineData("--to", "yesterday", "must be a date like")]
    public void Bad_dates_are_exit_code_2(string option, string value, string message)
    {
        var (code, _, error) = Run("--journal", Scenario("responsive-evening"), "--child", "Sarah", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reversed_dates_are_exit_code_2()
    {
        var (code, _, error) = Run("--journal", Scenario("responsive-evening"), "--child", "Sarah", "--from", "2026-11-10", "--to", "2026-11-01");

        Assert.Equal(2, code);
        Assert.Contains("--from must not be after --to", error, StringComparison.Ordinal);
    }
}

public class LikelyNeedEvalCommandTests
{
    [Fact]
    public void Prints_accuracy_after_10_50_and_200_logged_cries_against_the_rule()
    {
        var root = new RootCommand();
        root.Subcommands.Add(LikelyNeedEvalCommand.Create());
        using var output = new StringWriter();
        var code = root.Parse(["likely-need-eval", "--babies", "5", "--held-out", "20"]).Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null });

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("5 simulated babies", lines[0], StringComparison.Ordinal);
        Assert.Equal(["10", "50", "200"], lines.Skip(2).Select(l => l.Split('|')[0].Trim()));
        Assert.All(lines.Skip(2), l => Assert.Matches(@"\d+%\s*\|\s*\d+%", l));
    }

    [Fact]
    public void Refuses_zero_babies()
    {
        var root = new RootCommand();
        root.Subcommands.Add(LikelyNeedEvalCommand.Create());
        using var error = new StringWriter();
        var code = root.Parse(["likely-need-eval", "--babies", "0"]).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.Equal(2, code);
        Assert.Contains("at least 1", error.ToString(), StringComparison.Ordinal);
    }
}
