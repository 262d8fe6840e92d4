using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

namespace SecureBase.Audio.Model;

/// <summary>
/// Builds the <see cref="CryPatchModel"/> reproducibly. Runs the detector (defaults) over the training part of the data
/// (Donate-a-cry training babies; non-cry training sources), clean and through random channels (low-pass 1.5-3 kHz,
/// high-pass 300-600 Hz, a bright tilt) with pink noise at 5-20 dB, and takes log-mel patches (1) at every moment a
/// unit would open an episode (what the verifier will be asked) and (2) at random loud moments (cry frames in the
/// cries, any loud frame in the negatives). One training source in five (by a hash of the baby or source) is held
/// back for validation: it chooses the number of epochs (early stopping) and the decision threshold. The network is
/// fitted by <see cref="Fit"/>: minibatch Adam on a source- and class-weighted logistic loss with L2.
/// </summary>
public static partial class CryPatchTrainer
{
    /// <summary>Mel bands of the patch.</summary>
    public const int Bands = 24;

    /// <summary>Frames of the patch (10 ms apart: 0.64 s).</summary>
    public const int Frames = 64;

    /// <summary>Lower edge of the mel bands, in Hz.</summary>
    public const float LowHz = 150;

    /// <summary>Upper edge of the mel bands, in Hz (the decimator's roll-off differs by input rate above ~3.2 kHz; see the spectral gate).</summary>
    public const float HighHz = 3200;

    /// <summary>Share of the validation cries (recordings × channel copies) that must still open at the chosen threshold.</summary>
    public const double ValidationCryCoverage = 0.98;

    /// <summary>Hyper-parameters of <see cref="Fit"/>.</summary>
    /// <param name="Hidden">Hidden units.</param>
    /// <param name="Epochs">Most passes over the training examples.</param>
    /// <param name="BatchSize">Examples per Adam step.</param>
    /// <param name="LearningRate">Adam step size.</param>
    /// <param name="L2">Penalty on the squared weights (not the biases), per example.</param>
    /// <param name="Patience">Epochs without a better validation loss before stopping.</param>
    /// <param name="TimePool">Frames averaged into one input column (<see cref="CryPatchModel.TimePool"/>).</param>
    /// <param name="Members">
    /// Networks fitted with different seeds and averaged (their logits); stored as one wider network, so inference is
    /// unchanged. Averaging lowers the variance a single small network shows on sources it never saw.
    /// </param>
    /// <remarks>
    /// The defaults are the shipped model's (docs/cry-engine.md, "Session 6: patch"): chosen on the validation sources
    /// among full-resolution and pooled inputs, 16-32 hidden units and L2 1e-4 to 1e-2.
    /// </remarks>
    public sealed record FitOptions(int Hidden = 32, int Epochs = 30, int BatchSize = 64, double LearningRate = 3e-4, double L2 = 3e-3, int Patience = 4, int TimePool = 2, int Members = 3);

    /// <summary>One training patch.</summary>
    /// <param name="Patch">The normalised patch (<see cref="Bands"/> × <see cref="Frames"/>, time-major).</param>
    /// <param name="Cry">True for a cry recording.</param>
    /// <param name="Source">Baby or non-cry source (weighting and validation split).</param>
    /// <param name="Copy">Recording and channel copy it came from (threshold choice counts recordings, not patches).</param>
    /// <param name="Opening">True when taken at a moment a unit would open an episode.</param>
    public sealed record Example(float[] Patch, bool Cry, string Source, int Copy, bool Opening);

