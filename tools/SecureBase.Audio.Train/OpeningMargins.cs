using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

/// <summary>
/// The tree score (margin over the threshold) of the unit that opens each episode: for cries the first opening on the
/// cry (after the evaluator's 2.5 s lead-in, with pink noise when asked), for non-cry audio every opening. Shows whether
/// false alarms open on lower margins than cries do (session 7, the two-tier opening).
/// </summary>
internal static class OpeningMargins
{
    private static readonly double[] Edges = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6];

    public static void Run(string folder, bool positives, EvaluationOptions options, TextWriter output, bool verbose)
    {
        var margins = new List<float>();
        var c = CultureInfo.InvariantCulture;
        int files = 0, unjudged = 0;
        foreach (string path in CryEvaluator.AudioFiles(folder).Where(p => InSplit(p, positives, options.Split)))
        {
            AudioClip clip;
            try
            {
                clip = AudioClip.Load(path);
            }
            catch (Exception ex) when (ex is SecureBase.Audio.Input.AudioFormatException or IOException)
            {
                continue;
            }

            files++;
            float[] stream = clip.Samples;
            double leadIn = 0;
            if (positives)
            {
                leadIn = options.LeadInSeconds;
                stream = new float[(int)(leadIn * clip.SampleRate) + clip.Samples.Length];
                clip.Samples.CopyTo(stream, (int)(leadIn * clip.SampleRate));
                if (options.NoiseSnrDb is { } snr)
                {
                    float[] noise = NoiseGenerator.Pink(stream.Length, options.Seed + files);
                    NoiseGenerator.MixAtSnr(stream, noise, NoiseGenerator.Power(clip.Samples), snr);
                }
            }

            var detector = new CryDetector(options.Detector with { SampleRate = clip.SampleRate });
            var found = new List<(float Margin, double Start, double Now)>();
            detector.OpeningObserver = (margin, start, now) => found.Add((margin, start, now));
            var recorder = new EventRecorder();
            for (int i = 0; i < stream.Length; i += options.ChunkSamples)
            {
                detector.Process(stream.AsSpan(i, Math.Min(options.ChunkSamples, stream.Length - i)), recorder);
            }

            detector.Flush(recorder);
            double cryEnd = leadIn + clip.DurationSeconds;
            foreach (var (margin, start, now) in found)
            {
                // For a cry only its first opening on the cry counts, as in the evaluator's recall and latency.
                if (positives && (start < leadIn - 0.25 || start > cryEnd))
                {
                    continue;
                }

                if (float.IsNaN(margin))
                {
                    unjudged++;
                }
                else
                {
                    margins.Add(margin);
                }

                if (verbose)
                {
                    output.WriteLine(string.Create(c, $"open {margin,7:0.000} at {start - leadIn,7:0.00} s (detected {now - leadIn,7:0.00}) {path}"));
                }

                if (positives)
                {
                    break;
                }
            }
        }

        margins.Sort();
        output.WriteLine(string.Create(c, $"{files} files, {margins.Count + unjudged} openings ({unjudged} not judged by the trees)"));
        if (margins.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(c, $"margin quartiles {At(0.25):0.00} / {At(0.5):0.00} / {At(0.75):0.00}, min {margins[0]:0.00}, max {margins[^1]:0.00}"));
        foreach (double edge in Edges)
        {
            int below = margins.Count(m => m < edge);
            output.WriteLine(string.Create(c, $"margin < {edge,4:0.0}: {below,5} ({(double)below / margins.Count:0.000})"));
        }

        float At(double fraction) => margins[(int)Math.Round(fraction * (margins.Count - 1))];
    }

    private static bool InSplit(string path, bool positives, PositiveSplit split) => split switch
    {
        PositiveSplit.Train => positives ? !DonateACrySplit.IsTest(path) : !DonateACrySplit.IsTestNegative(path),
        PositiveSplit.Test => positives ? DonateACrySplit.IsTest(path) : DonateACrySplit.IsTestNegative(path),
        _ => true,
    };
}
