namespace SecureBase.Cli.Tests.Audio;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "securebase-eval-tests-" + Guid.NewGuid().ToString("N"));

    public EvalCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Eval_reports_recall_and_false_alarms_for_the_given_folders()
    {
        string positives = Directory.CreateDirectory(Path.Combine(_folder, "cries")).FullName;
        string negatives = Directory.CreateDirectory(Path.Combine(_folder, "other")).FullName;
        File.WriteAllBytes(Path.Combine(positives, "cry.wav"), TestAudio.ToWav(TestAudio.Cry(8000, leadIn: 0.5, units: 4, f0Hz: 450, tail: 1), 8000));
        var random = new Random(5);
        float[] hum = Enumerable.Range(0, 8000 * 20).Select(i => (float)((0.05 * Math.Sin(i * 2 * Math.PI * 120 / 8000)) + ((random.NextDouble() - 0.5) * 0.02))).ToArray();
        File.WriteAllBytes(Path.Combine(negatives, "hum.wav"), TestAudio.ToWav(hum, 8000));

        var (exitCode, output, _) = await CliRunner.Run("eval", "--positives", positives, "--negatives", negatives);

        Assert.Equal(0, exitCode);
        Assert.Contains("recall            1.000 (1/1 cry files)", output, StringComparison.Ordinal);
        Assert.Contains("false alarms      0 in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_needs_at_least_one_folder()
    {
        var (exitCode, _, error) = await CliRunner.Run("eval");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--positives", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_a_clear_error()
    {
        var (exitCode, _, error) = await CliRunner.Run("eval", "--negatives", Path.Combine(_folder, "nope"));

        Assert.Equal(1, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }
}