    /// <summary>Collects the examples, trains, chooses the threshold and writes the model.</summary>
    /// <param name="positivesDir">Cry recordings (Donate-a-cry layout; held-out babies are skipped).</param>
    /// <param name="negativesDir">Non-cry folders separated by <see cref="Path.PathSeparator"/>; held-out sources are skipped.</param>
    /// <param name="outputPath">Where to write the JSON model.</param>
    /// <param name="seed">Seed for the augmentation, the initial weights and the minibatch order.</param>
    /// <param name="log">Receives progress lines.</param>
    /// <param name="fit">Hyper-parameters; null for the defaults.</param>
    /// <param name="cachePath">Optional file for the collected patches: read when it exists, written otherwise (tuning the fit without collecting again).</param>
    /// <param name="threshold">The decision threshold to write; null to choose it on the validation sources (<see cref="ValidationCryCoverage"/>).</param>
    /// <param name="convolution">When set, fits the convolutional network (<see cref="FitConvolution"/>) instead of the dense one.</param>
    /// <param name="collectWith">
    /// Detector settings whose openings are collected (the sample rate is set per file); null for the defaults. The
    /// verifier should learn from the openings it will be asked about.
    /// </param>
    /// <param name="scanMoments">
    /// Takes the random patches where the scanning path (<see cref="CryDetectorOptions.UsePatchScan"/>) would ask, any
    /// frame 10 dB over the background, in the cries too (not only their cry frames), and twice as many: a scanning
    /// model must know a cry's noisy, unvoiced first moments.
    /// </param>
    public static CryPatchModel Train(string positivesDir, string negativesDir, string outputPath, int seed, TextWriter? log = null, FitOptions? fit = null, string? cachePath = null, float? threshold = null,
        ConvFitOptions? convolution = null, CryDetectorOptions? collectWith = null, bool scanMoments = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        string[] negativeDirs = CryModelTrainer.TrainingFolders(positivesDir, negativesDir);

        List<Example> examples;
        if (cachePath is not null && File.Exists(cachePath))
        {
            examples = ReadExamples(cachePath);
        }
        else
        {
            examples = [];
            int copy = 0;
            foreach (string path in CryEvaluator.AudioFiles(positivesDir).Where(p => !DonateACrySplit.IsTest(p)))
            {
                Collect(path, cry: true, DonateACrySplit.BabyId(path), seed + copy, copies: 3, ref copy, examples, collectWith, scanMoments);
            }

            foreach (string path in negativeDirs.SelectMany(CryEvaluator.AudioFiles).Where(p => !DonateACrySplit.IsTestNegative(p)))
            {
                Collect(path, cry: false, DonateACrySplit.NegativeSource(path), seed + copy, copies: 2, ref copy, examples, collectWith, scanMoments);
            }

            if (cachePath is not null)
            {
                WriteExamples(cachePath, examples);
            }
        }

        log?.WriteLine($"cry patches: {examples.Count(e => e.Cry)} ({examples.Count(e => e.Cry && e.Opening)} at openings)");
        log?.WriteLine($"non-cry patches: {examples.Count(e => !e.Cry)} ({examples.Count(e => !e.Cry && e.Opening)} at openings)");
        var training = examples.Where(e => !IsValidation(e.Source)).ToList();
        var validation = examples.Where(e => IsValidation(e.Source)).ToList();
        fit ??= new FitOptions();
        CryPatchModel model = convolution is not null
            ? FitConvolution(training, validation, convolution, seed, log)
            : Merge([.. Enumerable.Range(0, fit.Members).Select(k => Fit(training, validation, fit, seed + (1000 * k), log))]);
        float chosen = ChooseThreshold(model, validation, log);
        threshold ??= chosen;
        string counts = string.Create(CultureInfo.InvariantCulture,
            $"{training.Count(e => e.Cry)} cry / {training.Count(e => !e.Cry)} non-cry training patches, {validation.Count(e => e.Cry)} / {validation.Count(e => !e.Cry)} validation");
        model = new CryPatchModel
        {
            Bands = model.Bands,
            Frames = model.Frames,
            LowHz = model.LowHz,
            HighHz = model.HighHz,
            Hidden = model.Hidden,
            TimePool = model.TimePool,
            InputScale = model.InputScale,
            InputWeights = model.InputWeights,
            HiddenBias = model.HiddenBias,
            OutputWeights = model.OutputWeights,
            OutputBias = model.OutputBias,
            Threshold = threshold.Value,
            Convolution = model.Convolution,
            Provenance = convolution is { } c ? string.Create(CultureInfo.InvariantCulture,
                $"Log-mel patch CNN {Bands}x{Frames} (frames pooled by {c.TimePool}) -> conv3x3 {c.Channels1}, ReLU, maxpool 2x2 -> conv3x3 {c.Channels2}, ReLU, maxpool 2x2 -> max and mean over time per channel and band -> 1; " +
                $"Adam rate {c.LearningRate}, L2 {c.L2}, batch {c.BatchSize}, augmentation shifts of up to {c.TimeShift} columns and {c.BandShift} bands, opening patches weighted {c.OpeningWeight}, {c.Threads} thread(s), seed {seed}, {counts} (training babies/sources only, one in five held back for validation); " +
                $"threshold {threshold:0.00} (the validation rule, {ValidationCryCoverage:0.00} of the validation cry recordings kept, gives {chosen:0.00}). Cries: Donate-a-cry corpus, ODbL.")
            : string.Create(CultureInfo.InvariantCulture,
                $"Log-mel patch MLP {Bands}x{Frames} (frames pooled by {fit.TimePool}) -> {fit.Members} x {fit.Hidden} ReLU -> 1 (mean logit), L2 {fit.L2}, seed {seed}, {counts} (training babies/sources only, one in five held back for validation); " +
                $"threshold {threshold:0.00} (the validation rule, {ValidationCryCoverage:0.00} of the validation cry recordings kept, gives {chosen:0.00}). Cries: Donate-a-cry corpus, ODbL."),
        };
        log?.WriteLine(model.Provenance);
        using (var output = File.Create(outputPath))
        {
            model.Save(output);
        }

        return model;
    }

