using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Insights.Tests.Scenarios;

public class ScenarioFileTests
{
    public static TheoryData<string> Names => new(ScenarioJournals.All);

    [Theory]
    [MemberData(nameof(Names))]
    public void Committed_file_is_what_the_generator_produces(string name)
    {
        var expected = ScenarioFiles.ToJson(ScenarioJournals.Create(name));
        var path = Path.Combine(ScenarioFiles.SourceFolder(), name + ".json");
        if (Environment.GetEnvironmentVariable("SECUREBASE_REGENERATE_SCENARIOS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with SECUREBASE_REGENERATE_SCENARIOS=1.");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Journal_format_reader_accepts_the_scenario(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Scenarios", name + ".json"));
        var read = JournalDocumentReader.Read(stream, new JournalReadOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)) });
        Assert.Empty(read.Errors);
        Assert.True(read.IsValid);
        Assert.Equal(ScenarioJournals.Create(name).Entries.Count, read.Document!.Entries.Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Scenario_is_a_valid_journal(string name)
    {
        var document = ScenarioFiles.Load(name);
        Assert.Equal("securebase-journal", document.Format);
        Assert.Empty(JournalBuilder.Problems(document));
        Assert.NotEmpty(document.Entries);
    }
}
