using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

namespace SecureBase.Audio.Model;

/// <summary>
/// Rebuilds the cry-unit classifier reproducibly from labelled folders: runs the detector's hand rules over the
/// training part of the data (Donate-a-cry babies and non-cry sources not held out), collects the features of every
/// unit that passes them, with pink-noise copies at 5-20 dB SNR, and fits a class-balanced, L2-regularised logistic
/// regression by full-batch gradient descent (deterministic for a given seed).
/// </summary>
public static class CryModelTrainer
{
    private const int Iterations = 3000;
    private const double LearningRate = 0.3;
    /// <summary>Default L2 penalty on the standardised weights.</summary>
    public const double DefaultL2 = 1e-3;

    /// <summary>
    /// Probability a unit needs from a trained model before it may open an episode. The regression is fitted
    /// class-balanced, so 0.5 would weigh a missed cry and a false alarm alike; a missed cry is worse. Chosen on the
    /// training split alone: the highest of 0.2-0.5 whose training recall stayed at least 0.975 (docs/cry-engine.md).
    /// </summary>
    public const float DecisionThreshold = 0.4f;

    /// <summary>Trains and writes the model to <paramref name="outputPath"/>; returns it.</summary>
    /// <param name="positivesDir">Cry recordings (Donate-a-cry layout; held-out babies are skipped).</param>
    /// <param name="negativesDir">
    /// Non-cry recordings; several folders may be listed separated by <see cref="Path.PathSeparator"/>.
    /// Held-out sources are skipped.
    /// </param>
    /// <param name="outputPath">Where to write the JSON model.</param>
    /// <param name="seed">Seed for the mixed noise.</param>
    /// <param name="log">Receives progress lines.</param>
    /// <param name="features">
    /// The features the model may use (others get weight 0); null for the 20 features before the short-time spectrum
    /// (session 5: a logistic model over the spectral features learnt the training speakers, docs/cry-engine.md).
    /// </param>
    /// <param name="bandHz">Only units whose median f0 is under this are collected and later judged, in Hz; null for every unit.</param>
    /// <param name="l2">L2 penalty on the standardised weights (larger keeps the model closer to the class balance).</param>
    public static CryUnitModel Train(string positivesDir, string negativesDir, string outputPath, int seed, TextWriter? log = null, float? bandHz = null, IReadOnlyCollection<string>? features = null, double l2 = DefaultL2)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        string[] negativeDirs = CryModelTrainer.TrainingFolders(positivesDir, negativesDir);

        var positives = new List<float[]>();
        var negatives = new List<float[]>();
        int index = 0;
        foreach (string path in CryEvaluator.AudioFiles(positivesDir).Where(p => !DonateACrySplit.IsTest(p)))
        {
            Collect(path, positives, seed + index++, bandHz);
        }

        foreach (string path in negativeDirs.SelectMany(CryEvaluator.AudioFiles).Where(p => !DonateACrySplit.IsTestNegative(p)))
        {
            Collect(path, negatives, seed + index++, bandHz);
        }

        log?.WriteLine($"unit snapshots: {positives.Count} cry, {negatives.Count} non-cry");
        if (positives.Count == 0 || negatives.Count == 0)
        {
            throw new InvalidOperationException("Training needs units from both cry and non-cry recordings.");
        }

        features ??= [.. CryUnitFeatures.Names.Take(CryUnitFeatures.SpectralOffset)];
        CryUnitModel model = Fit(positives, negatives, features, l2);
        double truePositive = positives.Count(x => model.Probability(x) >= DecisionThreshold) / (double)positives.Count;
        double falsePositive = negatives.Count(x => model.Probability(x) >= DecisionThreshold) / (double)negatives.Count;
        model = new CryUnitModel
        {
            Features = model.Features,
            Mean = model.Mean,
            Scale = model.Scale,
            Weights = model.Weights,
            Bias = model.Bias,
            Threshold = DecisionThreshold,
            MaxMedianF0Hz = bandHz,
            Provenance = string.Create(CultureInfo.InvariantCulture,
                $"Logistic regression for {(bandHz is { } b ? $"units under {b:0} Hz" : "every unit")}, seed {seed}, {positives.Count} cry and {negatives.Count} non-cry unit snapshots (training babies/sources only); " +
                $"training pass rate {truePositive:0.000} cry, {falsePositive:0.000} non-cry. Cries: Donate-a-cry corpus, ODbL."),
        };
        log?.WriteLine(model.Provenance);
        using (var output = File.Create(outputPath))
        {
            model.Save(output);
        }

