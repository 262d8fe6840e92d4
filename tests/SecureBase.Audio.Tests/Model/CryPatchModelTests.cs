using SecureBase.Audio.Model;

namespace SecureBase.Audio.Tests.Model;

/// <summary>The patch network's forward pass, file round trip and checks, and the trainer on a problem with a known answer.</summary>
public class CryPatchModelTests
{
    /// <summary>2 bands × 2 frames → 2 hidden → 1, weights chosen so each step can be computed by hand.</summary>
    private static CryPatchModel Tiny(float threshold = 0.5f) => new()
    {
        Bands = 2,
        Frames = 2,
        LowHz = 150,
        HighHz = 3200,
        Hidden = 2,
        InputScale = 0.5f,
        InputWeights = [1, 2, 0, -1, /* unit 2 */ -1, 0, 0, 0],
        HiddenBias = [0.5f, 0.25f],
        OutputWeights = [2, -4],
        OutputBias = -1,
        Threshold = threshold,
    };

    [Fact]
    public void Forward_pass_matches_the_hand_computed_answer()
    {
        // x = [2, 1, 4, 3], scaled by 0.5 = [1, 0.5, 2, 1.5].
        // unit 1: 1·1 + 2·0.5 + 0·2 − 1·1.5 + 0.5 = 1.0 → ReLU 1.0; unit 2: −1·1 + 0.25 = −0.75 → ReLU 0.
        // output: −1 + 2·1.0 − 4·0 = 1 → σ(1) = 0.7310586.
        float p = Tiny().Probability([2, 1, 4, 3]);

        Assert.Equal(0.7310586f, p, 5);
    }

    [Fact]
    public void A_rectified_unit_contributes_nothing()
    {
        // Scaled [1, −2, 0, 0]: unit 1 = 1 − 4 + 0.5 = −2.5, unit 2 = −1 + 0.25 = −0.75; both cut to 0, the output is the bias alone, σ(−1).
        float p = Tiny().Probability([2, -4, 0, 0]);

        Assert.Equal(1 / (1 + MathF.Exp(1)), p, 5);
    }

    [Fact]
    public void A_saved_model_reads_back_with_the_same_answers()
    {
        var model = Tiny(threshold: 0.35f);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = CryPatchModel.Load(stream);

        Assert.Equal(0.35f, loaded.Threshold);
        Assert.Equal(model.Probability([2, 1, 4, 3]), loaded.Probability([2, 1, 4, 3]), 5);
        Assert.Equal(model.Probability([-1, 3, 0.5f, -2]), loaded.Probability([-1, 3, 0.5f, -2]), 5);
    }

