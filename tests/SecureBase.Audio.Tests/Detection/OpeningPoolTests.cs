using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>
/// The fragment-pool opening path (session 5): a cry that starts as broken whimpers, each voiced fragment shorter than
/// a unit needs, opens its episode from the pooled fragments instead of waiting for the first long unit; syllabic
/// speech does not.
/// </summary>
public class OpeningPoolTests
{
    private const int Rate = 16000;
    private const double LeadIn = 2;
    private static readonly CryDetectorOptions Pool = new() { UseOpeningPool = true };

    /// <summary>Eight whimpers of 0.12 s (under the 0.2 s a unit needs), 0.15 s of silence apart, then quiet.</summary>
    private static float[] Whimpers(double f0Hz = 460, int count = 8, double fragmentSeconds = 0.12, double gapSeconds = 0.15)
    {
        var builder = new SignalBuilder(Rate).Silence(LeadIn);
        for (int i = 0; i < count; i++)
        {
            builder.Append(CrySynth.Burst(Rate, f0Hz * (1 + (0.03 * (i % 3))), fragmentSeconds, levelDbfs: -22, seed: 40 + i)).Silence(gapSeconds);
        }

        return builder.Silence(6).Build();
    }

    [Fact]
    public void Whimper_fragments_too_short_for_a_unit_open_an_episode_within_a_second()
    {
        var pooled = Detect(Whimpers(), Rate, options: Pool);
        var unitsOnly = Detect(Whimpers(), Rate);

        var started = Assert.Single(pooled.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.InRange(started.TimeSeconds, LeadIn - 0.05, LeadIn + 0.25);
        Assert.InRange(started.DetectedAtSeconds - LeadIn, 0, 1.0);
        // Without the pool no fragment ever becomes a unit: the whimpers are not heard at all.
        Assert.True(unitsOnly.Events.Count == 0, Describe(unitsOnly));
    }

    [Fact]
    public void An_episode_opened_by_the_pool_ends_and_is_described()
    {
        var recorder = Detect(Whimpers(), Rate, options: Pool);

        var episode = Assert.Single(recorder.Episodes);
        Assert.Equal(CryStage.Fussing, episode.PeakStage);
        Assert.InRange(episode.EndSeconds, episode.StartSeconds, LeadIn + (8 * 0.27) + 0.1);
        Assert.InRange(episode.Features.F0MeanHz ?? 0, 420, 520);
    }

    [Fact]
    public void A_single_short_whimper_does_not_open_an_episode()
    {
        // One fragment is left to the unit path, which needs 0.2 s: a lone squeak is no cry.
        var recorder = Detect(Whimpers(count: 1, fragmentSeconds: 0.18), Rate, options: Pool);

        Assert.True(recorder.Events.Count == 0, Describe(recorder));
    }

    [Fact]
    public void Fragments_too_far_apart_are_not_pooled()
    {
        // 0.6 s of silence between fragments is longer than the pool bridges (0.4 s).
        var recorder = Detect(Whimpers(gapSeconds: 0.6), Rate, options: Pool);

        Assert.True(recorder.Events.Count == 0, Describe(recorder));
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(3.0, true)]
    public void Fragments_soon_after_a_clearly_periodic_low_voice_do_not_open(double pauseSeconds, bool opens)
    {
        // A steady, strongly voiced 180 Hz voice, then the whimpers: within 2 s of it they may be that voice read on a
        // harmonic; after a longer pause they stand on their own.
        float[] whimpers = Whimpers();
        float[] signal = new SignalBuilder(Rate)
            .Silence(LeadIn)
            .Append(NonCrySynth.Tone(Rate, 180, 0.5, harmonics: 6, levelDbfs: -22))
            .Silence(pauseSeconds)
            .Append(whimpers[(int)(LeadIn * Rate)..])
            .Build();

        var recorder = Detect(signal, Rate, options: Pool);
        var noLookback = Detect(signal, Rate, options: Pool with { OpeningPoolLowVoiceLookbackSeconds = 0 });

        Assert.True(opens == recorder.Events.Any(e => e.Kind == CryEventKind.EpisodeStarted), Describe(recorder));
        // It is the low voice that holds the pool back, not the pause itself.
        Assert.Contains(noLookback.Events, e => e.Kind == CryEventKind.EpisodeStarted);
    }

    [Theory]
    [InlineData(210, 2)]
    [InlineData(240, 5)]
    [InlineData(280, 3)]
    [InlineData(320, 7)]
    public void Syllabic_speech_like_fragments_do_not_open_an_episode(double f0Hz, int seed)
    {
        // Syllables of 0.12-0.3 s with short gaps, formants that change from syllable to syllable, in phrases.
        float[] speech = new SignalBuilder(Rate).Silence(LeadIn).Append(NonCrySynth.Speech(Rate, f0Hz, 20, seed)).Silence(6).Build();

        var recorder = Detect(speech, Rate, options: Pool);

        Assert.True(recorder.Events.Count == 0, Describe(recorder));
    }

    [Fact]
    public void Pooled_opening_is_the_same_whatever_the_chunking()
    {
        float[] signal = Whimpers();
        string[] whole = Summary(Detect(signal, Rate, chunk: signal.Length, options: Pool));

        foreach (int chunk in new[] { 1, 7, 160, 48000 })
        {
            Assert.Equal(whole, Summary(Detect(signal, Rate, chunk: chunk, options: Pool)));
        }

        Assert.NotEmpty(whole);
    }

    [Fact]
    public void Pooling_whimpers_before_an_episode_allocates_nothing()
    {
        // Whimpers with no trailing quiet: the pool gathers and opens, and no episode ends (which would allocate).
        float[] signal = Whimpers()[..(int)((LeadIn + (8 * 0.27)) * Rate)];
        var detector = new CryDetector(Pool);
        var sink = new EventRecorder();
        detector.Process(signal, sink); // warm-up (JIT; the recorder's list grows once)
        detector.Reset();
        detector.Process(signal, sink);

        long fewest = Allocations.FewestWhileStreaming(detector, signal, NullSink.Instance);

        Assert.True(detector.InEpisode);
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void Pool_options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { OpeningPoolGapSeconds = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { OpeningPoolVoicingThreshold = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { OpeningPoolVoicedSeconds = 1, OpeningPoolMaxSeconds = 0.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { OpeningPoolModelThreshold = double.NaN }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { OpeningPoolMinFragments = 0 }.Validate());
    }

    private sealed class NullSink : ICryEventSink
    {
        public static readonly NullSink Instance = new();

        public void OnEvent(in CryEvent e)
        {
        }
    }

    private static string[] Summary(EventRecorder recorder) =>
        [.. recorder.Events.Select(e => $"{e.Kind} {e.Stage} {e.TimeSeconds:0.000} {e.DetectedAtSeconds:0.000}")];
}
