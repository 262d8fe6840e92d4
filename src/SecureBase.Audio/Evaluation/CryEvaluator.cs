using System.Diagnostics;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Input;

namespace SecureBase.Audio.Evaluation;

/// <summary>
/// Runs the detector over labelled folders and measures what the team tunes against: episode-level recall on cry
/// recordings (optionally with pink noise mixed in), false alarms per hour on non-cry audio, and the delay from a
/// cry's onset to the first event.
/// </summary>
public static class CryEvaluator
{
    /// <summary>Evaluates; <paramref name="progress"/> receives one line per file with a problem.</summary>
    /// <exception cref="ArgumentException">No folder given, or a folder does not exist.</exception>
    public static EvaluationReport Evaluate(EvaluationOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PositivesDirectory is null && options.NegativesDirectory is null)
        {
            throw new ArgumentException("Give a folder of cry recordings, a folder of non-cry recordings, or both.", nameof(options));
        }

        foreach (string? folder in new[] { options.PositivesDirectory, options.NegativesDirectory })
        {
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new ArgumentException($"The folder {folder} does not exist.", nameof(options));
            }
        }

        if (options.ChunkSamples < 1)
        {
            throw new ArgumentException("ChunkSamples must be at least 1.", nameof(options));
        }

        var unreadable = new List<(string, string)>();
        var watch = new Stopwatch();
        double audioSeconds = 0;
        var report = new EvaluationReport();

        if (options.PositivesDirectory is { } positives)
        {
            var latencies = new List<double>();
            var missed = new List<string>();
            int files = 0, detected = 0, leadInAlarms = 0;
            foreach (string path in AudioFiles(positives).Where(p => InSplit(p, options.Split)))
            {
                if (!TryLoad(path, unreadable, progress, out AudioClip? clip))
                {
                    continue;
                }

                files++;
                var result = EvaluatePositive(clip, options, files, watch);
                audioSeconds += result.AudioSeconds;
                leadInAlarms += result.LeadInAlarms;
                if (result.LatencySeconds is { } latency)
                {
                    detected++;
                    latencies.Add(latency);
                    if (latency > 1.5)
                    {
                        progress?.Report($"slow {latency:0.00} s {path} (energy onset {result.EnergyOnsetSeconds:0.00} s, episode start {result.EpisodeStartSeconds:0.00} s, first event at {result.DetectedAtSeconds:0.00} s)");
                    }
                }
                else
                {
                    missed.Add(path);
                    progress?.Report($"missed {path}");
                }
            }

            latencies.Sort();
            report = report with
            {
                PositiveFiles = files,
                PositivesDetected = detected,
                LeadInFalseAlarms = leadInAlarms,
                LatencyMedianSeconds = Percentile(latencies, 0.5),
                LatencyP95Seconds = Percentile(latencies, 0.95),
                Missed = missed,
            };
        }

        if (options.NegativesDirectory is { } negatives)
        {
            int files = 0, alarms = 0;
            double seconds = 0;
            var alarmFiles = new List<(string, int)>();
            foreach (string path in AudioFiles(negatives).Where(p => InNegativeSplit(p, options.Split)))
            {
                if (!TryLoad(path, unreadable, progress, out AudioClip? clip))
                {
                    continue;
                }

                files++;
                seconds += clip.DurationSeconds;
                var recorder = Run(clip.Samples, clip.SampleRate, options, watch);
                audioSeconds += clip.DurationSeconds;
                int count = recorder.Events.Count(e => e.Kind == CryEventKind.EpisodeStarted);
                if (count > 0)
                {
                    alarms += count;
                    alarmFiles.Add((path, count));
                    progress?.Report($"false alarm x{count} {path}");
                }
            }

            report = report with
            {
                NegativeFiles = files,
                NegativeHours = seconds / 3600,
                FalseAlarms = alarms,
                FalseAlarmFiles = alarmFiles,
            };
        }

        return report with
        {
            Unreadable = unreadable,
            RealTimeFactor = watch.Elapsed.TotalSeconds > 0 ? audioSeconds / watch.Elapsed.TotalSeconds : 0,
        };
    }

    /// <summary>Streams <paramref name="samples"/> through a fresh detector in chunks and returns the events.</summary>
    public static EventRecorder Run(float[] samples, int sampleRate, EvaluationOptions options, Stopwatch? watch = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        var detector = new CryDetector(options.Detector with { SampleRate = sampleRate });
        var recorder = new EventRecorder();
        watch?.Start();
        for (int i = 0; i < samples.Length; i += options.ChunkSamples)
        {
            detector.Process(samples.AsSpan(i, Math.Min(options.ChunkSamples, samples.Length - i)), recorder);
        }

        detector.Flush(recorder);
        watch?.Stop();
        return recorder;
    }

    /// <summary>All audio files under <paramref name="folder"/>, in a stable order.</summary>
    public static IEnumerable<string> AudioFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(AudioFile.HasAudioExtension)
            .Order(StringComparer.Ordinal);

    private static (double? LatencySeconds, int LeadInAlarms, double AudioSeconds, double EnergyOnsetSeconds, double? EpisodeStartSeconds, double? DetectedAtSeconds) EvaluatePositive(
        AudioClip clip, EvaluationOptions options, int index, Stopwatch watch)
    {
        int leadIn = (int)(options.LeadInSeconds * clip.SampleRate);
        var stream = new float[leadIn + clip.Samples.Length];
        clip.Samples.CopyTo(stream, leadIn);
        if (options.NoiseSnrDb is { } snr)
        {
            // The SNR is measured against the cry's own mean power, the usual definition for mixed test sets.
            float[] noise = NoiseGenerator.Pink(stream.Length, options.Seed + index);
            NoiseGenerator.MixAtSnr(stream, noise, NoiseGenerator.Power(clip.Samples), snr);
        }

        double onset = options.LeadInSeconds + clip.EstimateOnsetSeconds();
        double cryEnd = options.LeadInSeconds + clip.DurationSeconds;
        var recorder = Run(stream, clip.SampleRate, options, watch);
        double? latency = null, episodeStart = null, detectedAt = null;
        int leadInAlarms = 0;
        foreach (var e in recorder.Events)
        {
            if (e.Kind != CryEventKind.EpisodeStarted)
            {
                continue;
            }

            // An episode that starts inside the lead-in was triggered by the added quiet or noise, not by the cry.
            if (e.TimeSeconds < options.LeadInSeconds - 0.25)
            {
                leadInAlarms++;
            }
            else if (latency is null && e.TimeSeconds <= cryEnd)
            {
                // The onset estimate is energy-based; when the detector heard a quieter beginning, that is the onset.
                double start = Math.Min(onset, e.TimeSeconds);
                latency = Math.Max(0, e.DetectedAtSeconds - start);
                episodeStart = e.TimeSeconds;
                detectedAt = e.DetectedAtSeconds;
            }
        }

        return (latency, leadInAlarms, stream.Length / (double)clip.SampleRate, onset, episodeStart, detectedAt);
    }

    private static bool InSplit(string path, PositiveSplit split) => split switch
    {
        PositiveSplit.Train => !DonateACrySplit.IsTest(path),
        PositiveSplit.Test => DonateACrySplit.IsTest(path),
        _ => true,
    };

    private static bool InNegativeSplit(string path, PositiveSplit split) => split switch
    {
        PositiveSplit.Train => !DonateACrySplit.IsTestNegative(path),
        PositiveSplit.Test => DonateACrySplit.IsTestNegative(path),
        _ => true,
    };

    internal static bool TryLoad(string path, List<(string, string)> unreadable, IProgress<string>? progress, out AudioClip clip)
    {
        try
        {
            clip = AudioClip.Load(path);
            return true;
        }
        catch (Exception ex) when (ex is AudioFormatException or IOException or UnauthorizedAccessException)
        {
            unreadable.Add((path, ex.Message));
            progress?.Report($"unreadable {path}: {ex.Message}");
            clip = null!;
            return false;
        }
    }

    private static double? Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? null : sorted[(int)Math.Round(fraction * (sorted.Count - 1))];
}
