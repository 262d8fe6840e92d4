using SecureBase.Audio.Detection;
using SecureBase.Audio.Tests.Model;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>
/// The trees and the patch weighed together (session 8, <see cref="CryDetectorOptions.PatchWeightWithTrees"/>): a unit
/// opens when tree margin + weight × patch logit margin ≥ 0. Both models are constants here: a tree score of ±1 against
/// a threshold of 0, and a patch of probability σ(±20) (its logit clamps at ±13.8) against a patch threshold of 0.5.
/// </summary>
public class TreesAndPatchTests
{
    private const int Rate = 16000;

    private static float[] Cry() => new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, 450, count: 3, unitSeconds: 1.0, pauseSeconds: 0.4)).Silence(6).Build();

    private static CryDetectorOptions Both(float treeScore, float patchBias, double? weight) => new()
    {
        UseTreeModel = true,
        TreeModel = ConstantModels.Trees(treeScore),
        PatchModel = ConstantModels.Patch(patchBias),
        PatchThreshold = 0.5,
        PatchWeightWithTrees = weight,
    };

    [Fact]
    public void A_sure_patch_outvotes_doubtful_trees_only_when_it_weighs_enough()
    {
        // Asked in turn, the trees refuse; weighed, −1 + 0.1 × 13.8 ≥ 0 opens and −1 + 0.05 × 13.8 < 0 does not.
        var inTurn = Detect(Cry(), Rate, options: Both(-1, 20, weight: null));
        var heavy = Detect(Cry(), Rate, options: Both(-1, 20, weight: 0.1));
        var light = Detect(Cry(), Rate, options: Both(-1, 20, weight: 0.05));

        Assert.True(inTurn.Events.Count == 0, Describe(inTurn));
        Assert.Single(heavy.Episodes);
        Assert.True(light.Events.Count == 0, Describe(light));
    }

    [Fact]
    public void Sure_trees_outvote_a_doubtful_patch_only_when_it_weighs_little()
    {
        var inTurn = Detect(Cry(), Rate, options: Both(1, -20, weight: null));
        var light = Detect(Cry(), Rate, options: Both(1, -20, weight: 0.05));
        var heavy = Detect(Cry(), Rate, options: Both(1, -20, weight: 0.1));

        Assert.True(inTurn.Events.Count == 0, Describe(inTurn));
        Assert.Single(light.Episodes);
        Assert.True(heavy.Events.Count == 0, Describe(heavy));
    }

    [Fact]
    public void Agreeing_models_open_at_the_same_moment_as_when_asked_in_turn()
    {
        var inTurn = Detect(Cry(), Rate, options: Both(1, 20, weight: null));
        var weighed = Detect(Cry(), Rate, options: Both(1, 20, weight: 1));

        Assert.Single(inTurn.Episodes);
        Assert.Equal(Describe(inTurn), Describe(weighed));
    }

    [Fact]
    public void A_convolutional_patch_weighs_in_the_same_way()
    {
        var options = Both(-1, 20, weight: 0.1) with { PatchModel = ConstantModels.ConvPatch(20) };
        var refusing = Both(-1, 20, weight: 0.1) with { PatchModel = ConstantModels.ConvPatch(-20) };

        Assert.Single(Detect(Cry(), Rate, options: options).Episodes);
        Assert.Empty(Detect(Cry(), Rate, options: refusing).Events);
    }

    [Fact]
    public void A_weight_out_of_range_or_without_both_models_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchWeightWithTrees = -1 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchWeightWithTrees = double.NaN }.Validate());

        // Without both models there is nothing to weigh: said plainly rather than ignored.
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { PatchWeightWithTrees = 1 }.Validate());
        Assert.Throws<ArgumentException>(() => (Both(1, 20, weight: 1) with { UseTreeModel = false }).Validate());
        Both(1, 20, weight: 1).Validate();
    }
}
