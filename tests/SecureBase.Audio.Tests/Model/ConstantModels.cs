using SecureBase.Audio.Detection;
using SecureBase.Audio.Model;

namespace SecureBase.Audio.Tests.Model;

/// <summary>Learned checks that give the same answer whatever they hear, so a test decides what they say.</summary>
internal static class ConstantModels
{
    /// <summary>A tree ensemble with no trees: every unit scores <paramref name="score"/>.</summary>
    public static CryTreeModel Trees(float score, float threshold = 0) => new()
    {
        Features = CryContextFeatures.Names,
        Bias = score,
        Threshold = threshold,
        TreeWeights = [],
        NodeStart = [0],
        LeafStart = [0],
        SplitFeature = [],
        SplitThreshold = [],
        Left = [],
        Right = [],
        LeafValues = [],
    };

    /// <summary>A patch network with zero weights: every patch scores σ(<paramref name="bias"/>).</summary>
    public static CryPatchModel Patch(float bias) => new()
    {
        Bands = CryPatchTrainer.Bands,
        Frames = CryPatchTrainer.Frames,
        LowHz = CryPatchTrainer.LowHz,
        HighHz = CryPatchTrainer.HighHz,
        Hidden = 1,
        InputScale = 1,
        InputWeights = new float[CryPatchTrainer.Bands * CryPatchTrainer.Frames],
        HiddenBias = [0],
        OutputWeights = [0],
        OutputBias = bias,
        Threshold = 0.5f,
    };

    /// <summary>A convolutional patch network (8 and 16 channels, as trained) with zero weights: every patch scores σ(<paramref name="bias"/>).</summary>
    public static CryPatchModel ConvPatch(float bias) => new()
    {
        Bands = CryPatchTrainer.Bands,
        Frames = CryPatchTrainer.Frames,
        TimePool = 2,
        LowHz = CryPatchTrainer.LowHz,
        HighHz = CryPatchTrainer.HighHz,
        Hidden = 0,
        InputScale = 1,
        InputWeights = [],
        HiddenBias = [],
        OutputWeights = [],
        OutputBias = 0,
        Threshold = 0.5f,
        Convolution = new PatchConvolution
        {
            Channels1 = 8,
            Channels2 = 16,
            Conv1Weights = new float[8 * 9],
            Conv1Bias = new float[8],
            Conv2Weights = new float[16 * 8 * 9],
            Conv2Bias = new float[16],
            HeadWeights = new float[16 * (CryPatchTrainer.Bands / 4) * 2],
            HeadBias = bias,
        },
    };
}
