using System.Globalization;

namespace SecureBase.Audio.Model;

/// <summary>The convolutional verifier's fit (session 8): the same examples, weights, validation and threshold rule as the dense one.</summary>
public static partial class CryPatchTrainer
{
    /// <summary>Hyper-parameters of <see cref="FitConvolution"/>.</summary>
    /// <param name="Channels1">Channels of the first 3 × 3 convolution.</param>
    /// <param name="Channels2">Channels of the second.</param>
    /// <param name="Epochs">Most passes over the training examples.</param>
    /// <param name="BatchSize">Examples per Adam step.</param>
    /// <param name="LearningRate">Adam step size.</param>
    /// <param name="L2">Penalty on the squared weights (not the biases), per example.</param>
    /// <param name="Patience">Epochs without a better validation loss before stopping.</param>
    /// <param name="TimePool">Frames averaged into one input column (must leave a multiple of 4 columns).</param>
    /// <param name="TimeShift">Augmentation: each training patch is shifted by up to this many columns either way (edge columns repeated).</param>
    /// <param name="BandShift">Augmentation: and by up to this many bands (about a sixth of an octave each near 500 Hz: a pitch change; edge bands repeated).</param>
    /// <param name="Threads">Minibatch shards run in parallel; gradients are summed in shard order, so the result does not depend on scheduling.</param>
    /// <param name="OpeningWeight">
    /// Patches taken where a unit would open count this many times (within their class and source): the verifier is
    /// asked only there, and the non-cry ones are few (one in twenty non-cry patches) and the hardest.
    /// </param>
    public sealed record ConvFitOptions(int Channels1 = 8, int Channels2 = 16, int Epochs = 20, int BatchSize = 64, double LearningRate = 1e-3, double L2 = 1e-4,
        int Patience = 3, int TimePool = 2, int TimeShift = 3, int BandShift = 1, int Threads = 1, double OpeningWeight = 1);

    /// <summary>
    /// Fits the convolutional network (<see cref="PatchConvolution"/>) on <paramref name="training"/>, stopping early on
    /// the weighted validation loss and keeping the best epoch; weights as <see cref="Fit"/> (class-balanced,
    /// 1/√(patches of the source)). Deterministic for a given seed and thread count.
    /// </summary>
    /// <param name="training">Training patches.</param>
    /// <param name="validation">Held-back patches (early stopping).</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <param name="seed">Seed for the initial weights, the minibatch order and the shifts.</param>
    /// <param name="log">Receives a line per epoch.</param>
    /// <param name="bands">Mel bands of the patches (a multiple of 4).</param>
    public static CryPatchModel FitConvolution(IReadOnlyList<Example> training, IReadOnlyList<Example> validation, ConvFitOptions options, int seed, TextWriter? log = null, int bands = Bands)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        if (!training.Any(e => e.Cry) || !training.Any(e => !e.Cry))
        {
            throw new InvalidOperationException("Training needs patches of both cry and non-cry recordings.");
        }

        int frames = training[0].Patch.Length / bands;
        int columns = frames / options.TimePool;
        float inputScale = InputScale(training);
        float[][] trainInputs = BandMajor(training, bands, options.TimePool, inputScale);
        float[][] validationInputs = BandMajor(validation, bands, options.TimePool, inputScale);
        float[] trainWeights = Weights(training, options.OpeningWeight);
        float[] validationWeights = Weights(validation, options.OpeningWeight);
        bool canValidate = validation.Any(e => e.Cry) && validation.Any(e => !e.Cry);

        var random = new Random(seed);
        var net = new PatchConvNetwork(bands, columns, options.Channels1, options.Channels2, random);
        int threads = Math.Max(1, options.Threads);
        var workers = Enumerable.Range(0, threads).Select(_ => net.NewWorker()).ToArray();
        var shifted = Enumerable.Range(0, threads).Select(_ => new float[bands * columns]).ToArray();
        var best = net.Clone();
        double bestLoss = double.PositiveInfinity;
        int sinceBest = 0;
        int[] order = [.. Enumerable.Range(0, training.Count)];
        var timeShifts = new int[options.BatchSize];
        var bandShifts = new int[options.BatchSize];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double trainLoss = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int end = Math.Min(order.Length, start + options.BatchSize);
                for (int k = 0; k < end - start; k++)
                {
                    timeShifts[k] = random.Next(-options.TimeShift, options.TimeShift + 1);
                    bandShifts[k] = random.Next(-options.BandShift, options.BandShift + 1);
                }

