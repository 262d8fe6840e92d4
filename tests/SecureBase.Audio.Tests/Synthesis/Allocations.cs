using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Tests.Synthesis;

/// <summary>Measures what steady-state code allocates on the calling thread.</summary>
internal static class Allocations
{
    /// <summary>
    /// The fewest bytes any of up to <paramref name="passes"/> runs of <paramref name="pass"/> allocated (stops at the
    /// first run that allocated nothing). A per-chunk allocation shows in every run; the runtime's own occasional
    /// allocations on a busy machine (tiered compilation replacing hot methods while the test runs: 1.6–6 KB seen in CI
    /// under load) show in one run only, so the best run is the honest figure.
    /// </summary>
    public static long Fewest(Action pass, int passes = 5)
    {
        ArgumentNullException.ThrowIfNull(pass);
        long fewest = long.MaxValue;
        for (int run = 0; run < passes && fewest > 0; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }

    /// <summary>
    /// <see cref="Fewest"/> of streaming <paramref name="signal"/> through <paramref name="detector"/> (reset first) in
    /// chunks of <paramref name="chunkSamples"/> samples, as a live monitor does.
    /// </summary>
    public static long FewestWhileStreaming(CryDetector detector, float[] signal, ICryEventSink sink, int chunkSamples = 160)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(signal);
        return Fewest(() =>
        {
            detector.Reset();
            for (int i = 0; i < signal.Length; i += chunkSamples)
            {
                detector.Process(signal.AsSpan(i, Math.Min(chunkSamples, signal.Length - i)), sink);
            }
        });
    }
}
