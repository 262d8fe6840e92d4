using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Tests.Dsp;

/// <summary>The log-mel patch: normalised against the channel, identical however the signal arrives, cached correctly.</summary>
public class LogMelPatchTests
{
    private const int Rate = 8000;
    private const int FrameLength = 256;
    private const int Hop = 80;

    private static LogMelPatch NewPatch() => new(Rate, FrameLength, Hop, bands: 24, frames: 64, lowHz: 150, highHz: 3200);

    /// <summary>A gliding harmonic tone with noise: structure in time and frequency.</summary>
    private static float[] Signal(int samples, double gain = 1)
    {
        var random = new Random(5);
        var x = new float[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++)
        {
            double f0 = 400 + (100 * Math.Sin(2 * Math.PI * 1.5 * i / Rate));
            phase += 2 * Math.PI * f0 / Rate;
            double v = (0.3 * Math.Sin(phase)) + (0.2 * Math.Sin(2 * phase)) + (0.1 * Math.Sin(3 * phase)) + (0.01 * (random.NextDouble() - 0.5));
            x[i] = (float)(gain * v);
        }

        return x;
    }

    private static float[] PatchAfter(float[] signal, int writeSize)
    {
        var patch = NewPatch();
        var values = new float[patch.Length];
        for (int i = 0; i < signal.Length; i += writeSize)
        {
            patch.Write(signal.AsSpan(i, Math.Min(writeSize, signal.Length - i)));
            if (i % (7 * writeSize) == 0)
            {
                // Asking in between fills the cache with frames that later requests reuse.
                patch.Fill(values);
            }
        }

        patch.Fill(values);
        return values;
    }

    [Fact]
    public void A_louder_or_quieter_channel_gives_the_same_patch()
    {
        // A gain adds the same constant to every band in log-mel; the per-band mean removal takes it out.
        float[] reference = PatchAfter(Signal(Rate), Hop);
        float[] quieter = PatchAfter(Signal(Rate, gain: 0.1), Hop);

        for (int i = 0; i < reference.Length; i++)
        {
            Assert.Equal(reference[i], quieter[i], 2);
        }
    }

    [Fact]
    public void Every_band_has_zero_mean_and_the_pattern_survives()
    {
        var patch = PatchAfter(Signal(Rate), Hop);

        for (int b = 0; b < 24; b++)
        {
            double mean = Enumerable.Range(0, 64).Average(t => patch[(t * 24) + b]);
            Assert.InRange(mean, -1e-4, 1e-4);
        }

        // The glide moves energy between bands over time: the patch is not flat.
        Assert.True(patch.Max(v => Math.Abs(v)) > 1, "the gliding tone should leave a pattern");
    }

    [Fact]
    public void The_patch_does_not_depend_on_how_the_samples_were_written_or_on_the_cache()
    {
        float[] signal = Signal(Rate);
        float[] byHop = PatchAfter(signal, Hop);
        float[] byOdd = PatchAfter(signal, 37);
        float[] once = PatchAfter(signal, signal.Length);

        Assert.Equal(byHop, byOdd);
        Assert.Equal(byHop, once);
    }

    [Fact]
    public void A_patch_allocates_nothing()
    {
        var patch = NewPatch();
        var values = new float[patch.Length];
        float[] signal = Signal(Rate);
        patch.Write(signal);
        patch.Fill(values);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            patch.Write(signal.AsSpan(i * Hop, Hop));
            patch.Fill(values);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
