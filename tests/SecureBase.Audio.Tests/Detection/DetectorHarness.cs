using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

namespace SecureBase.Audio.Tests.Detection;

internal static class DetectorHarness
{
    public static EventRecorder Detect(float[] samples, int sampleRate, int chunk = 512, CryDetectorOptions? options = null)
    {
        var detector = new CryDetector((options ?? new CryDetectorOptions()) with { SampleRate = sampleRate });
        var recorder = new EventRecorder();
        for (int i = 0; i < samples.Length; i += chunk)
        {
            detector.Process(samples.AsSpan(i, Math.Min(chunk, samples.Length - i)), recorder);
        }

        detector.Flush(recorder);
        return recorder;
    }

    public static string Describe(EventRecorder recorder) =>
        string.Join("; ", recorder.Events.Select(e => $"{e.Kind} {e.Stage} @{e.TimeSeconds:0.00} (det {e.DetectedAtSeconds:0.00})"));
}
