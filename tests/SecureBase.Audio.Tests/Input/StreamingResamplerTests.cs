using SecureBase.Audio.Input;
using SecureBase.Audio.Tests.Synthesis;

namespace SecureBase.Audio.Tests.Input;

public class StreamingResamplerTests
{
    [Theory]
    [InlineData(8000, 16000, 440.0)]
    [InlineData(8000, 16000, 3000.0)]
    [InlineData(44100, 16000, 1000.0)]
    [InlineData(48000, 16000, 3000.0)]
    [InlineData(22050, 16000, 450.0)]
    [InlineData(11025, 16000, 2000.0)] // L = 640 phases: the interpolated-table path
    [InlineData(16000, 44100, 5000.0)]
    public void A_sine_keeps_its_frequency_and_amplitude(int inputRate, int outputRate, double frequency)
    {
        const double amplitude = 0.5;
        float[] input = Sine(frequency, amplitude, inputRate, seconds: 2.0);

        float[] output = ResampleInChunks(new StreamingResampler(inputRate, outputRate), input, chunk: 1024);

        // Judge the steady part, away from the filter's start-up and tail.
        ReadOnlySpan<float> middle = output.AsSpan(outputRate / 4, outputRate);
        Assert.InRange(ZeroCrossingFrequency(middle, outputRate), frequency * 0.999, frequency * 1.001);
        Assert.InRange(Rms(middle) * Math.Sqrt(2), amplitude * 0.98, amplitude * 1.02);
    }

    [Fact]
    public void Content_above_the_new_nyquist_is_removed_when_downsampling()
    {
        float[] input = Sine(12_000, 0.5, 48000, seconds: 1.0);

        float[] output = ResampleInChunks(new StreamingResampler(48000, 16000), input, chunk: 4096);

        double rms = Rms(output.AsSpan(2000, 10_000));
        double attenuationDb = 20 * Math.Log10(rms / (0.5 / Math.Sqrt(2)));
        Assert.True(attenuationDb < -60, $"alias at {attenuationDb:F1} dB");
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(11025, 16000)]
    public void The_output_does_not_depend_on_chunk_sizes(int inputRate, int outputRate)
    {
        float[] input = Sine(700, 0.3, inputRate, seconds: 0.5);
        float[] whole = ResampleInChunks(new StreamingResampler(inputRate, outputRate), input, chunk: input.Length);

        var random = new Random(7);
        var resampler = new StreamingResampler(inputRate, outputRate);
        var pieces = new List<float>();
        for (int offset = 0; offset < input.Length;)
        {
            int size = Math.Min(random.Next(1, 700), input.Length - offset);
            var output = new float[resampler.MaxOutputLength(size)];
            int written = resampler.Process(input.AsSpan(offset, size), output);
            pieces.AddRange(output.AsSpan(0, written));
            offset += size;
        }

        var tail = new float[resampler.MaxOutputLength(0)];
        pieces.AddRange(tail.AsSpan(0, resampler.Flush(tail)));

        Assert.Equal(whole, pieces.ToArray());
    }

    [Theory]
    [InlineData(8000, 16000, 12_345)]
    [InlineData(44100, 16000, 44_101)]
    [InlineData(48000, 16000, 1)]
    [InlineData(11025, 16000, 9_999)]
    public void Flushing_yields_exactly_the_duration_of_the_input(int inputRate, int outputRate, int inputLength)
    {
        float[] output = ResampleInChunks(new StreamingResampler(inputRate, outputRate), new float[inputLength], chunk: 1000);

        long expected = (((long)inputLength * outputRate) + inputRate - 1) / inputRate;
        Assert.Equal(expected, output.Length);
    }

    [Fact]
    public void Time_is_aligned_an_impulse_stays_at_its_instant()
    {
        var input = new float[8000];
        input[1000] = 1f; // at 0.125 s

        float[] output = ResampleInChunks(new StreamingResampler(8000, 16000), input, chunk: 512);

        int peak = Array.IndexOf(output, output.Max());
        Assert.Equal(2000, peak);
    }

    [Fact]
    public void Equal_rates_pass_samples_through_unchanged()
    {
        float[] input = Sine(300, 0.4, 16000, 0.1);
        var resampler = new StreamingResampler(16000, 16000);

        float[] output = ResampleInChunks(resampler, input, chunk: 100);

        Assert.True(resampler.IsPassThrough);
        Assert.Equal(input, output);
    }

    [Fact]
    public void Steady_state_processing_allocates_nothing()
    {
        var resampler = new StreamingResampler(44100, 16000);
        float[] chunk = Sine(500, 0.5, 44100, 0.1);
        var output = new float[resampler.MaxOutputLength(chunk.Length)];
        resampler.Process(chunk, output); // warm-up: sizes the history buffer once

        long allocated = Allocations.Fewest(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                resampler.Process(chunk, output);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(800_000)]
    public void Absurd_rates_are_refused(int rate)
    {
        Assert.Throws<AudioFormatException>(() => new StreamingResampler(rate, 16000));
    }

    internal static float[] Sine(double frequency, double amplitude, int rate, double seconds)
    {
        var samples = new float[(int)(rate * seconds)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return samples;
    }

    private static float[] ResampleInChunks(StreamingResampler resampler, float[] input, int chunk)
    {
        var all = new List<float>();
        var output = new float[resampler.MaxOutputLength(chunk)];
        for (int offset = 0; offset < input.Length; offset += chunk)
        {
            int size = Math.Min(chunk, input.Length - offset);
            int written = resampler.Process(input.AsSpan(offset, size), output);
            all.AddRange(output.AsSpan(0, written));
        }

        all.AddRange(output.AsSpan(0, resampler.Flush(output)));
        return [.. all];
    }

    private static double ZeroCrossingFrequency(ReadOnlySpan<float> signal, int rate)
    {
        double first = -1, last = -1;
        int crossings = 0;
        for (int i = 1; i < signal.Length; i++)
        {
            if (signal[i - 1] < 0 && signal[i] >= 0)
            {
                double at = i - 1 + (signal[i - 1] / (signal[i - 1] - signal[i]));
                if (first < 0)
                {
                    first = at;
                }

                last = at;
                crossings++;
            }
        }

        return (crossings - 1) / ((last - first) / rate);
    }

    private static double Rms(ReadOnlySpan<float> signal)
    {
        double sum = 0;
        foreach (float s in signal)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / signal.Length);
    }
}
