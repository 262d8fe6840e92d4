using SecureBase.Audio.Model;

namespace SecureBase.Audio.Tests.Model;

/// <summary>The convolutional patch verifier: forward pass by hand, file round trip, the trainer's gradients and fit.</summary>
public class PatchConvolutionTests
{
    /// <summary>
    /// 4 bands × 8 frames → conv 2 channels → pool → conv 1 channel → pool → max and mean over time → logit. Channel 0
    /// of the first layer only reads the cell one frame earlier (band offset 1, time offset 0), channel 1 only the cell
    /// one band lower (band offset 0, time offset 1) plus 0.5; the second layer takes channel 0 minus channel 1 at the
    /// same cell.
    /// </summary>
    private static CryPatchModel Tiny(float threshold = 0.5f)
    {
        var conv1 = new float[2 * 9];
        conv1[(1 * 3) + 0] = 1;
        conv1[9 + (0 * 3) + 1] = 1;
        var conv2 = new float[1 * 2 * 9];
        conv2[4] = 1;
        conv2[9 + 4] = -1;
        return new CryPatchModel
        {
            Bands = 4,
            Frames = 8,
            LowHz = 150,
            HighHz = 3200,
            Hidden = 0,
            InputScale = 0.5f,
            InputWeights = [],
            HiddenBias = [],
            OutputWeights = [],
            OutputBias = 0,
            Threshold = threshold,
            Convolution = new PatchConvolution
            {
                Channels1 = 2,
                Channels2 = 1,
                Conv1Weights = conv1,
                Conv1Bias = [0, 0.5f],
                Conv2Weights = conv2,
                Conv2Bias = [0],
                HeadWeights = [2, -1],
                HeadBias = -1,
            },
        };
    }

    /// <summary>The tiny model's input: time-major, three non-zero cells.</summary>
    private static float[] TinyPatch()
    {
        var patch = new float[4 * 8];
        patch[(1 * 4) + 0] = 4;  // frame 1, band 0 → 2 after scaling
        patch[(4 * 4) + 3] = 2;  // frame 4, band 3 → 1
        patch[(6 * 4) + 2] = -6; // frame 6, band 2 → −3
        return patch;
    }

    [Fact]
    public void Forward_pass_matches_the_hand_computed_answer()
    {
        // Scaled x: x[b0,t1] = 2, x[b3,t4] = 1, x[b2,t6] = −3, else 0.
        // Conv1 ch0 (x one frame earlier): [b0,t2] = 2, [b3,t5] = 1, [b2,t7] = −3 → ReLU 0; else 0.
        // Conv1 ch1 (0.5 + x one band lower): [b1,t1] = 2.5, [b3,t6] = −2.5 → 0, else 0.5 (x[b3,t4] falls off the top).
        // Pool 2×2 → 2 × 4: ch0 [[0, 2, 0, 0], [0, 0, 1, 0]]; ch1 [[2.5, .5, .5, .5], [.5, .5, .5, .5]].
        // Conv2 = ch0 − ch1: [[−2.5, 1.5, −.5, −.5], [−.5, −.5, .5, −.5]] → ReLU [[0, 1.5, 0, 0], [0, 0, .5, 0]].
        // Pool 2×2 → 1 × 2: [1.5, 0.5]; max 1.5, mean 1.0; logit −1 + 2·1.5 − 1·1.0 = 1 → σ(1).
        var model = Tiny();

        float p = model.Probability(TinyPatch());

        Assert.Equal(0.7310586f, p, 5);
        Assert.Equal("conv", model.Kind);
    }

    [Fact]
    public void The_scratch_overload_gives_the_same_answer_and_time_pooling_averages_frame_pairs()
    {
        var model = Tiny();
        var scratch = new float[model.ScratchLength];
        Assert.Equal(model.Probability(TinyPatch()), model.Probability(TinyPatch(), scratch));

        // Pooled by 2 over a 16-frame patch whose frame pairs are the tiny patch's frames: same columns, same answer.
        var pooled = new CryPatchModel
        {
            Bands = 4, Frames = 16, TimePool = 2, LowHz = 150, HighHz = 3200, Hidden = 0, InputScale = 0.5f, InputWeights = [],
            HiddenBias = [], OutputWeights = [], OutputBias = 0, Threshold = 0.5f, Convolution = model.Convolution,
        };
        float[] tiny = TinyPatch();
        var doubled = new float[4 * 16];
        for (int t = 0; t < 16; t++)
        {
            tiny.AsSpan((t / 2) * 4, 4).CopyTo(doubled.AsSpan(t * 4, 4));
        }

        Assert.Equal(0.7310586f, pooled.Probability(doubled, new float[pooled.ScratchLength]), 5);
    }

