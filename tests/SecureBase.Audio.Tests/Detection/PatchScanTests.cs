using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Tests.Model;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>
/// The scanning opening path (session 8, <see cref="CryDetectorOptions.UsePatchScan"/>): loud sound with no voiced unit
/// at all opens an episode when, and only when, the patch model says cry on enough scanned patches in a row; the
/// episode starts where the loud run started.
/// </summary>
public class PatchScanTests
{
    private const int Rate = 16000;

    /// <summary>2 s of a quiet room, then noise bursts (no pitch: the unit path can never open on them) with gaps.</summary>
    private static float[] Bursts(params (double Seconds, double GapAfter)[] bursts)
    {
        var builder = new SignalBuilder(Rate).Silence(2);
        int seed = 1;
        foreach (var (seconds, gapAfter) in bursts)
        {
            float[] burst = NoiseGenerator.White((int)(seconds * Rate), seed++);
            for (int i = 0; i < burst.Length; i++)
            {
                burst[i] *= 0.03f;
            }

            builder.Append(burst).Silence(gapAfter);
        }

        return builder.Silence(6).AddNoise(NoiseGenerator.Pink(Rate * 4, 99), -75).Build();
    }

    private static CryDetectorOptions Scan(float bias) => new() { UsePatchScan = true, PatchModel = ConstantModels.Patch(bias) };

    [Fact]
    public void Loud_sound_the_patch_calls_a_cry_opens_an_episode_at_its_start()
    {
        var heard = Detect(Bursts((1.5, 0)), Rate, options: Scan(20));

        var started = Assert.Single(heard.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.InRange(started.TimeSeconds, 1.95, 2.05);
        // Loud for 0.3 s, then two answers 0.05 s apart.
        Assert.InRange(started.DetectedAtSeconds - started.TimeSeconds, 0.3, 0.45);
    }

    [Fact]
    public void Without_the_scan_or_with_a_patch_that_says_no_the_same_sound_opens_nothing()
    {
        var unscanned = Detect(Bursts((1.5, 0)), Rate, options: new CryDetectorOptions { PatchModel = ConstantModels.Patch(20) });
        var refused = Detect(Bursts((1.5, 0)), Rate, options: Scan(-20));

        Assert.True(unscanned.Events.Count == 0, Describe(unscanned));
        Assert.True(refused.Events.Count == 0, Describe(refused));
    }

    [Fact]
    public void The_scan_threshold_and_the_answers_in_a_row_are_both_needed()
    {
        // σ(0) = 0.5 on every patch.
        var under = Detect(Bursts((1.5, 0)), Rate, options: Scan(0) with { PatchScanThreshold = 0.6 });
        var over = Detect(Bursts((1.5, 0)), Rate, options: Scan(0) with { PatchScanThreshold = 0.4 });
        // A 0.35 s burst is heard loud for ~0.4 s (a frame is 32 ms long): asked three times, not five.
        var tooShortForFive = Detect(Bursts((0.35, 0)), Rate, options: Scan(20) with { PatchScanConsecutive = 5 });
        var longEnoughForTwo = Detect(Bursts((0.35, 0)), Rate, options: Scan(20));

        Assert.Empty(under.Events);
        Assert.Contains(over.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.True(tooShortForFive.Events.Count == 0, Describe(tooShortForFive));
        Assert.Contains(longEnoughForTwo.Events, e => e.Kind == CryEventKind.EpisodeStarted);
    }

    [Fact]
    public void A_catch_of_breath_continues_the_loud_run_and_a_longer_silence_ends_it()
    {
        // Two 0.15 s bursts (each heard loud for ~0.2 s: a frame is 32 ms long): 0.1 s apart they make one run loud
        // long enough to be asked twice; 0.4 s apart, neither lasts the 0.3 s a run needs before the first question.
        var joined = Detect(Bursts((0.15, 0.1), (0.15, 0)), Rate, options: Scan(20));
        var apart = Detect(Bursts((0.15, 0.4), (0.15, 0)), Rate, options: Scan(20));

        var started = Assert.Single(joined.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.InRange(started.TimeSeconds, 1.95, 2.05);
        Assert.True(apart.Events.Count == 0, Describe(apart));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scanning_loud_sound_allocates_nothing(bool convolutional)
    {
        // A refusing model keeps the detector scanning every 50 ms of the burst: the scan's costliest steady state.
        float[] signal = Bursts((3, 0));
        var options = convolutional ? Scan(-20) with { PatchModel = ConstantModels.ConvPatch(-20) } : Scan(-20);
        var detector = new CryDetector(options with { SampleRate = Rate });
        var sink = new EventRecorder();
        detector.Process(signal, sink);

        long fewest = Allocations.FewestWhileStreaming(detector, signal, sink);

        Assert.Empty(sink.Events);
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void A_convolutional_model_can_open_by_scanning()
    {
        var heard = Detect(Bursts((1.5, 0)), Rate, options: Scan(20) with { PatchModel = ConstantModels.ConvPatch(20) });
        var refused = Detect(Bursts((1.5, 0)), Rate, options: Scan(20) with { PatchModel = ConstantModels.ConvPatch(-20) });

        Assert.Single(heard.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.True(refused.Events.Count == 0, Describe(refused));
    }

    [Fact]
    public void Scan_settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchScanThreshold = 1.2 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchScanConsecutive = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchScanEverySeconds = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchScanMinLoudSeconds = double.NaN }.Validate());
    }
}
