namespace SecureBase.Audio.Tests.Synthesis;

/// <summary>Builds a test signal piece by piece on a timeline (seconds), at one sample rate.</summary>
public sealed class SignalBuilder
{
    private readonly List<float> _samples = [];

    public SignalBuilder(int sampleRate) => SampleRate = sampleRate;

    public int SampleRate { get; }

    public double DurationSeconds => _samples.Count / (double)SampleRate;

    public SignalBuilder Silence(double seconds)
    {
        _samples.AddRange(new float[(int)Math.Round(seconds * SampleRate)]);
        return this;
    }

    public SignalBuilder Append(float[] samples)
    {
        _samples.AddRange(samples);
        return this;
    }

    /// <summary>Adds <paramref name="noise"/> (unit variance) scaled to <paramref name="levelDbfs"/> over the whole signal.</summary>
    public SignalBuilder AddNoise(float[] noise, double levelDbfs)
    {
        float gain = (float)Math.Pow(10, levelDbfs / 20);
        for (int i = 0; i < _samples.Count; i++)
        {
            _samples[i] += gain * noise[i % noise.Length];
        }

        return this;
    }

    public float[] Build() => [.. _samples];
}
