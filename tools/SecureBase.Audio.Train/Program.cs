using SecureBase.Audio.Evaluation;

// Usage: eval --positives DIR [--negatives DIR] [--snr DB] [--split all|train|test] [--chunk N]
var arguments = args.ToList();
string? Value(string name)
{
    int index = arguments.IndexOf(name);
    return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : null;
}

if (arguments.Count == 2 && arguments[0] == "frames")
{
    FrameDump.Print(arguments[1]);
    return 0;
}

if (arguments.Count >= 1 && arguments[0] == "speed")
{
    // speed [FILE] [--set Name=Value ...]
    SpeedCheck.Run(arguments.Count > 1 && arguments[1] != "--set" ? arguments[1] : null, SetOptions(new SecureBase.Audio.Detection.CryDetectorOptions()));
    return 0;
}

if (arguments.Count == 3 && arguments[0] == "snapshots")
{
    SnapshotDump.Print(arguments[1], arguments[2]);
    return 0;
}

if (arguments.Count >= 4 && arguments[0] == "units")
{
    // units POSITIVES NEGATIVES OUT.csv [MinUnitSeconds]
    var unitOptions = new SecureBase.Audio.Detection.CryDetectorOptions();
    if (arguments.Count > 4)
    {
        double min = double.Parse(arguments[4], System.Globalization.CultureInfo.InvariantCulture);
        unitOptions = unitOptions with { MinUnitSeconds = min, MinUnitSecondsInEpisode = Math.Min(min, unitOptions.MinUnitSecondsInEpisode) };
    }

    UnitDump.Write(arguments[1], arguments[2], arguments[3], unitOptions);
    return 0;
}

if (arguments.Count >= 4 && arguments[0] == "train")
{
    // train POSITIVES NEGATIVES[:MORE] OUTPUT [SEED]
    int seed = arguments.Count > 4 ? int.Parse(arguments[4], System.Globalization.CultureInfo.InvariantCulture) : 1;
    float? band = arguments.Count > 5 ? float.Parse(arguments[5], System.Globalization.CultureInfo.InvariantCulture) : null;
    string[]? only = Environment.GetEnvironmentVariable("TRAIN_FEATURES")?.Split(',');
    double l2 = Environment.GetEnvironmentVariable("TRAIN_L2") is { } penalty ? double.Parse(penalty, System.Globalization.CultureInfo.InvariantCulture) : SecureBase.Audio.Model.CryModelTrainer.DefaultL2;
    SecureBase.Audio.Model.CryModelTrainer.Train(arguments[1], arguments[2], arguments[3], seed, Console.Out, band, only, l2);
    return 0;
}

