namespace SecureBase.Monitoring.Simulation;

/// <summary>
/// Synthesised nursery audio for tests, benchmarks and demos: a quiet room, then cry-like units — harmonic, with an
/// arched melody around 430–540 Hz, a living waver and breath noise under the voice — separated by short pauses, then
/// quiet again (6 s).
/// </summary>
public static class SyntheticNursery
{
    /// <summary>Mono 16-bit samples at <paramref name="rate"/> Hz.</summary>
    /// <param name="rate">Sample rate, Hz.</param>
    /// <param name="quietSeconds">Quiet before the first unit, seconds (the cry's onset).</param>
    /// <param name="units">Number of cry units.</param>
    /// <param name="unitSeconds">Length of a unit, seconds.</param>
    /// <param name="pauseSeconds">Pause after each unit, seconds.</param>
    /// <param name="seed">Seed of the room noise and the pitch jitter.</param>
    public static short[] QuietThenCry(int rate, double quietSeconds, int units, double unitSeconds = 1.0, double pauseSeconds = 0.35, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 8000);
#pragma warning disable CA5394 // Not security: reproducible test audio.
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
                // A crying baby pushes air: turbulent breath noise sits under the harmonics (pure tones are not a voice).
                var breath = (random.NextDouble() - 0.5) * 0.08;
                samples[start + i] += 0.25 * envelope * (v + breath);
            }
            t0 += unitSeconds + pauseSeconds;
        }
#pragma warning restore CA5394
        return samples.Select(v => (short)Math.Clamp(v * 32767, short.MinValue, short.MaxValue)).ToArray();
    }

    /// <summary>A 16-bit mono PCM WAV file of the samples (for browsers' fake microphones and for `analyze`).</summary>
    public static byte[] ToWav(ReadOnlySpan<short> samples, int rate) => SecureBase.Audio.Input.Pcm16WavWriter.ToWav(samples, rate);
}
