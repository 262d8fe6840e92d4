using System.Diagnostics;
using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

/// <summary>
/// Prints the detector's speed (x real time) and allocations on a file or on ten synthetic minutes of 16 kHz crying
/// in background noise, streamed in 10 ms chunks (a complement to the BenchmarkDotNet class).
/// </summary>
internal static class SpeedCheck
{
    public static void Run(string? path, CryDetectorOptions? options = null)
    {
        float[] samples;
        int rate;
        if (path is null)
        {
            rate = 16000;
            samples = NoiseGenerator.Pink(rate * 600, 1);
            double phase = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                double t = i / (double)rate;
                bool voiced = t % 1.5 < 1.1; // 1.1 s units, 0.4 s pauses
                phase += 2 * Math.PI * 450 * (1 + (0.03 * Math.Sin(2 * Math.PI * 5 * t))) / rate;
                samples[i] = (0.005f * samples[i]) + (voiced ? (float)(0.1 * (Math.Sin(phase) + (0.5 * Math.Sin(2 * phase)) + (0.3 * Math.Sin(3 * phase)))) : 0);
            }
        }
        else
        {
            var clip = AudioClip.Load(path);
            (samples, rate) = (clip.Samples, clip.SampleRate);
        }

        int chunk = rate / 100;
        double best = double.MaxValue;
        double bestCpu = double.MaxValue;
        long allocated = 0;
        int events = 0;
        for (int round = 0; round < 4; round++)
        {
            var detector = new CryDetector((options ?? new CryDetectorOptions()) with { SampleRate = rate });
            var sink = new EventRecorder();
            // CPU time as well as wall time: on a shared, loaded machine the wall clock measures the other jobs.
            // (Read before the allocation counter: Process objects are not the detector's allocations.)
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < samples.Length; i += chunk)
            {
                detector.Process(samples.AsSpan(i, Math.Min(chunk, samples.Length - i)), sink);
            }

            detector.Flush(sink);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            events = sink.Events.Count;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        double seconds = samples.Length / (double)rate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{seconds:0} s of {rate} Hz audio in {best * 1000:0} ms wall = {seconds / best:0} x real time, {bestCpu * 1000:0} ms CPU = {seconds / bestCpu:0} x; {events} events; {allocated} bytes allocated (events included)"));
    }
}
