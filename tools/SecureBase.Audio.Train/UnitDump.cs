using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

/// <summary>
/// Writes, as CSV, every snapshot of every unit that passes the hand rules in the files under the given folders,
/// clean and with pink noise at 5 dB SNR, each file after the evaluator's 2.5 s lead-in (model tuning).
/// Columns: label, noise, split, source, file, onset, unit start, now, features.
/// </summary>
internal static class UnitDump
{
    public static void Write(string positives, string negatives, string output, CryDetectorOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        using var writer = new StreamWriter(output);
        writer.WriteLine("label,snr,split,source,file,onset,start,now," + string.Join(',', CryUnitFeatures.Names));
        int index = 0;
        foreach ((string folder, int label) in new[] { (positives, 1), (negatives, 0) })
        {
            foreach (string path in CryEvaluator.AudioFiles(folder))
            {
                index++;
                var clip = AudioClip.Load(path);
                bool test = label == 1 ? DonateACrySplit.IsTest(path) : DonateACrySplit.IsTestNegative(path);
                string source = label == 1 ? DonateACrySplit.BabyId(path) : Path.GetRelativePath(folder, Path.GetDirectoryName(path)!) + "/" + DonateACrySplit.NegativeSource(path);
                foreach (double? snr in new double?[] { null, 5 })
                {
                    int leadIn = (int)(2.5 * clip.SampleRate);
                    var stream = new float[leadIn + clip.Samples.Length];
                    clip.Samples.CopyTo(stream, leadIn);
                    if (snr is { } db)
                    {
                        NoiseGenerator.MixAtSnr(stream, NoiseGenerator.Pink(stream.Length, 1 + index), NoiseGenerator.Power(clip.Samples), db);
                    }

                    double onset = 2.5 + clip.EstimateOnsetSeconds();
                    var detector = new CryDetector(options with { SampleRate = clip.SampleRate, UseLearnedModel = false });
                    string prefix = string.Create(c, $"{label},{snr?.ToString(c) ?? "clean"},{(test ? "test" : "train")},{source},{Path.GetFileName(path)},{onset:0.00}");
                    detector.UnitObserver = (f, start, now) => writer.WriteLine(string.Create(c, $"{prefix},{start:0.000},{now:0.000},") + string.Join(',', f.ToArray().Select(v => v.ToString("0.####", c))));
                    var sink = new EventRecorder();
                    detector.Process(stream, sink);
                    detector.Flush(sink);
                }
            }
        }
    }
}
