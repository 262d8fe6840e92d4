using SecureBase.Audio.Input;

namespace SecureBase.Audio.Evaluation;

/// <summary>A short recording held in memory (evaluation clips are seconds to minutes long).</summary>
/// <param name="Path">Where it came from.</param>
/// <param name="Samples">Mono samples in [-1, 1].</param>
/// <param name="SampleRate">Rate in Hz.</param>
public sealed record AudioClip(string Path, float[] Samples, int SampleRate)
{
    /// <summary>Longest clip loaded, in seconds; evaluation data are short recordings.</summary>
    public const double MaxSeconds = 3600;

    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => Samples.Length / (double)SampleRate;

    /// <summary>Reads a whole file through <see cref="AudioFile"/>.</summary>
    /// <exception cref="AudioFormatException">Unreadable or longer than <see cref="MaxSeconds"/>.</exception>
    public static AudioClip Load(string path)
    {
        using IAudioSource source = AudioFile.Open(path);
        var buffer = new float[8192];
        var samples = new List<float>();
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            samples.AddRange(buffer.AsSpan(0, read));
            if (samples.Count > MaxSeconds * source.SampleRate)
            {
                throw new AudioFormatException($"{path} is longer than {MaxSeconds} s; evaluation clips should be short.");
            }
        }

        return new AudioClip(path, [.. samples], source.SampleRate);
    }

    /// <summary>
    /// Where the cry in this clip begins, in seconds: the start of the first 10 ms frame within 20 dB of the clip's
    /// loud level (its 95th-percentile frame level). Recordings often start with a little room noise first.
    /// </summary>
    public double EstimateOnsetSeconds()
    {
        int hop = Math.Max(1, SampleRate / 100);
        int frames = Samples.Length / hop;
        if (frames == 0)
        {
            return 0;
        }

        var levels = new double[frames];
        for (int f = 0; f < frames; f++)
        {
            levels[f] = 10 * Math.Log10(NoiseGenerator.Power(Samples.AsSpan(f * hop, hop)) + 1e-12);
        }

        double[] sorted = [.. levels];
        Array.Sort(sorted);
        double loud = sorted[(int)(0.95 * (frames - 1))];
        for (int f = 0; f < frames; f++)
        {
            if (levels[f] >= loud - 20)
            {
                return f * hop / (double)SampleRate;
            }
        }

        return 0;
    }
}
