using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;
using SecureBase.Audio.Tests.Model;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>
/// The patch verifier (session 6): with <see cref="CryDetectorOptions.UsePatchModel"/> a unit opens an episode only
/// if the patch model agrees; it has no say inside an open episode, and it costs no allocation.
/// </summary>
public class PatchVerifierTests
{
    private const int Rate = 16000;

    private static float[] Cry() => new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, 450, count: 4, unitSeconds: 1.0, pauseSeconds: 0.4)).Silence(6).Build();

    [Fact]
    public void A_patch_that_says_cry_changes_nothing()
    {
        var plain = Detect(Cry(), Rate);
        var verified = Detect(Cry(), Rate, options: new CryDetectorOptions { PatchModel = ConstantModels.Patch(20) });

        Assert.NotEmpty(plain.Events);
        Assert.Equal(Describe(plain), Describe(verified));
    }

    [Fact]
    public void A_patch_that_says_no_keeps_the_episode_closed()
    {
        var refused = Detect(Cry(), Rate, options: new CryDetectorOptions { PatchModel = ConstantModels.Patch(-20) });

        Assert.True(refused.Events.Count == 0, Describe(refused));
    }

    [Fact]
    public void The_threshold_option_decides_against_the_model_probability()
    {
        // σ(0) = 0.5: opens at a threshold of 0.4, not at 0.6.
        var low = Detect(Cry(), Rate, options: new CryDetectorOptions { PatchModel = ConstantModels.Patch(0), PatchThreshold = 0.4 });
        var high = Detect(Cry(), Rate, options: new CryDetectorOptions { PatchModel = ConstantModels.Patch(0), PatchThreshold = 0.6 });

        Assert.Contains(low.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.Empty(high.Events);
    }

    [Fact]
    public void The_patch_at_the_opening_moment_holds_the_cry()
    {
        // The training hook sees the patch the model would see: the last 0.64 s, ending at the frame being judged.
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = Rate });
        float loudestSpread = 0;
        int calls = 0;
        detector.PatchObserver = (patch, now) =>
        {
            calls++;
            loudestSpread = Math.Max(loudestSpread, patch.Max() - patch.Min());
            return true;
        };
        var sink = new EventRecorder();
        detector.Process(Cry(), sink);
        detector.Flush(sink);

        Assert.Equal(1, calls);
        Assert.True(loudestSpread > 2, $"a cry onset against quiet should span several nats, got {loudestSpread}");
        Assert.Single(sink.Events, e => e.Kind == CryEventKind.EpisodeStarted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Judging_patches_before_an_episode_allocates_nothing(bool convolutional)
    {
        // The refusing model makes every frame of every unit a new opening moment: the costliest path, repeated. A
        // convolutional model's activations live in the detector's preallocated scratch.
        float[] signal = Cry();
        var model = convolutional ? ConstantModels.ConvPatch(-20) : ConstantModels.Patch(-20);
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = Rate, PatchModel = model });
        var sink = new EventRecorder();
        detector.Process(signal, sink);

        long fewest = Allocations.FewestWhileStreaming(detector, signal, sink);

        Assert.Empty(sink.Events);
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void A_convolutional_model_that_says_cry_lets_the_cry_open()
    {
        var sink = new EventRecorder();
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = Rate, PatchModel = ConstantModels.ConvPatch(20) });
        detector.Process(Cry(), sink);
        detector.Flush(sink);

        Assert.Contains(sink.Events, e => e.Kind == CryEventKind.EpisodeStarted);
    }

    [Fact]
    public void With_the_shipped_patch_model_events_do_not_depend_on_the_chunk_size()
    {
        // Two episodes of a breathy synthetic cry (the shipped model says cry to it), the pool and 0.15 s confirmation
        // on: the ring holds exactly the frames analysed, so the patch, and the decision, are the same for any chunking.
        var options = new CryDetectorOptions { UsePatchModel = true, UseOpeningPool = true, MinUnitSeconds = 0.15 };
        float[] signal = new SignalBuilder(Rate).Append(Analysis.SyntheticCry.Make(Rate, 1.3, 3, 1.0, 0.4, 450, 7))
            .Append(Analysis.SyntheticCry.Make(Rate, 0.5, 4, 0.6, 0.5, 520, 6, seed: 2)).Build();

        var reference = Detect(signal, Rate, chunk: 160, options: options);
        Assert.True(reference.Events.Count(e => e.Kind == CryEventKind.EpisodeStarted) == 2, Describe(reference));
        foreach (int chunk in new[] { 1, 7, 48000, signal.Length })
        {
            Assert.Equal(Describe(reference), Describe(Detect(signal, Rate, chunk, options)));
        }
    }

    [Fact]
    public void The_shipped_patch_model_loads_and_reads_its_own_shape()
    {
        var model = CryPatchModel.Shipped;

        Assert.NotNull(model);
        Assert.Equal(CryPatchTrainer.Bands, model.Bands);
        Assert.InRange(model.Threshold, 0.05f, 0.95f);
        Assert.Equal(model.Hidden * model.InputCount, model.InputWeights.Length);
    }

    [Fact]
    public void A_patch_threshold_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchThreshold = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchThreshold = double.NaN }.Validate());
    }
}
