using System.Text.Json;

namespace SecureBase.Cli.Tests.Audio;

[Collection(nameof(StandardInputUsers))]
public sealed class ListenCommandTests : IDisposable
{
    public void Dispose() => SecureBase.Cli.Audio.ListenCommand.OpenStandardInput = Console.OpenStandardInput;

    [Fact]
    public async Task Raw_pcm_on_stdin_gives_live_events_as_ndjson()
    {
        byte[] pcm = TestAudio.ToS16le(TestAudio.Cry(8000, leadIn: 2, units: 4, f0Hz: 450, tail: 7));
        SecureBase.Cli.Audio.ListenCommand.OpenStandardInput = () => new MemoryStream(pcm);

        var (exitCode, output, _) = await CliRunner.Run("listen", "--rate", "8000");

        Assert.Equal(0, exitCode);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("episodeStarted", events[0].GetProperty("event").GetString());
        Assert.InRange(events[0].GetProperty("time").GetDouble(), 1.75, 2.25);
        Assert.InRange(events[0].GetProperty("detectedAt").GetDouble(), 2.0, 3.5);
        JsonElement last = events[^1];
        Assert.Equal("episodeEnded", last.GetProperty("event").GetString());
        Assert.Equal(4, last.GetProperty("episode").GetProperty("features").GetProperty("unitCount").GetInt32());
        Assert.All(events.Skip(1).SkipLast(1), e => Assert.Equal("stageChanged", e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task An_absurd_rate_is_a_clear_error()
    {
        SecureBase.Cli.Audio.ListenCommand.OpenStandardInput = () => new MemoryStream();

        var (exitCode, output, error) = await CliRunner.Run("listen", "--rate", "5");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("sample rate 5 Hz", error, StringComparison.Ordinal);
    }
}

[CollectionDefinition(nameof(StandardInputUsers), DisableParallelization = true)]
public sealed class StandardInputUsers;
