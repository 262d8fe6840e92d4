using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

namespace SecureBase.Audio.Model;

/// <summary>
/// Fits the <see cref="CrySpectralGate"/> reproducibly from cries alone: the spectral summaries of every unit snapshot
/// the hand rules pass in the training babies' recordings (clean and with pink noise at 5-20 dB SNR, as
/// <see cref="CryModelTrainer"/> collects them), their mean and shrunk covariance, and as threshold the given quantile
/// of the training snapshots' own distances. No non-cry recording is read.
/// </summary>
public static class CrySpectralGateTrainer
{
    /// <summary>The spectral features the gate reads by default: all twelve short-time-spectrum features.</summary>
    public static IReadOnlyList<string> DefaultFeatures { get; } = [.. CryUnitFeatures.Names.Skip(CryUnitFeatures.SpectralOffset)];

    /// <summary>
    /// Share of training cry snapshots the shipped gate lets through. Chosen on the training split alone: the lowest of
    /// 0.95, 0.98 and 0.99 that kept every training cry the detector found without the gate (docs/cry-engine.md).
    /// </summary>
    public const double DefaultQuantile = 0.99;

    /// <summary>Units with a median f0 at or above this (Hz) are not judged by the gate: hyperphonated cries are rare in training.</summary>
    public const float DefaultMaxMedianF0Hz = 1000;

    /// <summary>Off-diagonal covariances are shrunk by this share towards zero (a stable inverse with correlated features).</summary>
    public const double Shrinkage = 0.1;

    /// <summary>Fits the gate and writes it to <paramref name="outputPath"/>; returns it.</summary>
    /// <param name="positivesDir">Cry recordings (Donate-a-cry layout; held-out babies are skipped).</param>
    /// <param name="outputPath">Where to write the JSON gate.</param>
    /// <param name="seed">Seed for the mixed noise.</param>
    /// <param name="quantile">Share of training cry snapshots that must pass, 0.5 to 1 (sets the threshold).</param>
    /// <param name="features">Feature names to read; null for <see cref="DefaultFeatures"/>.</param>
    /// <param name="log">Receives progress lines.</param>
    public static CrySpectralGate Train(string positivesDir, string outputPath, int seed, double quantile, IReadOnlyList<string>? features = null, TextWriter? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(positivesDir);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1.0);
        if (!Directory.Exists(positivesDir))
        {
            throw new ArgumentException($"The folder {positivesDir} does not exist.");
        }

        features ??= DefaultFeatures;
        var snapshots = new List<float[]>();
        int index = 0;
        foreach (string path in CryEvaluator.AudioFiles(positivesDir).Where(p => !DonateACrySplit.IsTest(p)))
        {
            CryModelTrainer.Collect(path, snapshots, seed + index++, null);
        }

        if (snapshots.Count < 10 * features.Count)
        {
            throw new InvalidOperationException("Fitting the spectral gate needs more cry units than the training folder holds.");
        }

        int[] columns = [.. features.Select(name => CryUnitFeatures.Names.ToList().IndexOf(name))];
        if (columns.Any(c => c < 0))
        {
            throw new ArgumentException("Unknown feature name.", nameof(features));
        }

        int d = columns.Length;
        var mean = new double[d];
        foreach (float[] x in snapshots)
        {
            for (int i = 0; i < d; i++)
            {
                mean[i] += x[columns[i]] / (double)snapshots.Count;
            }
        }

        var covariance = new double[d, d];
        foreach (float[] x in snapshots)
        {
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    covariance[i, j] += (x[columns[i]] - mean[i]) * (x[columns[j]] - mean[j]) / snapshots.Count;
                }
            }
        }

        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                covariance[i, j] *= i == j ? 1 : 1 - Shrinkage;
            }

            covariance[i, i] = Math.Max(covariance[i, i], 1e-6);
        }

        double[,] precision = Invert(covariance);
        var gate = new CrySpectralGate
        {
            Features = [.. features],
            Mean = [.. mean.Select(v => (float)v)],
            Precision = [.. Enumerable.Range(0, d * d).Select(k => (float)precision[k / d, k % d])],
            Threshold = 1,
        }.Prepare();
        float[] distances = [.. snapshots.Select(x => gate.Distance(x)).Order()];
        float threshold = distances[Math.Clamp((int)Math.Ceiling(quantile * distances.Length) - 1, 0, distances.Length - 1)];
        gate = new CrySpectralGate
        {
            Features = gate.Features,
            Mean = gate.Mean,
            Precision = gate.Precision,
            Threshold = threshold,
            MaxMedianF0Hz = DefaultMaxMedianF0Hz,
            Provenance = FormattableString.Invariant($"One-class spectral gate over {d} features, seed {seed}, {snapshots.Count} cry unit snapshots of the training babies (clean and pink noise 5-20 dB), ")
                + FormattableString.Invariant($"no non-cry data; judges units under {DefaultMaxMedianF0Hz:0} Hz; threshold {threshold:0.00} = the {quantile:0.###} quantile of their squared Mahalanobis distances, covariance shrinkage {Shrinkage}. ")
                + "Cries: Donate-a-cry corpus, ODbL.",
        }.Prepare();
        log?.WriteLine(gate.Provenance);
        using (var output = File.Create(outputPath))
        {
            gate.Save(output);
        }

        return gate;
    }

    /// <summary>Gauss-Jordan inverse with partial pivoting (a covariance matrix of a dozen features).</summary>
    private static double[,] Invert(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = new double[n, 2 * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = matrix[i, j];
            }

            a[i, n + i] = 1;
        }

        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (int j = 0; j < 2 * n; j++)
            {
                double swap = a[c, j];
                a[c, j] = a[pivot, j];
                a[pivot, j] = swap;
            }

            double p = a[c, c];
            if (Math.Abs(p) < 1e-12)
            {
                throw new InvalidOperationException("The cry features are degenerate (singular covariance).");
            }

            for (int j = 0; j < 2 * n; j++)
            {
                a[c, j] /= p;
            }

            for (int r = 0; r < n; r++)
            {
                double f = a[r, c];
                if (r != c && f != 0)
                {
                    for (int j = 0; j < 2 * n; j++)
                    {
                        a[r, j] -= f * a[c, j];
                    }
                }
            }
        }

        var inverse = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                inverse[i, j] = a[i, n + j];
            }
        }

        return inverse;
    }
}