if (arguments.Count >= 4 && arguments[0] == "treedump")
{
    // treedump POSITIVES NEGATIVES[:MORE] OUT.csv [SEED] [--raised | --hyper [--keep-formants]] [--training-only FOLDER[:MORE]]
    int seed = arguments.Count > 4 && !arguments[4].StartsWith("--", StringComparison.Ordinal) ? int.Parse(arguments[4], System.Globalization.CultureInfo.InvariantCulture) : 1;
    TreeDump.Write(arguments[1], arguments[2], arguments[3], seed, Console.Out, arguments.Contains("--raised"), arguments.Contains("--hyper"), arguments.Contains("--keep-formants"),
        Value("--training-only")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
    return 0;
}

if (arguments.Count >= 4 && arguments[0] == "raise")
{
    // raise IN.wav OUT.wav FACTOR [--keep-formants]: one hyperphonated copy as treedump --hyper makes it (24 kHz), to read with frames
    var clip = SecureBase.Audio.Evaluation.AudioClip.Load(arguments[1]);
    double factor = double.Parse(arguments[3], System.Globalization.CultureInfo.InvariantCulture);
    float[] raised = arguments.Contains("--keep-formants")
        ? ChannelFilter.HyperKeepingFormants(clip.Samples, clip.SampleRate, factor, 24000)
        : ChannelFilter.Hyper(clip.Samples, clip.SampleRate, factor, 24000);
    File.WriteAllBytes(arguments[2], SecureBase.Audio.Input.Pcm16WavWriter.ToWav(raised, 24000));
    return 0;
}

if (arguments.Count == 4 && arguments[0] == "treescore")
{
    // treescore MODEL.json DUMP.csv TEXT: each unit (of the files whose name contains TEXT) with its snapshots' best score
    using var stream = File.OpenRead(arguments[1]);
    var model = SecureBase.Audio.Model.CryTreeModel.Load(stream);
    var c = System.Globalization.CultureInfo.InvariantCulture;
    int width = SecureBase.Audio.Detection.CryContextFeatures.Count;
    var best = new SortedDictionary<string, (float Score, int Snapshots)>(StringComparer.Ordinal);
    foreach (string line in File.ReadLines(arguments[2]).Skip(1).Where(l => l.Contains(arguments[3], StringComparison.Ordinal)))
    {
        string[] p = line.Split(',');
        // Features the model does not read (dropped in training) are still in the dump; the model indexes by position.
        float score = model.Score([.. p.Skip(7).Take(width).Select(v => float.Parse(v, c))]);
        string key = $"{p[4]} {p[2]} unit at {p[5]} s";
        best[key] = best.TryGetValue(key, out var b) ? (Math.Max(b.Score, score), b.Snapshots + 1) : (score, 1);
    }

    foreach (var (key, value) in best)
    {
        Console.WriteLine(string.Create(c, $"{key}: best {value.Score:0.000} over {value.Snapshots} snapshots (threshold {model.Threshold:0.###})"));
    }

    return 0;
}

if (arguments.Count >= 3 && arguments[0] == "trees")
{
    // trees DUMP.csv OUT.json [--trees N] [--leaves N] [--minleaf N] [--lr X] [--seed N] [--cv FOLDS] [--every N] [--drop a,b] [--threshold X] [--balance-categories] [--exclude SOURCE-PREFIX,...] [--raised-every N] [--keep-hyper SHARE] [--hyper-every N] [--report-thresholds X,Y] [--offset N]
    int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    double Real(string name, double fallback) => Value(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var settings = new TreeTrainer.Settings(Int("--trees", 200), Int("--leaves", 16), Int("--minleaf", 50), Real("--lr", 0.1), Int("--seed", 1), Int("--cv", 4),
        Int("--every", 3), Value("--drop")?.Split(','), Real("--keep-clean", 0.99), Real("--keep-other", 0.98),
        Value("--threshold") is { } t ? float.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null, arguments.Contains("--balance-categories"), Value("--exclude")?.Split(','), Int("--raised-every", 1),
        Value("--keep-hyper") is { } k ? double.Parse(k, System.Globalization.CultureInfo.InvariantCulture) : null, Int("--hyper-every", 1),
        Value("--report-thresholds")?.Split(',').Select(x => float.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), Int("--offset", 0));
    TreeTrainer.Run(arguments[1], arguments[2], settings, Console.Out);
    return 0;
}

if (arguments.Count >= 3 && arguments[0] == "gate")
{
    // gate POSITIVES OUTPUT [SEED] [QUANTILE]; GATE_FEATURES=a,b,c picks the features
    int seed = arguments.Count > 3 ? int.Parse(arguments[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
    double quantile = arguments.Count > 4 ? double.Parse(arguments[4], System.Globalization.CultureInfo.InvariantCulture) : SecureBase.Audio.Model.CrySpectralGateTrainer.DefaultQuantile;
    string[]? gateFeatures = Environment.GetEnvironmentVariable("GATE_FEATURES")?.Split(',');
    SecureBase.Audio.Model.CrySpectralGateTrainer.Train(arguments[1], arguments[2], seed, quantile, gateFeatures, Console.Out);
    return 0;
}

if (arguments.Count == 3 && arguments[0] == "patch-probe")
{
    // patch-probe FILE MODEL.json: the patch model's probability at every would-be opening
    using var stream = File.OpenRead(arguments[2]);
    PatchProbe.Print(arguments[1], SecureBase.Audio.Model.CryPatchModel.Load(stream));
    return 0;
}

if (arguments.Count == 3 && arguments[0] == "patch-scan")
{
    // patch-scan FILE MODEL.json: the patch model's probability every 50 ms, whatever the unit rules say
    using var stream = File.OpenRead(arguments[2]);
    PatchProbe.Scan(arguments[1], SecureBase.Audio.Model.CryPatchModel.Load(stream));
    return 0;
}

if (arguments.Count >= 4 && arguments[0] == "train-patch")
{
    // train-patch POSITIVES NEGATIVES[:MORE] OUTPUT [SEED]; PATCH_HIDDEN, PATCH_L2, PATCH_EPOCHS, PATCH_RATE, PATCH_POOL, PATCH_MEMBERS tune the fit; PATCH_CACHE=FILE keeps the collected patches; PATCH_THRESHOLD=X writes that threshold
    int seed = arguments.Count > 4 ? int.Parse(arguments[4], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var fit = new SecureBase.Audio.Model.CryPatchTrainer.FitOptions();
    string? Env(string name) => Environment.GetEnvironmentVariable(name);
    fit = fit with
    {
        Hidden = Env("PATCH_HIDDEN") is { } h ? int.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : fit.Hidden,
        L2 = Env("PATCH_L2") is { } l ? double.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : fit.L2,
        Epochs = Env("PATCH_EPOCHS") is { } e ? int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : fit.Epochs,
        LearningRate = Env("PATCH_RATE") is { } r ? double.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : fit.LearningRate,
        TimePool = Env("PATCH_POOL") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : fit.TimePool,
        Members = Env("PATCH_MEMBERS") is { } k ? int.Parse(k, System.Globalization.CultureInfo.InvariantCulture) : fit.Members,
    };
    // PATCH_KIND=conv fits the convolutional verifier; CONV_C1, CONV_C2, CONV_EPOCHS, CONV_RATE, CONV_L2, CONV_BATCH, CONV_POOL, CONV_TSHIFT, CONV_BSHIFT, CONV_THREADS, CONV_OPENING_WEIGHT, CONV_PATIENCE tune it
    SecureBase.Audio.Model.CryPatchTrainer.ConvFitOptions? conv = null;
    if (Env("PATCH_KIND") == "conv")
    {
        var c = new SecureBase.Audio.Model.CryPatchTrainer.ConvFitOptions();
        int I(string name, int fallback) => Env(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        double D(string name, double fallback) => Env(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        conv = c with
        {
            Channels1 = I("CONV_C1", c.Channels1),
            Channels2 = I("CONV_C2", c.Channels2),
            Epochs = I("CONV_EPOCHS", c.Epochs),
            BatchSize = I("CONV_BATCH", c.BatchSize),
            LearningRate = D("CONV_RATE", c.LearningRate),
            L2 = D("CONV_L2", c.L2),
            Patience = I("CONV_PATIENCE", c.Patience),
            TimePool = I("CONV_POOL", c.TimePool),
            TimeShift = I("CONV_TSHIFT", c.TimeShift),
            BandShift = I("CONV_BSHIFT", c.BandShift),
            Threads = I("CONV_THREADS", c.Threads),
            OpeningWeight = D("CONV_OPENING_WEIGHT", c.OpeningWeight),
        };
    }

    SecureBase.Audio.Model.CryPatchTrainer.Train(arguments[1], arguments[2], arguments[3], seed, Console.Out, fit, Env("PATCH_CACHE"),
        Env("PATCH_THRESHOLD") is { } t ? float.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null, conv,
        // --set Name=Value after the arguments: the detector settings whose openings are collected (e.g. the looser openings).
        arguments.Contains("--set") ? SetOptions(new SecureBase.Audio.Detection.CryDetectorOptions()) : null,
        // PATCH_SCAN_MOMENTS=1: random patches wherever the scanning path would ask, cries' unvoiced parts included.
        scanMoments: Env("PATCH_SCAN_MOMENTS") == "1");
    return 0;
}

if (arguments.Count > 2 && arguments[0] == "frames")
{
    // frames FILE --set Name=Value ...: the per-frame dump with options changed.
    FrameDump.Print(arguments[1], SetOptions(new SecureBase.Audio.Detection.CryDetectorOptions()));
    return 0;
}

if (arguments.Count >= 3 && arguments[0] == "margins")
{
    // margins --positives DIR | --negatives DIR [--split ...] [--snr DB] [--set Name=Value ...] [--verbose]: the tree
    // margin of the unit that opens each episode.
    var marginOptions = new EvaluationOptions
    {
        NoiseSnrDb = Value("--snr") is { } marginSnr ? double.Parse(marginSnr, System.Globalization.CultureInfo.InvariantCulture) : null,
        Split = Value("--split") is { } marginSplit ? Enum.Parse<PositiveSplit>(marginSplit, ignoreCase: true) : PositiveSplit.All,
        Detector = SetOptions(new SecureBase.Audio.Detection.CryDetectorOptions()),
    };
    bool marginPositives = Value("--positives") is not null;
    OpeningMargins.Run(Value("--positives") ?? Value("--negatives") ?? throw new ArgumentException("Give --positives or --negatives."),
        marginPositives, marginOptions, Console.Out, arguments.Contains("--verbose"));
    return 0;
}

if (arguments.Count == 0 || arguments[0] != "eval")
{
    Console.Error.WriteLine("usage: eval --positives DIR [--negatives DIR] [--snr DB] [--split all|train|test] [--chunk N] [--verbose]");
    return 2;
}

var options = new EvaluationOptions
{
    PositivesDirectory = Value("--positives"),
    NegativesDirectory = Value("--negatives"),
    NoiseSnrDb = Value("--snr") is { } snr ? double.Parse(snr, System.Globalization.CultureInfo.InvariantCulture) : null,
    Split = Value("--split") is { } split ? Enum.Parse<PositiveSplit>(split, ignoreCase: true) : PositiveSplit.All,
    ChunkSamples = Value("--chunk") is { } chunk ? int.Parse(chunk, System.Globalization.CultureInfo.InvariantCulture) : 512,
};
var detector = SetOptions(new SecureBase.Audio.Detection.CryDetectorOptions());

if (Value("--model") is { } modelPath)
{
    using var stream = File.OpenRead(modelPath);
    detector = detector with { Model = SecureBase.Audio.Model.CryUnitModel.Load(stream) };
}

if (Value("--gate") is { } gatePath)
{
    using var stream = File.OpenRead(gatePath);
    detector = detector with { SpectralGate = SecureBase.Audio.Model.CrySpectralGate.Load(stream) };
}

if (Value("--tree") is { } treePath)
{
    using var stream = File.OpenRead(treePath);
    detector = detector with { UseTreeModel = true, TreeModel = SecureBase.Audio.Model.CryTreeModel.Load(stream) };
}

if (Value("--patch-model") is { } patchPath)
{
    using var stream = File.OpenRead(patchPath);
    detector = detector with { PatchModel = SecureBase.Audio.Model.CryPatchModel.Load(stream) };
}

if (arguments.Contains("--no-model"))
{
    detector = detector with { UseLearnedModel = false };
}

options = options with { Detector = detector };
IProgress<string>? progress = arguments.Contains("--verbose") ? new Progress<string>(Console.Error.WriteLine) : null;
var report = CryEvaluator.Evaluate(options, progress);
Console.Write(report.ToText());
return 0;

SecureBase.Audio.Detection.CryDetectorOptions SetOptions(SecureBase.Audio.Detection.CryDetectorOptions detector)
{
    for (int i = 0; i < arguments.Count - 1; i++)
    {
        // --set Name=Value overrides one detector option (tuning sweeps).
        if (arguments[i] == "--set")
        {
            string[] pair = arguments[i + 1].Split('=');
            var property = typeof(SecureBase.Audio.Detection.CryDetectorOptions).GetProperty(pair[0])
                ?? throw new ArgumentException($"No option {pair[0]}.");
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(detector, type.IsEnum ? Enum.Parse(type, pair[1], ignoreCase: true) : Convert.ChangeType(pair[1], type, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    return detector;
}