    /// <summary>Whether a training source is held back for validation (one in five, a stable hash different from the test split's).</summary>
    public static bool IsValidation(string source)
    {
        uint hash = 2166136261;
        foreach (char c in source + "#validation")
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash % 5 == 0;
    }

    /// <summary>Runs the detector over one recording (clean and augmented copies) and adds its patches.</summary>
    internal static void Collect(string path, bool cry, string source, int seed, int copies, ref int copy, List<Example> into, CryDetectorOptions? collectWith = null, bool scanMoments = false)
    {
        if (!CryEvaluator.TryLoad(path, [], null, out AudioClip clip))
        {
            return;
        }

        var random = new Random(seed);
        for (int c = 0; c < copies; c++)
        {
            int leadIn = clip.SampleRate;
            var stream = new float[leadIn + clip.Samples.Length];
            clip.Samples.CopyTo(stream, leadIn);
            if (c > 0)
            {
                Augment(stream, clip, random);
            }

            CollectStream(stream, clip.SampleRate, cry, source, copy++, random, into, collectWith, scanMoments);
        }
    }

    /// <summary>A random channel (flat, muffled, thin or bright) and, three times in four, pink noise at 5-20 dB SNR.</summary>
    internal static void Augment(float[] stream, AudioClip clip, Random random)
    {
        int rate = clip.SampleRate;
        double nyquistGuard = (rate / 2.0) - 200;
        switch (random.Next(4))
        {
            case 1:
                var low = Dsp.Biquad.LowPass(rate, Math.Min(1500 + (1500 * random.NextDouble()), nyquistGuard));
                low.Process(stream);
                Dsp.Biquad.LowPass(rate, Math.Min(1500 + (1500 * random.NextDouble()), nyquistGuard)).Process(stream);
                break;
            case 2:
                Dsp.Biquad.HighPass(rate, 300 + (300 * random.NextDouble())).Process(stream);
                break;
            case 3:
                Dsp.Biquad.Peak(rate, Math.Min(2500, nyquistGuard), 4 + (4 * random.NextDouble()), 0.7).Process(stream);
                Dsp.Biquad.Peak(rate, 300, -3 - (3 * random.NextDouble()), 0.7).Process(stream);
                break;
            default:
                break;
        }

        if (random.NextDouble() < 0.75)
        {
            double snr = 5 + (15 * random.NextDouble());
            NoiseGenerator.MixAtSnr(stream, NoiseGenerator.Pink(stream.Length, random.Next()), NoiseGenerator.Power(clip.Samples), snr);
        }
    }

    private static void CollectStream(float[] stream, int sampleRate, bool cry, string source, int copy, Random random, List<Example> into, CryDetectorOptions? collectWith, bool scanMoments)
    {
        const int MaxOpenings = 40;
        const double OpeningSpacingSeconds = 0.1;
        int maxRandom = scanMoments ? 30 : 15;
        double randomRate = scanMoments ? 1 / 25.0 : 1 / 50.0;
        var detector = new CryDetector((collectWith ?? new CryDetectorOptions()) with { SampleRate = sampleRate });
        int openings = 0, randoms = 0;
        double lastOpening = double.NegativeInfinity;
        detector.PatchObserver = (patch, now) =>
        {
            // Every moment the detector would open, a tenth of a second apart; never open, so the next unit is asked too.
            if (openings < MaxOpenings && now - lastOpening >= OpeningSpacingSeconds)
            {
                into.Add(new Example([.. patch], cry, source, copy, Opening: true));
                openings++;
                lastOpening = now;
            }

            return false;
        };
        detector.FrameObserver = frame =>
        {
            bool eligible = scanMoments ? frame.LevelDb >= frame.FloorDb + 10 : cry ? frame.IsCryFrame : frame.LevelDb >= frame.FloorDb + 6;
            if (eligible && randoms < maxRandom && random.NextDouble() < randomRate)
            {
                into.Add(new Example(detector.CurrentPatch().ToArray(), cry, source, copy, Opening: false));
                randoms++;
            }
        };
        var sink = new EventRecorder();
        detector.Process(stream, sink);
        detector.Flush(sink);
    }