    [Theory]
    [InlineData("{\"bands\":2}")]
    [InlineData("{\"bands\":2,\"frames\":2,\"lowHz\":150,\"highHz\":3200,\"hidden\":2,\"inputScale\":1,\"threshold\":0.5,\"outputBias\":0,\"outputWeights\":[1,1],\"hiddenBias\":[0,0],\"inputWeights\":[1,2,3]}")]
    [InlineData("{\"bands\":2,\"frames\":2,\"lowHz\":150,\"highHz\":3200,\"hidden\":2,\"inputScale\":1,\"threshold\":1.5,\"outputBias\":0,\"outputWeights\":[1,1],\"hiddenBias\":[0,0],\"inputWeights\":[1,2,3,4,5,6,7,8]}")]
    [InlineData("{\"bands\":\"two\"}")]
    public void A_broken_model_file_is_refused_with_a_clear_error(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => CryPatchModel.Load(stream));
    }

    [Fact]
    public void The_trainer_learns_a_separable_problem_and_is_reproducible()
    {
        // Cries carry a rising stripe across the patch, the others a falling one, both under noise: linearly separable
        // only through the pattern, not through the overall level (every patch has zero mean per band, like real ones).
        var training = Synthetic(400, seed: 1);
        var validation = Synthetic(200, seed: 2);
        var test = Synthetic(200, seed: 3);
        var options = new CryPatchTrainer.FitOptions(Hidden: 8, Epochs: 15, BatchSize: 32, LearningRate: 3e-3);

        var model = CryPatchTrainer.Fit(training, validation, options, seed: 7);
        var again = CryPatchTrainer.Fit(training, validation, options, seed: 7);

        double accuracy = test.Count(e => (model.Probability(e.Patch) >= 0.5) == e.Cry) / (double)test.Count;
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:0.000}");
        Assert.Equal(model.InputWeights, again.InputWeights);
        Assert.Equal(model.OutputBias, again.OutputBias);
    }

    [Fact]
    public void A_merged_model_averages_its_members_logits()
    {
        var a = Tiny();
        var b = new CryPatchModel
        {
            Bands = 2, Frames = 2, LowHz = 150, HighHz = 3200, Hidden = 1, InputScale = 0.5f, InputWeights = [0, 0, 1, 1], HiddenBias = [0],
            OutputWeights = [-1], OutputBias = 3, Threshold = 0.5f,
        };
        float[] x = [2, 1, 4, 3];
        static float Logit(float p) => MathF.Log(p / (1 - p));

        var merged = CryPatchTrainer.Merge([a, b]);

        // a: logit 1 (see above); b: 3 − (2 + 1.5) = −0.5; mean 0.25.
        Assert.Equal(3, merged.Hidden);
        Assert.Equal((Logit(a.Probability(x)) + Logit(b.Probability(x))) / 2, Logit(merged.Probability(x)), 4);
        Assert.Equal(0.25f, Logit(merged.Probability(x)), 4);
    }

    [Fact]
    public void The_threshold_is_the_highest_that_keeps_the_validation_cries()
    {
        // A model whose output is the first input (scaled): recordings' best opening patches at 0.9, 0.8, …
        var model = new CryPatchModel
        {
            Bands = 2, Frames = 1, LowHz = 150, HighHz = 3200, Hidden = 1, InputScale = 1, InputWeights = [1, 0], HiddenBias = [0],
            OutputWeights = [1], OutputBias = 0, Threshold = 0.5f,
        };
        static float Logit(double p) => (float)Math.Log(p / (1 - p));
        var validation = new List<CryPatchTrainer.Example>();
        for (int copy = 0; copy < 100; copy++)
        {
            // 100 cry recordings: one at p 0.62, the others at 0.93; an opening patch and a weaker one each.
            float best = copy == 0 ? Logit(0.62) : Logit(0.93);
            validation.Add(new([best, 0], true, "baby", copy, Opening: true));
            validation.Add(new([Logit(0.55), 0], true, "baby", copy, Opening: true));
        }

        // 99/100 = 0.99 ≥ 0.98 up to 0.9; at 0.95 no cry recording is kept.
        Assert.Equal(0.9f, CryPatchTrainer.ChooseThreshold(model, validation, null), 3);
    }

    private static List<CryPatchTrainer.Example> Synthetic(int count, int seed)
    {
        const int Bands = 6, Frames = 8;
        var random = new Random(seed);
        var examples = new List<CryPatchTrainer.Example>();
        for (int i = 0; i < count; i++)
        {
            bool cry = i % 2 == 0;
            var patch = new float[Bands * Frames];
            int offset = random.Next(3);
            for (int t = 0; t < Frames; t++)
            {
                for (int b = 0; b < Bands; b++)
                {
                    patch[(t * Bands) + b] = (float)(random.NextDouble() - 0.5);
                }

                int band = Math.Clamp((cry ? t / 2 : Bands - 1 - (t / 2)) + offset - 1, 0, Bands - 1);
                patch[(t * Bands) + band] += 3;
            }

            examples.Add(new(patch, cry, $"source-{i % 10}", i, Opening: true));
        }

        return examples;
    }
}
