using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

/// <summary>Prints what the detector measured on every frame of a file, and its events (for tuning).</summary>
internal static class FrameDump
{
    public static void Print(string path, CryDetectorOptions? options = null)
    {
        var clip = AudioClip.Load(path);
        var detector = new CryDetector((options ?? new CryDetectorOptions()) with { SampleRate = clip.SampleRate });
        var c = CultureInfo.InvariantCulture;
        detector.FrameObserver = f => Console.WriteLine(string.Create(c,
            $"{f.CentreSeconds,7:0.000} lvl {f.LevelDb,6:0.0} floor {f.FloorDb,6:0.0} f0 {f.F0Hz,6:0} r {f.Strength,5:0.00} br {f.BrightnessHz,5:0} sub {f.SubharmonicExcess,5:0.00} {(f.IsCryFrame ? "CRY" : "   ")} {(f.InUnit ? (f.UnitConfirmed ? "U+" : "u") : "")}"));
        var recorder = new EventRecorder();
        detector.Process(clip.Samples, recorder);
        detector.Flush(recorder);
        Console.WriteLine(string.Create(c, $"onset estimate {clip.EstimateOnsetSeconds():0.00}"));
        foreach (var e in recorder.Events)
        {
            Console.WriteLine(string.Create(c, $"{e.Kind} {e.Stage} at {e.TimeSeconds:0.00} (detected {e.DetectedAtSeconds:0.00})"));
            if (e.Episode is { } ep)
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(ep.Features));
            }
        }
    }
}
