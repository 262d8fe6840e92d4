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

    [Fact]
    public void A_slow_cry_is_reported_with_the_times_behind_its_latency()
    {
        // A 0.3 s knock as loud as the cry, 3 s of quiet, then the cry: the energy onset is the knock (a measurement
        // the verbose line lets one check), the episode starts with the cry.
        string positives = Directory.CreateDirectory(Path.Combine(_root, "cries")).FullName;
        var random = new Random(3);
        float[] knock = [.. Enumerable.Range(0, 2400).Select(_ => (float)((random.NextDouble() * 0.4) - 0.2))];
        float[] clip = new SignalBuilder(8000).Append(knock).Silence(3).Append(CrySynth.Units(8000, 450, 4, 1.0, 0.4)).Build();
        WavWriter.Write(Path.Combine(positives, "late.wav"), clip, 8000);
        var lines = new LineCollector();

        var report = CryEvaluator.Evaluate(new EvaluationOptions { PositivesDirectory = positives }, lines);

        string slow = Assert.Single(lines.Lines, l => l.StartsWith("slow ", StringComparison.Ordinal));
        var times = System.Text.RegularExpressions.Regex.Match(slow, @"energy onset ([0-9.]+) s, episode start ([0-9.]+) s, first event at ([0-9.]+) s");
        Assert.True(times.Success, slow);
        double onset = double.Parse(times.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        double start = double.Parse(times.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        double detected = double.Parse(times.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        var lead = new EvaluationOptions().LeadInSeconds;
        Assert.InRange(onset, lead - 0.05, lead + 0.05);
        Assert.InRange(start, lead + 3.3 - 0.25, lead + 3.3 + 0.25);
        Assert.InRange(detected - start, 0, 1.0);
        Assert.Equal(detected - onset, report.LatencyMedianSeconds!.Value, 2);
    }

    /// <summary>Collects progress lines as they are reported (no synchronisation context involved).</summary>
    private sealed class LineCollector : IProgress<string>
    {
        public List<string> Lines { get; } = [];

        public void Report(string value) => Lines.Add(value);
    }
}
