using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;

/// <summary>
/// Prints the patch model's probability at every moment a unit would open an episode in a file (after the evaluator's
/// 2.5 s of quiet), without opening: why a cry was turned down, or a voice let through (tuning only).
/// </summary>
internal static class PatchProbe
{
    public static void Print(string path, CryPatchModel model)
    {
        var clip = AudioClip.Load(path);
        int leadIn = (int)(2.5 * clip.SampleRate);
        var stream = new float[leadIn + clip.Samples.Length];
        clip.Samples.CopyTo(stream, leadIn);
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = clip.SampleRate });
        var c = CultureInfo.InvariantCulture;
        detector.PatchObserver = (patch, now) =>
        {
            Console.WriteLine(string.Create(c, $"{now - 2.5,7:0.000} s  p {model.Probability(patch):0.000}"));
            return false;
        };
        var recorder = new EventRecorder();
        detector.Process(stream, recorder);
        detector.Flush(recorder);
    }
}
