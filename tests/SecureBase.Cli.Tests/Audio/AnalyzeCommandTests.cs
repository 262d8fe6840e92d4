using System.Text.Json;

namespace SecureBase.Cli.Tests.Audio;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "securebase-cli-tests-" + Guid.NewGuid().ToString("N"));

    public AnalyzeCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ndjson_gives_one_object_per_file_with_the_episodes()
    {
        string cry = Write("cry.wav", TestAudio.ToWav(TestAudio.Cry(16000, leadIn: 2, units: 5, f0Hz: 450, tail: 6), 16000));

        var (exitCode, output, _) = await CliRunner.Run("analyze", cry, "--format", "ndjson");

        Assert.Equal(0, exitCode);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        Assert.Equal(cry, root.GetProperty("file").GetString());
        Assert.Equal(14.4, root.GetProperty("durationSeconds").GetDouble(), 2);
        Assert.Equal(16000, root.GetProperty("sampleRate").GetInt32());
        JsonElement episode = Assert.Single(root.GetProperty("episodes").EnumerateArray());
        Assert.InRange(episode.GetProperty("start").GetDouble(), 1.75, 2.25);
        Assert.Contains(episode.GetProperty("peakStage").GetString(), (string[])["fussing", "crying", "intense"]);
        JsonElement firstStage = episode.GetProperty("stages")[0];
        Assert.Contains(firstStage.GetProperty("stage").GetString(), (string[])["fussing", "crying"]);
        Assert.Equal(episode.GetProperty("start").GetDouble(), firstStage.GetProperty("start").GetDouble());
        JsonElement features = episode.GetProperty("features");
        Assert.Equal(5, features.GetProperty("unitCount").GetInt32());
        Assert.InRange(features.GetProperty("f0MeanHz").GetDouble(), 430, 480);
        Assert.Equal(JsonValueKind.Array, episode.GetProperty("notes").ValueKind);
    }

    [Fact]
    public async Task A_corrupt_file_gives_an_error_line_and_exit_code_1_while_the_others_are_analysed()
    {
        string quiet = Write("a-quiet.wav", TestAudio.ToWav(new float[16000], 16000));
        string corrupt = Write("b-corrupt.wav", [.. "RIFF"u8, 4, 0, 0, 0, .. "WAVE"u8, .. "fmt "u8, 16, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);

        var (exitCode, output, _) = await CliRunner.Run("analyze", _folder, "--format", "ndjson");

        Assert.Equal(1, exitCode);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.Equal(quiet, first.RootElement.GetProperty("file").GetString());
        Assert.Equal(0, first.RootElement.GetProperty("episodes").GetArrayLength());
        Assert.Equal(corrupt, second.RootElement.GetProperty("file").GetString());
        Assert.Equal("The WAV file ends inside its format (fmt) chunk.", second.RootElement.GetProperty("error").GetString());
        Assert.False(second.RootElement.TryGetProperty("episodes", out _));
    }

    [Fact]
    public async Task The_table_is_the_default_and_says_what_was_heard()
    {
        Write("quiet.wav", TestAudio.ToWav(new float[8000], 8000));
        string cry = Write("cry.wav", TestAudio.ToWav(TestAudio.Cry(16000, leadIn: 1, units: 3, f0Hz: 450, tail: 6), 16000));
        Write("empty.wav", []);

        var (exitCode, output, _) = await CliRunner.Run("analyze", _folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("no crying heard", output, StringComparison.Ordinal);
        Assert.Contains("Could not read it", output, StringComparison.Ordinal);
        Assert.Contains("bursts of", output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(cry), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_by_the_parser()
    {
        var (exitCode, _, error) = await CliRunner.Run("analyze", _folder, "--format", "xml");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
