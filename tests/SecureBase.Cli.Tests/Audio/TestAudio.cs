using System.Buffers.Binary;

namespace SecureBase.Cli.Tests.Audio;

/// <summary>Synthesised audio for the command tests: cry-like harmonic bursts and plain 16-bit WAV files.</summary>
internal static class TestAudio
{
    /// <summary>
    /// <paramref name="units"/> one-second harmonic bursts at about <paramref name="f0Hz"/> (rise-and-fall contour,
    /// jitter, breath noise) separated by 0.35 s pauses, after <paramref name="leadIn"/> s of quiet.
    /// </summary>
    public static float[] Cry(int rate, double leadIn, int units, double f0Hz, double tail, int seed = 1)
    {
        var random = new Random(seed);
        const double unitSeconds = 1.0, pauseSeconds = 0.35;
        var samples = new float[(int)((leadIn + (units * unitSeconds) + ((units - 1) * pauseSeconds) + tail) * rate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() - 0.5) * 0.002);
        }

        double phase = 0, jitter = 0;
        for (int unit = 0; unit < units; unit++)
        {
            int first = (int)((leadIn + (unit * (unitSeconds + pauseSeconds))) * rate), count = (int)(unitSeconds * rate);
            for (int n = 0; n < count; n++)
            {
                double t = (double)n / count;
                if (n % (rate / 400) == 0)
                {
                    jitter = (0.7 * jitter) + ((random.NextDouble() - 0.5) * 0.02);
                }

                double f = f0Hz * (1 + (0.08 * Math.Sin(Math.PI * t)) - 0.04 + (0.015 * Math.Sin(2 * Math.PI * 6 * n / rate))) * (1 + jitter);
                phase += 2 * Math.PI * f / rate;
                double value = 0;
                for (int h = 1; h <= 6; h++)
                {
                    value += Math.Sin(h * phase) / h;
                }

                double envelope = Math.Min(1, Math.Min(t * 20, (1 - t) * 20));
                samples[first + n] += (float)(0.3 * envelope * (value + ((random.NextDouble() - 0.5) * 0.08)));
            }
        }

        return samples;
    }

    /// <summary>16-bit mono PCM bytes (no header), as arecord -t raw writes them.</summary>
    public static byte[] ToS16le(float[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)Math.Clamp(Math.Round(samples[i] * 32767), short.MinValue, short.MaxValue));
        }

        return bytes;
    }

    /// <summary>A canonical 16-bit mono WAV file.</summary>
    public static byte[] ToWav(float[] samples, int rate) => SecureBase.Audio.Input.Pcm16WavWriter.ToWav(samples, rate);
}
