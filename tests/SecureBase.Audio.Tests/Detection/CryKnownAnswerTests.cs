using SecureBase.Audio.Detection;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

public class CryKnownAnswerTests
{
    [Theory]
    [InlineData(16000, 450.0)]
    [InlineData(8000, 380.0)]
    [InlineData(16000, 600.0)]
    [InlineData(44100, 520.0)]
    [InlineData(48000, 1150.0)]
    public void Harmonic_bursts_give_one_episode_with_their_f0_unit_count_and_durations(int rate, double f0)
    {
        const double leadIn = 2.0;
        var signal = new SignalBuilder(rate).Silence(leadIn)
            .Append(CrySynth.Units(rate, f0, count: 5, unitSeconds: 1.0, pauseSeconds: 0.5))
            .Silence(1.0).Build();

        var recorder = Detect(signal, rate);

        var episode = Assert.Single(recorder.Episodes);
        var features = episode.Features;
        Assert.InRange(features.F0MeanHz!.Value, f0 * 0.97, f0 * 1.03);
        Assert.Equal(5, features.UnitCount);
        Assert.InRange(features.UnitMeanSeconds!.Value, 0.95, 1.05);
        Assert.InRange(features.PauseMeanSeconds!.Value, 0.45, 0.55);
        Assert.InRange(episode.StartSeconds, leadIn - 0.05, leadIn + 0.05);
        Assert.InRange(episode.EndSeconds, leadIn + 7.0 - 0.05, leadIn + 7.0 + 0.05);
        Assert.InRange(features.RhythmIrregularity!.Value, 0, 0.05);
        Assert.InRange(features.VoicedFraction, 0.6, 0.8);
        Assert.True(features.LoudnessOverBackgroundDb > 20, $"loudness {features.LoudnessOverBackgroundDb}");
        Assert.InRange(features.F0MinHz!.Value, f0 * 0.85, f0);
        Assert.InRange(features.F0MaxHz!.Value, f0, f0 * 1.15);
        Assert.InRange(features.F0InitialHz!.Value, f0 * 0.95, f0 * 1.08);
        Assert.Equal(CryStage.Crying, episode.PeakStage);

        var started = recorder.Events[0];
        Assert.Equal(CryEventKind.EpisodeStarted, started.Kind);
        Assert.Equal(CryStage.Fussing, started.Stage);
        Assert.InRange(started.TimeSeconds, leadIn - 0.25, leadIn + 0.25);
        Assert.InRange(started.DetectedAtSeconds - leadIn, 0, 1.0);
    }

    [Fact]
    public void Short_bursts_are_described_as_short_units_and_very_high_pitch_as_hyperphonation()
    {
        const int rate = 16000;
        var signal = new SignalBuilder(rate).Silence(1)
            .Append(CrySynth.Units(rate, 1200, count: 6, unitSeconds: 0.35, pauseSeconds: 0.4))
            .Silence(1).Build();

        var episode = Assert.Single(Detect(signal, rate).Episodes);

        Assert.Equal(6, episode.Features.UnitCount);
        Assert.InRange(episode.Features.UnitMeanSeconds!.Value, 0.30, 0.40);
        Assert.Equal(CryStage.Fussing, episode.PeakStage);
        var ids = episode.Notes.Select(n => n.Id).ToList();
        Assert.Contains("hyperphonation", ids);
        Assert.Contains("short-units", ids);
        Assert.Contains("high-initial-pitch", ids);
        Assert.DoesNotContain("irregular-units", ids);
        foreach (var note in episode.Notes)
        {
            Assert.Contains("pediatrician if it keeps happening", note.Text);
            Assert.DoesNotContain("diagnos", note.Text, StringComparison.OrdinalIgnoreCase);
        }

        var hyper = episode.Notes.Single(n => n.Id == "hyperphonation");
        Assert.InRange(hyper.Value, 1200 * 0.97, 1200 * 1.03);
    }

    [Fact]
    public void Irregular_rhythm_is_measured_and_noted()
    {
        const int rate = 16000;
        var builder = new SignalBuilder(rate).Silence(1);
        double[] pauses = [0.2, 1.6, 0.3, 2.0, 0.25];
        for (int u = 0; u < 6; u++)
        {
            builder.Append(CrySynth.Burst(rate, 480, u % 2 == 0 ? 0.4 : 1.2, seed: u));
            if (u < pauses.Length)
            {
                builder.Silence(pauses[u]);
            }
        }

        var episode = Assert.Single(Detect(builder.Silence(1).Build(), rate).Episodes);

        Assert.Equal(6, episode.Features.UnitCount);
        Assert.True(episode.Features.RhythmIrregularity > 0.6, $"irregularity {episode.Features.RhythmIrregularity}");
        Assert.Contains(episode.Notes, n => n.Id == "irregular-units");
    }

    [Fact]
    public void Two_cries_far_apart_are_two_episodes()
    {
        const int rate = 16000;
        var signal = new SignalBuilder(rate).Silence(1)
            .Append(CrySynth.Units(rate, 450, 3, 1.0, 0.4))
            .Silence(8)
            .Append(CrySynth.Units(rate, 500, 2, 1.0, 0.4))
            .Silence(1).Build();

        var episodes = Detect(signal, rate).Episodes.ToList();

        Assert.Equal(2, episodes.Count);
        Assert.InRange(episodes[0].StartSeconds, 0.95, 1.05);
        Assert.InRange(episodes[1].StartSeconds, 1 + 3.8 + 8 - 0.05, 1 + 3.8 + 8 + 0.05);
    }

    [Fact]
    public void Cry_in_a_white_noise_machine_is_found()
    {
        const int rate = 16000;
        var builder = new SignalBuilder(rate).Silence(4)
            .Append(CrySynth.Units(rate, 450, 4, 1.0, 0.4, levelDbfs: -20)).Silence(2);
        var signal = builder.AddNoise(SecureBase.Audio.Evaluation.NoiseGenerator.White(rate * 20, seed: 3), levelDbfs: -35).Build();

        var recorder = Detect(signal, rate);

        var episode = Assert.Single(recorder.Episodes);
        Assert.InRange(episode.StartSeconds, 3.75, 4.25);
        Assert.InRange(episode.Features.F0MeanHz!.Value, 450 * 0.97, 450 * 1.03);
    }
}
