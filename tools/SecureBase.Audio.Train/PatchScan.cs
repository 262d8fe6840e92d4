using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;

/// <summary>
/// Prints the patch model's probability every 50 ms of a file (after the evaluator's 2.5 s of quiet), whatever the
/// unit rules say, with the frame's level over the background: would a verifier that scans loud sound, rather than
/// waiting for a voiced unit, hear a cry's first moments (tuning only)?
/// </summary>
internal static class PatchScan
{
    public static void Print(string path, CryPatchModel model)
    {
        var clip = AudioClip.Load(path);
        int leadIn = (int)(2.5 * clip.SampleRate);
        var stream = new float[leadIn + clip.Samples.Length];
        clip.Samples.CopyTo(stream, leadIn);
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = clip.SampleRate, PatchModel = model });
        var c = CultureInfo.InvariantCulture;
        int frame = 0;
        detector.FrameObserver = f =>
        {
            if (frame++ % 5 == 0 && f.CentreSeconds >= 2.5)
            {
                Console.WriteLine(string.Create(c,
                    $"{f.CentreSeconds - 2.5,7:0.000} s  over {f.LevelDb - f.FloorDb,5:0.0} dB  p {model.Probability(detector.CurrentPatch()):0.000} {(f.IsCryFrame ? "CRY" : "   ")} {(f.InUnit ? (f.UnitConfirmed ? "U+" : "u") : "")}"));
            }
        };
        var recorder = new EventRecorder();
        detector.Process(stream, recorder);
        detector.Flush(recorder);
        Console.WriteLine(string.Create(c, $"onset estimate {clip.EstimateOnsetSeconds():0.00}"));
        foreach (var e in recorder.Events)
        {
            Console.WriteLine(string.Create(c, $"{e.Kind} {e.Stage} at {e.TimeSeconds - 2.5:0.00} (detected {e.DetectedAtSeconds - 2.5:0.00})"));
        }
    }
}