    /// <summary>
    /// Fits the network on <paramref name="training"/>, stopping early on the weighted loss over
    /// <paramref name="validation"/> (when it has both classes) and keeping the best epoch. Each class carries half of
    /// the loss and, within a class, each example weighs 1/√(patches of its source), so one long source does not
    /// dominate. Deterministic for a given seed (single-threaded).
    /// </summary>
    public static CryPatchModel Fit(IReadOnlyList<Example> training, IReadOnlyList<Example> validation, FitOptions options, int seed, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        if (!training.Any(e => e.Cry) || !training.Any(e => !e.Cry))
        {
            throw new InvalidOperationException("Training needs patches of both cry and non-cry recordings.");
        }

        training = Pooled(training, options.TimePool);
        validation = Pooled(validation, options.TimePool);
        int n = training[0].Patch.Length;
        int hidden = options.Hidden;
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

        float inputScale = (float)(1 / Math.Max(Math.Sqrt(sumSquares / count), 1e-6));
        float[] trainWeights = Weights(training);
        float[] validationWeights = Weights(validation);
        bool canValidate = validation.Any(e => e.Cry) && validation.Any(e => !e.Cry);

        var random = new Random(seed);
        var net = new Network(n, hidden, random);
        var best = net.Clone();
        double bestLoss = double.PositiveInfinity;
        int sinceBest = 0;
        int[] order = [.. Enumerable.Range(0, training.Count)];
        var scaled = new float[n];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double trainLoss = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int end = Math.Min(order.Length, start + options.BatchSize);
                net.ZeroGradients();
                for (int k = start; k < end; k++)
                {
                    Example e = training[order[k]];
                    Scale(e.Patch, inputScale, scaled);
                    trainLoss += net.Accumulate(scaled, e.Cry ? 1 : 0, trainWeights[order[k]]);
                }

                net.AdamStep(options.LearningRate, options.L2, end - start);
            }

            double validationLoss = canValidate ? Loss(net, validation, validationWeights, inputScale, scaled) : trainLoss / order.Length;
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

        return best.ToModel(inputScale, options.TimePool);
    }

    /// <summary>
    /// The highest probability threshold (0.05 steps) at which at least <see cref="ValidationCryCoverage"/> of the
    /// validation cry recordings (each channel copy counted) still have an opening moment that passes; 0.5 without
    /// validation cries.
    /// </summary>
    internal static float ChooseThreshold(CryPatchModel model, IReadOnlyList<Example> validation, TextWriter? log)
    {
        var scratch = new float[model.ScratchLength];
        var best = validation.Where(e => e.Opening).GroupBy(e => (e.Copy, e.Cry))
            .Select(g => (g.Key.Cry, Max: g.Max(e => model.Probability(e.Patch, scratch)))).ToList();
        var cries = best.Where(b => b.Cry).Select(b => b.Max).ToList();
        var others = best.Where(b => !b.Cry).Select(b => b.Max).ToList();
        if (cries.Count == 0)
        {
            return 0.5f;
        }

        float chosen = 0.05f;
        for (int step = 1; step <= 19; step++)
        {
            float t = step * 0.05f;
            double kept = cries.Count(p => p >= t) / (double)cries.Count;
            double opened = others.Count == 0 ? 0 : others.Count(p => p >= t) / (double)others.Count;
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {t:0.00}: validation cry recordings kept {kept:0.000}, non-cry recordings still opening {opened:0.000}"));
            if (kept >= ValidationCryCoverage)
            {
                chosen = t;
            }
        }

        return chosen;
    }

    private static double Loss(Network net, IReadOnlyList<Example> examples, float[] weights, float inputScale, float[] scaled)
    {
        double loss = 0;
        for (int i = 0; i < examples.Count; i++)
        {
            Scale(examples[i].Patch, inputScale, scaled);
            float p = Math.Clamp(net.Forward(scaled), 1e-6f, 1 - 1e-6f);
            loss -= weights[i] * (examples[i].Cry ? Math.Log(p) : Math.Log(1 - p));
        }

        return loss / Math.Max(1, examples.Count);
    }

    private static void Scale(float[] patch, float scale, float[] into)
    {
        for (int i = 0; i < patch.Length; i++)
        {
            into[i] = patch[i] * scale;
        }
    }

    /// <summary>Class-balanced, source-weighted example weights with mean 1; patches taken at openings count <paramref name="openingWeight"/> times.</summary>
    private static float[] Weights(IReadOnlyList<Example> examples, double openingWeight = 1)
    {
        var perSource = examples.GroupBy(e => (e.Cry, e.Source)).ToDictionary(g => g.Key, g => g.Count());
        var raw = examples.Select(e => (e.Opening ? openingWeight : 1) / Math.Sqrt(perSource[(e.Cry, e.Source)])).ToArray();
        double cryTotal = 0, otherTotal = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (examples[i].Cry)
            {
                cryTotal += raw[i];
            }
            else
            {
                otherTotal += raw[i];
            }
        }

        var weights = new float[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            double total = examples[i].Cry ? cryTotal : otherTotal;
            weights[i] = (float)(0.5 * raw.Length * raw[i] / total);
        }

        return weights;
    }
}
