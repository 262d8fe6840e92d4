using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;

/// <summary>
/// What the patch model says about a file (after the evaluator's 2.5 s of quiet; times are the file's): at every moment
/// a unit would open an episode (why a cry was turned down, or a voice let through), or every 50 ms whatever the unit
/// rules say (would scanning loud sound hear a cry's first moments?). Tuning only.
/// </summary>
internal static class PatchProbe
{
    private const double LeadInSeconds = 2.5;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The probability at every would-be opening, without opening.</summary>
    public static void Print(string path, CryPatchModel model)
    {
        var (stream, rate) = WithLeadIn(path);
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = rate });
        detector.PatchObserver = (patch, now) =>
        {
            Console.WriteLine(string.Create(Invariant, $"{now - LeadInSeconds,7:0.000} s  p {model.Probability(patch):0.000}"));
            return false;
        };
        Run(detector, stream);
    }

    /// <summary>The probability every 50 ms, with the frame's level over the background and the unit state, then the events.</summary>
    public static void Scan(string path, CryPatchModel model)
    {
        var (stream, rate) = WithLeadIn(path);
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = rate, PatchModel = model });
        int frame = 0;
        detector.FrameObserver = f =>
        {
            if (frame++ % 5 == 0 && f.CentreSeconds >= LeadInSeconds)
            {
                Console.WriteLine(string.Create(Invariant,
                    $"{f.CentreSeconds - LeadInSeconds,7:0.000} s  over {f.LevelDb - f.FloorDb,5:0.0} dB  p {model.Probability(detector.CurrentPatch()):0.000} {(f.IsCryFrame ? "CRY" : "   ")} {(f.InUnit ? (f.UnitConfirmed ? "U+" : "u") : "")}"));
            }
        };
        foreach (var e in Run(detector, stream).Events)
        {
            Console.WriteLine(string.Create(Invariant, $"{e.Kind} {e.Stage} at {e.TimeSeconds - LeadInSeconds:0.00} (detected {e.DetectedAtSeconds - LeadInSeconds:0.00})"));
        }
    }

    private static (float[] Stream, int SampleRate) WithLeadIn(string path)
    {
        var clip = AudioClip.Load(path);
        int leadIn = (int)(LeadInSeconds * clip.SampleRate);
        var stream = new float[leadIn + clip.Samples.Length];
        clip.Samples.CopyTo(stream, leadIn);
        return (stream, clip.SampleRate);
    }

    private static EventRecorder Run(CryDetector detector, float[] stream)
    {
        var recorder = new EventRecorder();
        detector.Process(stream, recorder);
        detector.Flush(recorder);
        return recorder;
    }
}
