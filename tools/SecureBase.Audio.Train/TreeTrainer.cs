using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Calibrators;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Model;

/// <summary>
/// Fits the tree check (ML.NET FastTree, here in the tool only) on the training split of a <see cref="TreeDump"/>,
/// chooses the threshold by cross-validation grouped by source (baby or non-cry source), checks the exported
/// ensemble against ML.NET's own scores and writes it as <see cref="CryTreeModel"/> JSON.
/// </summary>
internal static class TreeTrainer
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public sealed record Settings(int Trees = 200, int Leaves = 16, int MinLeaf = 50, double LearningRate = 0.1, int Seed = 1, int Folds = 4,
        int Every = 3, string[]? Drop = null, double CleanKeep = 0.99, double OtherKeep = 0.98, float? Threshold = null, bool BalanceCategories = false, string[]? ExcludeSources = null, int RaisedEvery = 1,
        double? HyperKeep = null, int HyperEvery = 1, float[]? ReportThresholds = null, int Offset = 0);

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

        [VectorType(0)]
        public float[] Features { get; set; } = [];
    }

    private sealed record Snapshot(int Label, bool Test, string Variant, string Source, string File, string Unit, float[] Features);

    public static void Run(string dump, string output, Settings s, TextWriter log)
    {
        int d = CryContextFeatures.Count;
        bool[] dropped = [.. CryContextFeatures.Names.Select(n => s.Drop?.Contains(n) == true)];
        var all = Load(dump, d, dropped);
        // Excluded sources (a folder prefix such as eng-shifted) are left out of training, not out of the held-out report.
        var train = all.Where(x => !x.Test && !(s.ExcludeSources?.Any(e => x.Source.StartsWith(e, StringComparison.Ordinal)) ?? false)).ToList();
        log.WriteLine($"{all.Count} snapshots read; training split {train.Count(x => x.Label == 1)} cry, {train.Count(x => x.Label == 0)} non-cry");

        // Neighbouring snapshots of one unit are 30 ms apart and nearly identical: every n-th is enough to learn from
        // (Offset picks another of the n subsamples: the spread between them shows how much a figure owes to chance).
        // Raised copies (treedump --raised) are many and alike: RaisedEvery thins them further.
        // Pitch-raised cries (treedump --hyper) likewise with HyperEvery, so they teach the high range without outweighing real cries.
        int raised = 0, hyper = 0;
        var fit = train.Where((x, i) => i % s.Every == s.Offset % s.Every && (!x.Variant.Contains("raised", StringComparison.Ordinal) || raised++ % s.RaisedEvery == 0)
            && (!x.Variant.Contains("hyper", StringComparison.Ordinal) || hyper++ % s.HyperEvery == 0)).ToList();
        float[] weights = Weights(fit, s.BalanceCategories);
        var ml = new MLContext(s.Seed);
        string thresholdNote = "given";
        float threshold = s.Threshold ?? 0;
        if (s.Folds > 1)
        {
            // Out-of-fold scores for every training snapshot: folds by source, so no speaker or baby is on both sides.
            var oof = new float[train.Count];
            for (int fold = 0; fold < s.Folds; fold++)
            {
                var inFold = fit.Select((x, i) => (x, i)).Where(p => Fold(p.x.Source, s.Folds) != fold).ToList();
                var model = Fit(ml, inFold.Select(p => p.x).ToList(), inFold.Select(p => weights[p.i]).ToArray(), d, s);
                CryTreeModel exported = Export(model, d, 0, null);
                for (int i = 0; i < train.Count; i++)
                {
                    if (Fold(train[i].Source, s.Folds) == fold)
                    {
                        oof[i] = exported.Score(train[i].Features);
                    }
                }

                log.WriteLine($"fold {fold + 1}/{s.Folds} done");
            }

            threshold = s.Threshold ?? ChooseThreshold(train, oof, s, log);
            thresholdNote = s.Threshold is null ? $"chosen by {s.Folds}-fold cross-validation by source (keep >= {s.CleanKeep:0.00} of clean and >= {s.OtherKeep:0.00} of noisy/coloured training cry files the hand rules find)" : $"given (out-of-fold keep rates by {s.Folds}-fold cross-validation by source in docs/cry-engine.md)";
            Report(train, oof, threshold, log, "out-of-fold, training split");
            // Other thresholds' out-of-fold figures, to compare settings on training evidence at a common threshold.
            foreach (float other in s.ReportThresholds ?? [])
            {
                Report(train, oof, other, log, "out-of-fold, training split");
            }
        }

        var final = Fit(ml, fit, weights, d, s);
        var check = all.Where(x => x.Test).Take(400).Concat(train.Take(100)).ToList();
        CryTreeModel tree = Export(final, d, threshold, null);
        double worst = KnownAnswer(ml, final, tree, check, d);
        log.WriteLine(string.Create(C, $"known answer: exported ensemble vs ML.NET scores on {check.Count} snapshots, max |difference| {worst:E2}"));
        if (worst > 1e-5)
        {
            throw new InvalidOperationException("The exported ensemble does not reproduce ML.NET's scores.");
        }

        var testScores = all.Select(x => x.Test ? tree.Score(x.Features) : 0).ToArray();
        Report(all.Where(x => x.Test).ToList(), [.. all.Select((x, i) => (x, i)).Where(p => p.x.Test).Select(p => testScores[p.i])], threshold, log, "held-out split (never seen)");
        string provenance = string.Create(C,
            $"FastTree (ML.NET), seed {s.Seed}, {s.Trees} trees, {s.Leaves} leaves, >= {s.MinLeaf} snapshots per leaf, learning rate {s.LearningRate}; " +
            $"{fit.Count(x => x.Label == 1)} cry and {fit.Count(x => x.Label == 0)} non-cry unit snapshots of the training babies/sources (every {s.Every}th{(s.Offset % s.Every != 0 ? $" from row {s.Offset % s.Every}" : "")}), clean, pink noise 5-20 dB and random microphone colourings, {(fit.Any(x => x.Variant.Contains("hyper", StringComparison.Ordinal)) ? $"plus pitch-raised (x1.8-2.6, hyperphonated{(fit.Any(x => KeptFormants(x.Variant)) ? ", formants kept by an LPC envelope swap" : "")}) copies of the training cries, every {s.HyperEvery}th, " : "")}weighted 1/sqrt(snapshots of the source){(s.BalanceCategories ? ", non-cry categories equal" : "")}, classes balanced; " +
            $"dropped: {(s.Drop is { Length: > 0 } ? string.Join(' ', s.Drop) : "none")}{(s.ExcludeSources is { Length: > 0 } ? "; sources left out: " + string.Join(' ', s.ExcludeSources) : "")}; threshold {threshold:0.###} {thresholdNote}. Cries: Donate-a-cry corpus, ODbL; non-cries: see docs/cry-engine.md.");
        tree = Export(final, d, threshold, provenance);
        using (var stream = File.Create(output))
        {
            tree.Save(stream);
        }

        log.WriteLine(provenance);
        VBuffer<float> buffer = default;
        final.Model.SubModel.GetFeatureWeights(ref buffer);
        var dense = buffer.DenseValues().ToArray();
        log.WriteLine("feature gains: " + string.Join(", ", dense.Select((g, i) => (g, i)).OrderByDescending(p => p.g).Take(15).Select(p => string.Create(C, $"{CryContextFeatures.Names[p.i]} {p.g:0.00}"))));
    }

    private static int Fold(string source, int folds)
    {
        uint hash = 2166136261;
        foreach (char ch in source)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return (int)((hash / 7) % (uint)folds);
    }

    private static List<Snapshot> Load(string path, int d, bool[] dropped)
    {
        var list = new List<Snapshot>();
        string[] header = File.ReadLines(path).First().Split(',');
        for (int j = 0; j < d; j++)
        {
            if (header.Length <= 7 + j || header[7 + j] != CryContextFeatures.Names[j])
            {
                throw new InvalidDataException($"The dump has no column {CryContextFeatures.Names[j]}; run treedump again.");
            }
        }

        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] p = line.Split(',');
            var features = new float[d];
            for (int j = 0; j < d; j++)
            {
                // A dropped feature is held constant: no tree can split on it.
                features[j] = dropped[j] ? 0 : float.Parse(p[7 + j], C);
            }

            list.Add(new Snapshot(p[0] == "1" ? 1 : 0, p[1] == "test", p[2], p[3], p[4], p[4] + "|" + p[2] + "|" + p[5], features));
        }

        return list;
    }

    /// <summary>
    /// 1/sqrt(snapshots of the source), so one long source does not dominate; optionally every non-cry category (the
    /// folder: speech, music, raised speech, ...) then carries the same total, so the few high voices count as much as
    /// hours of music; then both classes weigh the same.
    /// </summary>
    private static float[] Weights(List<Snapshot> rows, bool balanceCategories)
    {
        var perSource = rows.GroupBy(x => x.Source).ToDictionary(g => g.Key, g => g.Count());
        var w = rows.Select(x => 1 / Math.Sqrt(perSource[x.Source])).ToArray();
        if (balanceCategories)
        {
            var perCategory = rows.Select((x, i) => (Category: Category(x.Source), W: w[i])).GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Sum(p => p.W));
            w = [.. rows.Select((x, i) => w[i] / perCategory[Category(x.Source)])];
        }

        double positive = rows.Select((x, i) => x.Label == 1 ? w[i] : 0).Sum();
        double negative = rows.Select((x, i) => x.Label == 0 ? w[i] : 0).Sum();
        return [.. rows.Select((x, i) => (float)(w[i] * rows.Count / 2 / (x.Label == 1 ? positive : negative)))];
    }

    private static BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> Fit(
        MLContext ml, List<Snapshot> rows, float[] weights, int d, Settings s)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var data = ml.Data.LoadFromEnumerable(rows.Select((x, i) => new Row { Label = x.Label == 1, Weight = weights[i], Features = x.Features }), schema);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = s.Trees,
            NumberOfLeaves = s.Leaves,
            MinimumExampleCountPerLeaf = s.MinLeaf,
            LearningRate = s.LearningRate,
            ExampleWeightColumnName = nameof(Row.Weight),
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            Seed = s.Seed,
            NumberOfThreads = 2,
        });
        return trainer.Fit(data);
    }

    private static CryTreeModel Export(
        BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> model,
        int d, float threshold, string? provenance)
    {
        var ensemble = model.Model.SubModel.TrainedTreeEnsemble;
        var nodeStart = new List<int> { 0 };
        var leafStart = new List<int> { 0 };
        var feature = new List<int>();
        var split = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<float>();
        foreach (var tree in ensemble.Trees)
        {
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                throw new InvalidOperationException("Categorical splits are not exported.");
            }

            feature.AddRange(tree.NumericalSplitFeatureIndexes);
            split.AddRange(tree.NumericalSplitThresholds);
            left.AddRange(tree.LeftChild);
            right.AddRange(tree.RightChild);
            leaves.AddRange(tree.LeafValues.Select(v => (float)v));
            nodeStart.Add(feature.Count);
            leafStart.Add(leaves.Count);
        }

        return new CryTreeModel
        {
            Features = [.. CryContextFeatures.Names.Take(d)],
            Bias = (float)ensemble.Bias,
            Threshold = threshold,
            TreeWeights = [.. ensemble.TreeWeights.Select(w => (float)w)],
            NodeStart = [.. nodeStart],
            LeafStart = [.. leafStart],
            SplitFeature = [.. feature],
            SplitThreshold = [.. split],
            Left = [.. left],
            Right = [.. right],
            LeafValues = [.. leaves],
            Provenance = provenance,
        };
    }

    private static double KnownAnswer(MLContext ml,
        BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> model,
        CryTreeModel tree, List<Snapshot> rows, int d)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var data = ml.Data.LoadFromEnumerable(rows.Select(x => new Row { Label = x.Label == 1, Weight = 1, Features = x.Features }), schema);
        float[] scores = [.. model.Transform(data).GetColumn<float>("Score")];
        double worst = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            worst = Math.Max(worst, Math.Abs(scores[i] - tree.Score(rows[i].Features)));
        }

        return worst;
    }

    private static float ChooseThreshold(List<Snapshot> rows, float[] scores, Settings s, TextWriter log)
    {
        // The highest threshold that keeps the required share of training cry files (out-of-fold) in every variant kind.
        var fileBest = FileBest(rows, scores, 1);
        float best = float.NegativeInfinity;
        foreach (float t in fileBest.Values.SelectMany(v => v).Distinct().Order())
        {
            bool ok = fileBest.All(kv => kv.Value.Count(v => v >= t) >= Keep(kv.Key, s) * kv.Value.Count);
            if (!ok)
            {
                break;
            }

            best = t;
        }

        log.WriteLine(string.Create(C, $"threshold chosen out-of-fold: {best:0.###}"));
        return best;
    }

    /// <summary>Share of a variant kind's training cry files the threshold must keep; the pitch-raised copies may have their own.</summary>
    private static double Keep(string kind, Settings s) =>
        kind == "clean" ? s.CleanKeep : kind.StartsWith("hyper", StringComparison.Ordinal) ? s.HyperKeep ?? s.OtherKeep : s.OtherKeep;

    /// <summary>Per variant kind (clean, pink, coloured, coloured+pink), the best score of each file's units.</summary>
    private static Dictionary<string, List<float>> FileBest(List<Snapshot> rows, float[] scores, int label) =>
        rows.Select((x, i) => (x, s: scores[i])).Where(p => p.x.Label == label)
            .GroupBy(p => (Kind(p.x.Variant), p.x.File))
            .GroupBy(g => g.Key.Item1, g => g.Max(p => p.s))
            .ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>treedump --hyper --keep-formants names its copies "hyper{factor}f".</summary>
    private static bool KeptFormants(string variant) =>
        variant.Contains("hyper", StringComparison.Ordinal) && (variant.EndsWith('f') || variant.Contains("f+", StringComparison.Ordinal));

    private static string Category(string source) => string.Join('/', source.Split('/')[..2]);

    private static string Kind(string variant) => variant[0] switch { '0' => "clean", '1' => "pink", '2' => "colour", '3' => "colour+pink", '4' => "hyper", _ => "hyper+colour+pink" };

    private static void Report(List<Snapshot> rows, float[] scores, float threshold, TextWriter log, string title)
    {
        log.WriteLine($"-- {title}, threshold {threshold.ToString("0.###", C)}");
        foreach (var kv in FileBest(rows, scores, 1).OrderBy(kv => kv.Key))
        {
            log.WriteLine(string.Create(C, $"cry files with a unit, {kv.Key}: {kv.Value.Count(v => v >= threshold)}/{kv.Value.Count} kept"));
        }

        // Non-cry units the hand rules pass, and those that also pass the trees: roughly the alarms before / after.
        var units = rows.Select((x, i) => (x, s: scores[i])).Where(p => p.x.Label == 0)
            .GroupBy(p => (p.x.Unit, Category: p.x.Source.Split('/')[0] + "/" + p.x.Source.Split('/')[1], Kind: Kind(p.x.Variant)))
            .Select(g => (g.Key.Category, g.Key.Kind, Pass: g.Max(p => p.s) >= threshold)).ToList();
        foreach (var g in units.Where(u => u.Kind == "clean").GroupBy(u => u.Category).OrderBy(g => g.Key))
        {
            log.WriteLine($"non-cry units (clean) {g.Key}: {g.Count(u => u.Pass)}/{g.Count()} pass");
        }

        log.WriteLine($"non-cry units, all variants: {units.Count(u => u.Pass)}/{units.Count} pass");
    }
}
