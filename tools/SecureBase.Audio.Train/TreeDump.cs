using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

/// <summary>
/// Writes the tree check's training snapshots as CSV: every unit that passes the hand rules (the strict opening
/// reading off, as <c>CryModelTrainer</c> collects), every 30 ms up to 1.5 s, with the context features, for every
/// file under the cry folder and the non-cry folders (both splits; the split is a column). Each file is heard four
/// ways after the evaluator's 2.5 s lead-in: clean, pink noise at 5-20 dB SNR, a random microphone colouring, and a
/// colouring with noise (<see cref="ChannelFilter"/>); cries and non-cries alike.
/// Columns: label, split, variant, source, file, unit start, now, features (<see cref="CryContextFeatures.Names"/>).
/// </summary>
internal static class TreeDump
{
    /// <param name="raisedOnly">
    /// Instead: only the training sources of the speech and TV folders, raised by 1.6 and 2.0 in pitch and formants
    /// (<see cref="ChannelFilter.Raise"/>), each clean and through a random colouring with noise: high voices from many
    /// speakers, where the raised spoken digits have five.
    /// </param>
    /// <param name="hyperOnly">
    /// Instead: only the cries (both splits, the split stays a column), pitch-raised by a random 1.8-2.6 per copy
    /// (<see cref="ChannelFilter.Hyper"/>, resampled to 24 kHz so the harmonics above the 8 kHz recordings' band are kept),
    /// once clean (variant 4) and once through a random colouring with pink noise (variant 5): hyperphonated cries
    /// (f0 ~1000-1600 Hz), so the trees learn what a cry looks like up there instead of "high = not a cry".
    /// </param>
    /// <param name="keepFormants">
    /// With <paramref name="hyperOnly"/>: the copies keep each moment's spectral envelope
    /// (<see cref="ChannelFilter.HyperKeepingFormants"/>), as a real hyperphonated cry keeps the baby's vocal tract; the
    /// factors, colourings and noise are drawn exactly as without it, so the two dumps differ only in the envelope.
    /// </param>
    /// <param name="trainingOnly">
    /// Non-cry folders (as given in <paramref name="negatives"/>) whose every source counts as training: sources made
    /// only to train on (tools/negatives/festival-voices.sh), which no evaluation reads, so holding a quarter of them
    /// out would only waste them. Other folders keep the split by source hash.
    /// </param>
    public static void Write(string positives, string negatives, string output, int seed, TextWriter log, bool raisedOnly = false, bool hyperOnly = false, bool keepFormants = false, IReadOnlyCollection<string>? trainingOnly = null)
    {
        var c = CultureInfo.InvariantCulture;
        var files = Files(positives, negatives, raisedOnly, hyperOnly, trainingOnly);

        using var writer = new StreamWriter(output);
        writer.WriteLine("label,split,variant,source,file,start,now," + string.Join(',', CryContextFeatures.Names));
        object gate = new();
        // Every file's rows are written in file order (not in the order the threads finish), so a rerun writes the same
        // file and the trainer, which thins rows by position, fits the same ensemble.
        var fileLines = new List<string>[files.Count];
        int done = 0;
        double seconds = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (path, label, source, test) = files[i];
            if (!CryEvaluator.TryLoad(path, [], null, out AudioClip clip))
            {
                return;
            }

            var lines = new List<string>();
            var random = new Random(seed + i);
            if (hyperOnly)
            {
                WriteHyper(clip, path, label, source, test, seed + i, random, lines, c, keepFormants);
                fileLines[i] = lines;
                lock (gate)
                {
                    seconds += clip.Samples.Length / (double)clip.SampleRate;
                }

                return;
            }

            for (int variant = 0; variant < 4; variant++)
            {
                if (raisedOnly && variant is 1 or 2)
                {
                    continue;
                }

                // Raised copies: variant 0 at 1.6, variant 3 at 2.0 (the evaluation set's two factors).
                double raise = raisedOnly ? (variant == 0 ? 1.6 : 2.0) : 1;
                float[] samples = raisedOnly ? ChannelFilter.Raise(clip.Samples, clip.SampleRate, raise) : clip.Samples;
                int leadIn = (int)(2.5 * clip.SampleRate);
                var stream = new float[leadIn + samples.Length];
                samples.CopyTo(stream, leadIn);
                string name = raisedOnly ? string.Create(c, $"raised{raise}") : "clean";
                if (variant >= 2)
                {
                    // The room's background goes through the same microphone as the sound, so the colouring comes first.
                    name = (raisedOnly ? name + "+" : "") + ChannelFilter.ApplyRandom(stream.AsSpan(leadIn), clip.SampleRate, random);
                }

                if (variant % 2 == 1)
                {
                    double snr = 5 + (15 * random.NextDouble());
                    NoiseGenerator.MixAtSnr(stream, NoiseGenerator.Pink(stream.Length, seed + i), NoiseGenerator.Power(stream.AsSpan(leadIn)), snr);
                    name = (variant == 1 ? "" : name + "+") + string.Create(c, $"pink{snr:0}");
                }

                var detector = new CryDetector(new CryDetectorOptions { SampleRate = clip.SampleRate, UseLearnedModel = false, OpeningOctavePreference = 0.85, UseTreeModel = true });
                string prefix = string.Create(c, $"{label},{(test ? "test" : "train")},{variant}:{name},{source},{Path.GetFileName(path)}");
                detector.UnitObserver = (_, start, now) =>
                    lines.Add(string.Create(c, $"{prefix},{start:0.000},{now:0.000},") + string.Join(',', detector.TreeFeatures().ToArray().Select(v => v.ToString("G7", c))));
                var sink = new EventRecorder();
                detector.Process(stream, sink);
                detector.Flush(sink);
            }

            fileLines[i] = lines;
            lock (gate)
            {
                seconds += clip.Samples.Length / (double)clip.SampleRate;
                if (++done % 200 == 0)
                {
                    log.WriteLine(string.Create(c, $"{done}/{files.Count} files, {seconds / 3600:0.00} h"));
                }
            }
        });
        foreach (var lines in fileLines.Where(l => l is not null))
        {
            lines.ForEach(writer.WriteLine);
        }

        log.WriteLine(string.Create(c, $"{files.Count} files, {seconds / 3600:0.00} h of audio, each heard {(hyperOnly ? 2 : 4)} ways"));
    }

    /// <summary>
    /// The files a dump reads, in the order it writes them, each with its label, source (folder/category/source) and
    /// whether it is on the held-out side: cries by baby, non-cries by source hash, except that every file under a
    /// <paramref name="trainingOnly"/> folder is training.
    /// </summary>
    internal static List<(string Path, int Label, string Source, bool Test)> Files(string positives, string negatives, bool raisedOnly = false, bool hyperOnly = false, IReadOnlyCollection<string>? trainingOnly = null)
    {
        var files = new List<(string Path, int Label, string Source, bool Test)>();
        foreach (string path in raisedOnly ? [] : CryEvaluator.AudioFiles(positives))
        {
            files.Add((path, 1, "cry/" + DonateACrySplit.BabyId(path), DonateACrySplit.IsTest(path)));
        }

        var onlyTraining = (trainingOnly ?? []).Select(Canonical).ToHashSet(StringComparer.Ordinal);
        foreach (string folder in hyperOnly ? [] : negatives.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            bool allTraining = onlyTraining.Contains(Canonical(folder));
            foreach (string path in CryEvaluator.AudioFiles(folder))
            {
                string category = Path.GetRelativePath(folder, Path.GetDirectoryName(path)!).Split(Path.DirectorySeparatorChar)[0];
                bool test = !allTraining && DonateACrySplit.IsTestNegative(path);
                if (!raisedOnly || (category is "speech" or "tv" && !test))
                {
                    files.Add((path, 0, Path.GetFileName(folder.TrimEnd('/')) + "/" + category + "/" + DonateACrySplit.NegativeSource(path), test));
                }
            }
        }

        return files;

        // "/tmp/x/" and "/tmp/x" name one folder.
        static string Canonical(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
    }

    /// <summary>Two hyperphonated copies of one cry (variants 4 and 5); the file name is prefixed so each copy counts as its own file.</summary>
    private static void WriteHyper(AudioClip clip, string path, int label, string source, bool test, int seed, Random random, List<string> lines, CultureInfo c, bool keepFormants)
    {
        const int rate = 24000;
        for (int variant = 4; variant <= 5; variant++)
        {
            double factor = 1.8 + (0.8 * random.NextDouble());
            float[] samples = keepFormants
                ? ChannelFilter.HyperKeepingFormants(clip.Samples, clip.SampleRate, factor, rate)
                : ChannelFilter.Hyper(clip.Samples, clip.SampleRate, factor, rate);
            int leadIn = (int)(2.5 * rate);
            var stream = new float[leadIn + samples.Length];
            samples.CopyTo(stream, leadIn);
            string name = string.Create(c, $"hyper{factor:0.00}{(keepFormants ? "f" : "")}");
            if (variant == 5)
            {
                name += "+" + ChannelFilter.ApplyRandom(stream.AsSpan(leadIn), rate, random);
                double snr = 5 + (15 * random.NextDouble());
                NoiseGenerator.MixAtSnr(stream, NoiseGenerator.Pink(stream.Length, seed), NoiseGenerator.Power(stream.AsSpan(leadIn)), snr);
                name += string.Create(c, $"+pink{snr:0}");
            }

            var detector = new CryDetector(new CryDetectorOptions { SampleRate = rate, UseLearnedModel = false, OpeningOctavePreference = 0.85, UseTreeModel = true });
            string prefix = string.Create(c, $"{label},{(test ? "test" : "train")},{variant}:{name},{source},hyper{variant}-{Path.GetFileName(path)}");
            detector.UnitObserver = (_, start, now) =>
                lines.Add(string.Create(c, $"{prefix},{start:0.000},{now:0.000},") + string.Join(',', detector.TreeFeatures().ToArray().Select(v => v.ToString("G7", c))));
            var sink = new EventRecorder();
            detector.Process(stream, sink);
            detector.Flush(sink);
        }
    }
}
