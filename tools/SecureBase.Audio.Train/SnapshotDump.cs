using System.Globalization;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;

/// <summary>Writes every unit snapshot of the files under a folder as CSV (tuning).</summary>
internal static class SnapshotDump
{
    public static void Print(string folder, string label)
    {
        foreach (string path in CryEvaluator.AudioFiles(folder))
        {
            var clip = AudioClip.Load(path);
            var detector = new CryDetector(new CryDetectorOptions { SampleRate = clip.SampleRate, UseLearnedModel = false, UseTreeModel = false });
            detector.UnitObserver = (f, _, _) => Console.WriteLine(label + "," + Path.GetFileName(path) + "," + string.Join(',', f.ToArray().Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))));
            var sink = new EventRecorder();
            detector.Process(clip.Samples, sink);
            detector.Flush(sink);
        }
    }
}
