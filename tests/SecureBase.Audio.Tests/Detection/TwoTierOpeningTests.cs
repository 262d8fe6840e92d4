using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;
using SecureBase.Audio.Tests.Model;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>
/// The two-tier opening (session 7): a unit whose tree score is under <see cref="CryDetectorOptions.TreeConfidentScore"/>
/// opens nothing alone; a second passing unit within <see cref="CryDetectorOptions.DoubtfulUnitWindowSeconds"/> of its
/// end opens the episode, dated at the first unit. The trees here are a constant score, so every unit of the synthetic
/// cry is doubtful (score 0.5) or confident (score 2) against a confident score of 1 and a threshold of 0.
/// </summary>
public class TwoTierOpeningTests
{
    private const int Rate = 16000;
    private const double Lead = 2;

    private static CryDetectorOptions Tiers(float score, double windowSeconds = 2) => new()
    {
        UseTreeModel = true,
        TreeModel = ConstantModels.Trees(score),
        TreeConfidentScore = 1,
        DoubtfulUnitWindowSeconds = windowSeconds,
    };

    private static float[] Cry(int units, double pauseSeconds) =>
        new SignalBuilder(Rate).Silence(Lead).Append(CrySynth.Units(Rate, 450, units, unitSeconds: 1.0, pauseSeconds)).Silence(7).Build();

    [Fact]
    public void One_doubtful_unit_alone_opens_nothing()
    {
        float[] one = Cry(1, 0);

        // The unit passes every check: without the rule, or with a confident score, it opens an episode.
        Assert.Single(Detect(one, Rate, options: Tiers(0.5f) with { TreeConfidentScore = null }).Episodes);
        Assert.Single(Detect(one, Rate, options: Tiers(2)).Episodes);
        var doubtful = Detect(one, Rate, options: Tiers(0.5f));
        Assert.True(doubtful.Events.Count == 0, Describe(doubtful));
    }