                int shard = (end - start + threads - 1) / threads;
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
                {
                    PatchConvNetwork.Worker worker = workers[w];
                    worker.Zero();
                    for (int k = start + (w * shard); k < Math.Min(end, start + ((w + 1) * shard)); k++)
                    {
                        int i = order[k];
                        Shift(trainInputs[i], bands, columns, bandShifts[k - start], timeShifts[k - start], shifted[w]);
                        worker.Accumulate(shifted[w], training[i].Cry ? 1 : 0, trainWeights[i]);
                    }
                });
                foreach (PatchConvNetwork.Worker worker in workers)
                {
                    trainLoss += worker.Loss;
                }

                net.AdamStep(workers, options.LearningRate, options.L2, end - start);
            }

            double validationLoss = canValidate ? ConvLoss(workers, validation, validationInputs, validationWeights) : trainLoss / order.Length;
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}: training loss {trainLoss / order.Length:0.0000}, validation loss {validationLoss:0.0000}"));
            if (validationLoss < bestLoss - 1e-5)
            {
                bestLoss = validationLoss;
                best = net.Clone();
                sinceBest = 0;
            }
            else if (++sinceBest >= options.Patience)
            {
                break;
            }
        }

        return new CryPatchModel
        {
            Bands = bands,
            Frames = frames,
            TimePool = options.TimePool,
            LowHz = LowHz,
            HighHz = HighHz,
            Hidden = 0,
            InputScale = inputScale,
            InputWeights = [],
            HiddenBias = [],
            OutputWeights = [],
            OutputBias = 0,
            Threshold = 0.5f,
            Convolution = best.ToConvolution(),
        }.Check();
    }

    /// <summary>
    /// Copies a band-major input moved by <paramref name="bandShift"/> bands and <paramref name="timeShift"/> columns
    /// (positive = later / higher), repeating the edge rows and columns into the gap.
    /// </summary>
    internal static void Shift(ReadOnlySpan<float> x, int bands, int columns, int bandShift, int timeShift, Span<float> into)
    {
        for (int b = 0; b < bands; b++)
        {
            int from = Math.Clamp(b - bandShift, 0, bands - 1);
            ReadOnlySpan<float> row = x.Slice(from * columns, columns);
            Span<float> target = into.Slice(b * columns, columns);
            for (int t = 0; t < columns; t++)
            {
                target[t] = row[Math.Clamp(t - timeShift, 0, columns - 1)];
            }
        }
    }

    /// <summary>1 / root mean square of every training value: standardises the inputs.</summary>
    private static float InputScale(IReadOnlyList<Example> training)
    {
        double sumSquares = 0;
        long count = 0;
        foreach (Example e in training)
        {
            foreach (float v in e.Patch)
            {
                sumSquares += v * v;
            }

            count += e.Patch.Length;
        }

        return (float)(1 / Math.Max(Math.Sqrt(sumSquares / count), 1e-6));
    }

    private static float[][] BandMajor(IReadOnlyList<Example> examples, int bands, int pool, float scale)
    {
        int columns = examples.Count == 0 ? 0 : examples[0].Patch.Length / bands / pool;
        var pooled = new float[bands * columns];
        var result = new float[examples.Count][];
        for (int i = 0; i < examples.Count; i++)
        {
            CryPatchModel.Pool(examples[i].Patch, pooled, bands, pool);
            result[i] = new float[bands * columns];
            PatchConvolution.Transpose(pooled, bands, columns, scale, result[i]);
        }

        return result;
    }

    private static double ConvLoss(PatchConvNetwork.Worker[] workers, IReadOnlyList<Example> examples, float[][] inputs, float[] weights)
    {
        int threads = workers.Length;
        int shard = (examples.Count + threads - 1) / threads;
        var sums = new double[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
        {
            double loss = 0;
            for (int i = w * shard; i < Math.Min(examples.Count, (w + 1) * shard); i++)
            {
                float logit = workers[w].Logit(inputs[i]);
                float label = examples[i].Cry ? 1 : 0;
                loss += weights[i] * (Math.Max(logit, 0) - (logit * label) + Math.Log(1 + Math.Exp(-Math.Abs(logit))));
            }

            sums[w] = loss;
        });
        return sums.Sum() / Math.Max(1, examples.Count);
    }
}
