using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Tests.Synthesis;

namespace SecureBase.Audio.Tests.Evaluation;

public sealed class EvaluatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("securebase-eval-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Recall_false_alarms_and_latency_are_measured_on_folders()
    {
        string positives = Directory.CreateDirectory(Path.Combine(_root, "cries")).FullName;
        string negatives = Directory.CreateDirectory(Path.Combine(_root, "quiet")).FullName;
        for (int i = 0; i < 3; i++)
        {
            WavWriter.Write(Path.Combine(positives, $"cry{i}.wav"), CrySynth.Units(8000, 420 + (40 * i), 4, 1.0, 0.4, seed: i), 8000);
        }

        WavWriter.Write(Path.Combine(positives, "silence.wav"), new float[8000 * 5], 8000);
        WavWriter.Write(Path.Combine(negatives, "speech.wav"), NonCrySynth.Speech(16000, 180, 60), 16000);
        WavWriter.Write(Path.Combine(negatives, "tone.wav"), NonCrySynth.Tone(16000, 660, 60, harmonics: 3), 16000);
        File.WriteAllText(Path.Combine(negatives, "broken.wav"), "RIFF not really");

        var report = CryEvaluator.Evaluate(new EvaluationOptions { PositivesDirectory = positives, NegativesDirectory = negatives });

        Assert.Equal(4, report.PositiveFiles);
        Assert.Equal(3, report.PositivesDetected);
        Assert.Equal(0.75, report.Recall, 3);
        Assert.Single(report.Missed, m => m.EndsWith("silence.wav", StringComparison.Ordinal));
        Assert.InRange(report.LatencyMedianSeconds!.Value, 0.2, 1.0);
        Assert.Equal(2, report.NegativeFiles);
        Assert.InRange(report.NegativeHours, 2.0 / 60, 2.05 / 60);
        Assert.Equal(0, report.FalseAlarms);
        Assert.Equal(0, report.FalseAlarmsPerHour);
        Assert.Single(report.Unreadable);
        Assert.Contains("recall", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Noise_mixing_still_finds_clear_cries()
    {
        string positives = Directory.CreateDirectory(Path.Combine(_root, "cries")).FullName;
        WavWriter.Write(Path.Combine(positives, "cry.wav"), CrySynth.Units(16000, 450, 4, 1.0, 0.4), 16000);

        var report = CryEvaluator.Evaluate(new EvaluationOptions { PositivesDirectory = positives, NoiseSnrDb = 10 });

        Assert.Equal(1.0, report.Recall);
    }

    [Fact]
    public void Missing_folders_are_refused_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => CryEvaluator.Evaluate(new EvaluationOptions { PositivesDirectory = Path.Combine(_root, "nope") }));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CryEvaluator.Evaluate(new EvaluationOptions()));
    }
}
