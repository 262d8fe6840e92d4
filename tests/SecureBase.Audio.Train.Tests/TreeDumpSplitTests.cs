using SecureBase.Audio.Evaluation;

namespace SecureBase.Audio.Train.Tests;

/// <summary>
/// Which side of the split each file of a tree dump lands on: non-cry folders split by source hash, except a folder
/// named as training-only (sources made only to train on), whose every source is training.
/// </summary>
public sealed class TreeDumpSplitTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("treedump-split-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_training_only_folder_keeps_its_held_out_hashed_sources_in_training()
    {
        // Two sources the hash puts on opposite sides, so the test would pass vacuously if the hash alone decided.
        string held = Enumerable.Range(0, 100).Select(n => $"voice-{n}").First(s => DonateACrySplit.IsTestNegative($"{s}__a.wav"));
        string kept = Enumerable.Range(0, 100).Select(n => $"voice-{n}").First(s => !DonateACrySplit.IsTestNegative($"{s}__a.wav"));
        string eval = Folder("eval", held, kept);
        string extra = Folder("extra", held, kept);

        var files = TreeDump.Files(Folder("cries"), eval + Path.PathSeparator + extra, trainingOnly: [extra + Path.DirectorySeparatorChar]);

        Assert.Equal(8, files.Count); // two sources of two parts in each folder
        Assert.All(files, f => Assert.Equal(0, f.Label));
        // The evaluation folder still splits by source, both parts of a source on one side.
        Assert.All(files.Where(f => f.Path.StartsWith(eval, StringComparison.Ordinal)), f => Assert.Equal(f.Source.Contains(held, StringComparison.Ordinal), f.Test));
        Assert.Contains(files, f => f.Test && f.Source == $"eval/speech/{held}");
        // The training-only folder puts even the source the hash would hold out in training.
        Assert.All(files.Where(f => f.Path.StartsWith(extra, StringComparison.Ordinal)), f => Assert.False(f.Test, f.Path));
        Assert.Contains(files, f => f.Source == $"extra/speech/{held}");
    }

    [Fact]
    public void Without_a_training_only_folder_every_folder_splits_by_source()
    {
        string held = Enumerable.Range(0, 100).Select(n => $"voice-{n}").First(s => DonateACrySplit.IsTestNegative($"{s}__a.wav"));
        string extra = Folder("extra", held);

        var files = TreeDump.Files(Folder("cries"), extra);

        Assert.All(files, f => Assert.True(f.Test, f.Path));
    }

    // A folder of empty WAV files under speech/ (Files only lists and labels them; nothing is read).
    private string Folder(string name, params string[] sources)
    {
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(folder, "speech"));
        foreach (string source in sources)
        {
            foreach (string part in new[] { "a", "b" })
            {
                File.WriteAllBytes(Path.Combine(folder, "speech", $"{source}__{part}.wav"), []);
            }
        }

        return folder;
    }
}
