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
    public void Scenario_is_a_valid_journal(string name)
    {
        var document = ScenarioFiles.Load(name);
        Assert.Equal("securebase-journal", document.Format);
        Assert.Empty(JournalBuilder.Problems(document));
        Assert.NotEmpty(document.Entries);
    }
}