        return model;
    }

    internal static void Collect(string path, List<float[]> into, int seed, float? bandHz)
    {
        if (!CryEvaluator.TryLoad(path, [], null, out AudioClip clip))
        {
            return;
        }

        // Clean, then with pink noise at an SNR drawn from 5-20 dB, each after one second of the same background.
        var random = new Random(seed);
        foreach (double? snr in new double?[] { null, 5 + (15 * random.NextDouble()) })
        {
            int leadIn = clip.SampleRate;
            var stream = new float[leadIn + clip.Samples.Length];
            clip.Samples.CopyTo(stream, leadIn);
            if (snr is { } db)
            {
                NoiseGenerator.MixAtSnr(stream, NoiseGenerator.Pink(stream.Length, seed), NoiseGenerator.Power(clip.Samples), db);
            }

            // The model judges units before the other opening check (the strict octave reading) has a say, so it learns
            // from the units of the hand rules alone, as the shipped model did; 0.85 turns that check off.
            var detector = new CryDetector(new CryDetectorOptions { SampleRate = clip.SampleRate, UseLearnedModel = false, UseTreeModel = false, OpeningOctavePreference = 0.85 });
            detector.UnitObserver = (features, _, _) =>
            {
                if (bandHz is not { } band || features[0] < MathF.Log(band))
                {
                    into.Add(features.ToArray());
                }
            };
            var sink = new EventRecorder();
            detector.Process(stream, sink);
            detector.Flush(sink);
        }
    }

    private static CryUnitModel Fit(List<float[]> positives, List<float[]> negatives, IReadOnlyCollection<string>? features, double l2)
    {
        int d = CryUnitFeatures.Count;
        var all = positives.Concat(negatives).ToArray();
        var labels = positives.Select(_ => 1.0).Concat(negatives.Select(_ => 0.0)).ToArray();
        var mean = new float[d];
        var scale = new float[d];
        for (int j = 0; j < d; j++)
        {
            double m = all.Average(x => x[j]);
            double s = Math.Sqrt(all.Average(x => (x[j] - m) * (x[j] - m)));
            mean[j] = (float)m;
            scale[j] = (float)Math.Max(s, 1e-3);
        }

        // Class-balanced: each class carries half of the loss, however many snapshots it has.
        double positiveWeight = 0.5 / positives.Count;
        double negativeWeight = 0.5 / negatives.Count;
        bool[] used = [.. CryUnitFeatures.Names.Select(name => features is null || features.Contains(name))];
        var z = all.Select(x => Enumerable.Range(0, d).Select(j => used[j] ? (x[j] - mean[j]) / scale[j] : 0).ToArray()).ToArray();
        var w = new double[d];
        double b = 0;
        var gradient = new double[d];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            double gradientBias = 0;
            for (int i = 0; i < z.Length; i++)
            {
                double s = b;
                for (int j = 0; j < d; j++)
                {
                    s += w[j] * z[i][j];
                }

                double p = 1 / (1 + Math.Exp(-s));
                double error = (p - labels[i]) * (labels[i] > 0.5 ? positiveWeight : negativeWeight);
                for (int j = 0; j < d; j++)
                {
                    gradient[j] += error * z[i][j];
                }

                gradientBias += error;
            }

            for (int j = 0; j < d; j++)
            {
                w[j] -= LearningRate * (gradient[j] + (l2 * w[j]));
            }

            b -= LearningRate * gradientBias;
        }

        // A model that weighs no spectral feature is written over the older 20 features only: the detector then computes
        // no spectrum, and the shipped file stays reproducible.
        int count = used.Skip(CryUnitFeatures.SpectralOffset).Any(u => u) ? d : CryUnitFeatures.SpectralOffset;
        return new CryUnitModel
        {
            Features = [.. CryUnitFeatures.Names.Take(count)],
            Mean = mean[..count],
            Scale = scale[..count],
            Weights = [.. w.Take(count).Select(x => (float)x)],
            Bias = (float)b,
            Threshold = 0.5f,
        };
    }

    /// <summary>
    /// Checks the training folders and splits <paramref name="negativesDir"/> (one folder, or several joined by the
    /// platform's path separator) into its folders.
    /// </summary>
    /// <exception cref="ArgumentException">A folder is missing or does not exist.</exception>
    internal static string[] TrainingFolders(string positivesDir, string negativesDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(positivesDir);
        ArgumentException.ThrowIfNullOrEmpty(negativesDir);
        string[] negativeDirs = negativesDir.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string folder in negativeDirs.Append(positivesDir))
        {
            if (!Directory.Exists(folder))
            {
                throw new ArgumentException($"The folder {folder} does not exist.");
            }
        }

        return negativeDirs;
    }
}