    [Fact]
    public void A_saved_convolutional_model_reads_back_with_the_same_answers()
    {
        var model = Tiny(threshold: 0.35f);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = CryPatchModel.Load(stream);

        Assert.Equal("conv", loaded.Kind);
        Assert.Equal(0.35f, loaded.Threshold);
        Assert.Equal(model.Probability(TinyPatch()), loaded.Probability(TinyPatch()), 5);
        float[] other = [.. Enumerable.Range(0, 32).Select(i => MathF.Sin(i * 0.7f) * 3)];
        Assert.Equal(model.Probability(other), loaded.Probability(other), 5);
    }

    [Fact]
    public void A_dense_model_file_without_a_kind_still_loads_as_dense()
    {
        const string Json = "{\"bands\":2,\"frames\":2,\"lowHz\":150,\"highHz\":3200,\"hidden\":1,\"inputScale\":1,\"threshold\":0.5,\"outputBias\":0,\"outputWeights\":[1],\"hiddenBias\":[0],\"inputWeights\":[1,0,0,0]}";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json));

        var model = CryPatchModel.Load(stream);

        Assert.Equal("dense", model.Kind);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), model.Probability([2, 0, 0, 0]), 5);
    }

    [Theory]
    [InlineData("{\"kind\":\"lstm\",\"bands\":4}")]
    [InlineData("{\"kind\":\"conv\",\"bands\":4,\"frames\":8,\"lowHz\":150,\"highHz\":3200,\"inputScale\":1,\"threshold\":0.5,\"channels1\":1,\"channels2\":1,\"headBias\":0,\"headWeights\":[1,1],\"conv1Bias\":[0],\"conv1Weights\":[1,2,3],\"conv2Bias\":[0],\"conv2Weights\":[1,1,1,1,1,1,1,1,1]}")]
    [InlineData("{\"kind\":\"conv\",\"bands\":6,\"frames\":8,\"lowHz\":150,\"highHz\":3200,\"inputScale\":1,\"threshold\":0.5,\"channels1\":1,\"channels2\":1,\"headBias\":0,\"headWeights\":[1,1],\"conv1Bias\":[0],\"conv1Weights\":[1,1,1,1,1,1,1,1,1],\"conv2Bias\":[0],\"conv2Weights\":[1,1,1,1,1,1,1,1,1]}")]
    [InlineData("{\"kind\":\"conv\",\"bands\":4,\"frames\":8,\"lowHz\":150,\"highHz\":3200,\"inputScale\":1,\"threshold\":0.5}")]
    public void A_broken_convolutional_model_file_is_refused(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => CryPatchModel.Load(stream));
    }

    [Fact]
    public void The_backward_pass_matches_finite_differences()
    {
        // Every parameter of a small random network: the accumulated gradient against the central difference of the loss.
        const int Bands = 8, Columns = 8;
        var random = new Random(5);
        var net = new PatchConvNetwork(Bands, Columns, 3, 4, random);
        foreach (float[] p in net.Parameters)
        {
            for (int i = 0; i < p.Length; i++)
            {
                // Non-zero biases too, so that the bias gradients and both ReLU sides are exercised.
                p[i] += (float)((random.NextDouble() - 0.5) * 0.2);
            }
        }

        var x = new float[Bands * Columns];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 4) - 2);
        }

        var worker = net.NewWorker();
        worker.Zero();
        worker.Accumulate(x, label: 1, weight: 1.5f);
        float[][] analytic = [.. worker.Gradients.Select(g => (float[])g.Clone())];
        var probe = net.NewWorker();
        double Loss()
        {
            probe.Zero();
            return probe.Accumulate(x, 1, 1.5f);
        }

        // A step can cross a kink (a ReLU or a max-pool switching cells): there the two one-sided differences disagree
        // and the analytic gradient must match one of them; everywhere else it must match the central difference.
        const float Step = 1e-3f;
        static bool Close(double a, double b) => Math.Abs(a - b) <= 2e-3 + (0.02 * Math.Abs(b));
        double centre = Loss();
        int compared = 0, nonZero = 0, kinks = 0;
        for (int k = 0; k < net.Parameters.Length; k++)
        {
            float[] p = net.Parameters[k];
            for (int i = 0; i < p.Length; i++)
            {
                float keep = p[i];
                p[i] = keep + Step;
                double up = Loss();
                p[i] = keep - Step;
                double down = Loss();
                p[i] = keep;
                double central = (up - down) / (2 * Step), forward = (up - centre) / Step, backward = (centre - down) / Step;
                bool smooth = Close(forward, backward);
                kinks += smooth ? 0 : 1;
                Assert.True(smooth ? Close(analytic[k][i], central) : Close(analytic[k][i], forward) || Close(analytic[k][i], backward),
                    $"parameter array {k} index {i}: analytic {analytic[k][i]}, central {central}, one-sided {forward} / {backward}");
                compared++;
                nonZero += Math.Abs(analytic[k][i]) > 1e-4 ? 1 : 0;
            }
        }

        Assert.True(kinks < compared / 10, $"{kinks} of {compared} steps crossed a kink");
        // The check means something only if most gradients are alive (not all rectified away).
        Assert.True(nonZero > compared / 2, $"{nonZero} of {compared} gradients non-zero");
    }

    [Fact]
    public void The_trainer_learns_a_separable_problem_and_is_reproducible()
    {
        // Rising stripe (cry) against falling stripe, anywhere in the patch: the shared kernels must learn the slope.
        var training = Synthetic(400, seed: 1);
        var validation = Synthetic(200, seed: 2);
        var test = Synthetic(200, seed: 3);
        var options = new CryPatchTrainer.ConvFitOptions(Channels1: 4, Channels2: 4, Epochs: 12, BatchSize: 32, LearningRate: 3e-3, TimePool: 1, TimeShift: 1, BandShift: 0, Threads: 2);

        var model = CryPatchTrainer.FitConvolution(training, validation, options, seed: 7, bands: 8);
        var again = CryPatchTrainer.FitConvolution(training, validation, options, seed: 7, bands: 8);

        double accuracy = test.Count(e => (model.Probability(e.Patch) >= 0.5) == e.Cry) / (double)test.Count;
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:0.000}");
        Assert.Equal(model.Convolution!.Conv2Weights, again.Convolution!.Conv2Weights);
        Assert.Equal(model.Convolution.HeadBias, again.Convolution.HeadBias);
    }

    [Fact]
    public void Shifting_repeats_the_edges()
    {
        // 2 bands × 3 columns: [[1, 2, 3], [4, 5, 6]] one column later and one band higher.
        float[] x = [1, 2, 3, 4, 5, 6];
        var into = new float[6];

        CryPatchTrainer.Shift(x, 2, 3, bandShift: 1, timeShift: 1, into);

        Assert.Equal([1, 1, 2, 1, 1, 2], into);
    }

    private static List<CryPatchTrainer.Example> Synthetic(int count, int seed)
    {
        const int Bands = 8, Frames = 8;
        var random = new Random(seed);
        var examples = new List<CryPatchTrainer.Example>();
        for (int i = 0; i < count; i++)
        {
            bool cry = i % 2 == 0;
            var patch = new float[Bands * Frames];
            int offset = random.Next(4);
            int start = random.Next(3);
            for (int t = 0; t < Frames; t++)
            {
                for (int b = 0; b < Bands; b++)
                {
                    patch[(t * Bands) + b] = (float)(random.NextDouble() - 0.5);
                }

                if (t >= start && t < start + 4)
                {
                    int band = Math.Clamp(cry ? offset + (t - start) : offset + 3 - (t - start), 0, Bands - 1);
                    patch[(t * Bands) + band] += 3;
                }
            }

            examples.Add(new(patch, cry, $"source-{i % 10}", i, Opening: true));
        }

        return examples;
    }
}