    [Fact]
    public void Two_doubtful_units_in_a_row_open_one_episode_starting_at_the_first()
    {
        float[] two = Cry(2, pauseSeconds: 0.4);
        var plain = Detect(two, Rate, options: Tiers(0.5f) with { TreeConfidentScore = null });
        var tiered = Detect(two, Rate, options: Tiers(0.5f));

        var plainStart = Assert.Single(plain.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        var tieredStart = Assert.Single(tiered.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.InRange(tieredStart.TimeSeconds, Lead - 0.05, Lead + 0.05);
        Assert.Equal(plainStart.TimeSeconds, tieredStart.TimeSeconds, 9);

        // Only the detection time moves: from the first unit's confirmation (~0.2 s in) to the second unit's.
        Assert.InRange(plainStart.DetectedAtSeconds, Lead, Lead + 0.5);
        Assert.InRange(tieredStart.DetectedAtSeconds, Lead + 1.4, Lead + 1.9);

        // The same events at the same times (stages included), and one episode holding both units.
        Assert.Equal(plain.Events.Select(e => (e.Kind, e.Stage, Math.Round(e.TimeSeconds, 6))), tiered.Events.Select(e => (e.Kind, e.Stage, Math.Round(e.TimeSeconds, 6))));
        var plainEpisode = Assert.Single(plain.Episodes);
        var episode = Assert.Single(tiered.Episodes);
        Assert.Equal(2, episode.Features.UnitCount);
        Assert.Equal(plainEpisode.EndSeconds, episode.EndSeconds, 9);
        Assert.Equal(CryStage.Crying, episode.PeakStage);
    }

    [Fact]
    public void A_second_unit_after_the_window_does_not_count()
    {
        float[] apart = Cry(2, pauseSeconds: 3);

        var narrow = Detect(apart, Rate, options: Tiers(0.5f, windowSeconds: 1));
        Assert.True(narrow.Events.Count == 0, Describe(narrow));

        var wide = Detect(apart, Rate, options: Tiers(0.5f, windowSeconds: 4));
        var start = Assert.Single(wide.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.InRange(start.TimeSeconds, Lead - 0.05, Lead + 0.05);
        Assert.InRange(start.DetectedAtSeconds, Lead + 4, Lead + 4.5);
    }

    [Fact]
    public void A_confident_unit_opens_at_once_as_without_the_rule()
    {
        float[] cry = Cry(3, pauseSeconds: 0.4);

        Assert.Equal(
            Describe(Detect(cry, Rate, options: Tiers(2) with { TreeConfidentScore = null })),
            Describe(Detect(cry, Rate, options: Tiers(2))));
    }

    [Fact]
    public void A_doubtful_unit_that_climbs_to_the_confident_score_opens_unless_told_otherwise()
    {
        // A tree that scores a unit 0.5 (doubtful) until it has lasted 0.5 s, then 2 (confident): one long unit.
        var climbing = new CryTreeModel
        {
            Features = CryContextFeatures.Names,
            Bias = 0,
            Threshold = 0,
            TreeWeights = [1],
            NodeStart = [0, 1],
            LeafStart = [0, 2],
            SplitFeature = [Array.IndexOf(CryContextFeatures.Names.ToArray(), "duration")],
            SplitThreshold = [0.5f],
            Left = [~0],
            Right = [~1],
            LeafValues = [0.5f, 2],
        };
        float[] one = Cry(1, 0);
        var options = Tiers(0) with { TreeModel = climbing };

        Assert.Empty(Detect(one, Rate, options: options with { RescoreDoubtfulUnit = false }).Events);
        var rescored = Detect(one, Rate, options: options);
        var start = Assert.Single(rescored.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.InRange(start.DetectedAtSeconds, Lead + 0.5, Lead + 0.6);
    }

    [Fact]
    public void The_patch_model_judges_doubtful_units_only()
    {
        float[] one = Cry(1, 0);
        var yes = Tiers(0.5f) with { PatchModel = ConstantModels.Patch(20), DoubtfulOpening = DoubtfulOpening.Patch };
        var no = yes with { PatchModel = ConstantModels.Patch(-20) };

        // A doubtful unit the patch accepts opens at once, alone; one it refuses opens nothing.
        var accepted = Detect(one, Rate, options: yes);
        var start = Assert.Single(accepted.Events, e => e.Kind == CryEventKind.EpisodeStarted);
        Assert.InRange(start.DetectedAtSeconds, Lead, Lead + 0.5);
        Assert.Empty(Detect(one, Rate, options: no).Events);

        // A confident unit is not asked: the refusing patch changes nothing.
        Assert.Single(Detect(one, Rate, options: no with { TreeModel = ConstantModels.Trees(2) }).Episodes);

        // Refused by the patch, a doubtful unit may still open with a second one when the mode allows it.
        float[] two = Cry(2, pauseSeconds: 0.4);
        Assert.Empty(Detect(two, Rate, options: no).Events);
        Assert.Single(Detect(two, Rate, options: no with { DoubtfulOpening = DoubtfulOpening.PatchOrSecondUnit }).Episodes);
    }

    [Fact]
    public void With_a_second_unit_needed_the_patch_still_verifies_every_opening()
    {
        float[] two = Cry(2, pauseSeconds: 0.4);
        var yes = Tiers(0.5f) with { PatchModel = ConstantModels.Patch(20) };
        var no = yes with { PatchModel = ConstantModels.Patch(-20) };

        var both = Assert.Single(Detect(two, Rate, options: yes).Episodes);
        Assert.InRange(both.StartSeconds, Lead - 0.05, Lead + 0.05);
        Assert.Empty(Detect(two, Rate, options: no).Events);
        Assert.Empty(Detect(two, Rate, options: no with { TreeModel = ConstantModels.Trees(2) }).Events);
    }

    [Fact]
    public void Holding_doubtful_units_allocates_nothing()
    {
        // Doubtful units too far apart to open anything: every unit is judged, held, then dropped.
        float[] signal = Cry(4, pauseSeconds: 1.5);
        var detector = new CryDetector(Tiers(0.5f, windowSeconds: 1) with { SampleRate = Rate });
        detector.Process(signal, new EventRecorder()); // warm-up (JIT)

        long fewest = Allocations.FewestWhileStreaming(detector, signal, new EventRecorder());

        Assert.False(detector.InEpisode);
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void Out_of_range_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { DoubtfulUnitWindowSeconds = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { TreeConfidentScore = double.NaN }.Validate());
        new CryDetectorOptions { TreeConfidentScore = 3, DoubtfulUnitWindowSeconds = 1.5 }.Validate();
    }
}
