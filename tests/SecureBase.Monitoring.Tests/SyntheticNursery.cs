namespace SecureBase.Monitoring.Tests;

/// <summary>Synthesised nursery audio as 16-bit samples: quiet room noise, then cry-like harmonic units.</summary>
internal static class SyntheticNursery
{
    public static short[] QuietThenCry(int rate, double quietSeconds, int units, double unitSeconds = 1.0, double pauseSeconds = 0.35, int seed = 7)
    {
        var random = new Random(seed);
        var total = (int)(rate * (quietSeconds + (units * (unitSeconds + pauseSeconds)) + 6));
        var samples = new double[total];
        for (var i = 0; i < total; i++) samples[i] = (random.NextDouble() - 0.5) * 0.002;
        var t0 = quietSeconds;
        for (var u = 0; u < units; u++)
        {
            var start = (int)(t0 * rate);
            var length = (int)(unitSeconds * rate);
            double phase = 0;
            for (var i = 0; i < length && start + i < total; i++)
            {
                var x = i / (double)length;
                // An arched melody with a living waver, as in a real cry unit.
                var f0 = 430 + (110 * Math.Sin(Math.PI * x)) + (9 * Math.Sin(2 * Math.PI * 5.5 * i / rate)) + (random.NextDouble() - 0.5) * 6;
                phase += 2 * Math.PI * f0 / rate;
                var envelope = Math.Min(1, Math.Min(x / 0.08, (1 - x) / 0.1));
                double v = 0;
                for (var k = 1; k <= 6; k++) v += Math.Sin(k * phase) / k;
                samples[start + i] += 0.25 * envelope * v;
            }
            t0 += unitSeconds + pauseSeconds;
        }
        return samples.Select(v => (short)Math.Clamp(v * 32767, short.MinValue, short.MaxValue)).ToArray();
    }
}
