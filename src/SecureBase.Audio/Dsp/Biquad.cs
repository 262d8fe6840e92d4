namespace SecureBase.Audio.Dsp;

/// <summary>
/// A second-order IIR filter (the RBJ audio-EQ cookbook forms), direct form I. Used to colour training audio the way
/// another microphone or a door would (channel augmentation); not on the detector's path.
/// </summary>
public sealed class Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        _b0 = b0 / a0;
        _b1 = b1 / a0;
        _b2 = b2 / a0;
        _a1 = a1 / a0;
        _a2 = a2 / a0;
    }

    /// <summary>Low-pass at <paramref name="cutoffHz"/> (Hz) with quality <paramref name="q"/> (0.707 = Butterworth).</summary>
    public static Biquad LowPass(int sampleRate, double cutoffHz, double q = 0.7071)
    {
        (double cos, double alpha) = Angle(sampleRate, cutoffHz, q);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>High-pass at <paramref name="cutoffHz"/> (Hz) with quality <paramref name="q"/>.</summary>
    public static Biquad HighPass(int sampleRate, double cutoffHz, double q = 0.7071)
    {
        (double cos, double alpha) = Angle(sampleRate, cutoffHz, q);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Peaking EQ: <paramref name="gainDb"/> dB at <paramref name="centreHz"/> Hz, bandwidth set by <paramref name="q"/>.</summary>
    public static Biquad Peak(int sampleRate, double centreHz, double gainDb, double q = 0.7071)
    {
        (double cos, double alpha) = Angle(sampleRate, centreHz, q);
        double a = Math.Pow(10, gainDb / 40);
        return new Biquad(1 + (alpha * a), -2 * cos, 1 - (alpha * a), 1 + (alpha / a), -2 * cos, 1 - (alpha / a));
    }

    /// <summary>Filters <paramref name="signal"/> in place, continuing from the previous call's state.</summary>
    public void Process(Span<float> signal)
    {
        for (int i = 0; i < signal.Length; i++)
        {
            double x = signal[i];
            double y = (_b0 * x) + (_b1 * _x1) + (_b2 * _x2) - (_a1 * _y1) - (_a2 * _y2);
            _x2 = _x1;
            _x1 = x;
            _y2 = _y1;
            _y1 = y;
            signal[i] = (float)y;
        }
    }

    private static (double Cos, double Alpha) Angle(int sampleRate, double hz, double q)
    {
        if (sampleRate <= 0 || hz <= 0 || hz >= sampleRate / 2.0 || q <= 0)
        {
            throw new ArgumentException("A filter needs a positive rate, a frequency under half of it and a positive quality.");
        }

        double w = 2 * Math.PI * hz / sampleRate;
        return (Math.Cos(w), Math.Sin(w) / (2 * q));
    }
}
