namespace SecureBase.Audio.Model;

/// <summary>The trainer's data plumbing: the patch cache on disk, time pooling, and merging networks into one.</summary>
public static partial class CryPatchTrainer
{
    private static void WriteExamples(string path, List<Example> examples)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(examples.Count);
        foreach (Example e in examples)
        {
            writer.Write(e.Cry);
            writer.Write(e.Source);
            writer.Write(e.Copy);
            writer.Write(e.Opening);
            writer.Write(e.Patch.Length);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(e.Patch.AsSpan()));
        }
    }

    private static List<Example> ReadExamples(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        int count = reader.ReadInt32();
        var examples = new List<Example>(count);
        for (int i = 0; i < count; i++)
        {
            bool cry = reader.ReadBoolean();
            string source = reader.ReadString();
            int copy = reader.ReadInt32();
            bool opening = reader.ReadBoolean();
            var patch = new float[reader.ReadInt32()];
            reader.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(patch.AsSpan()));
            examples.Add(new Example(patch, cry, source, copy, opening));
        }

        return examples;
    }

    /// <summary>
    /// Averages the logits of networks of one shape by stacking their hidden units into one wider network: the output
    /// weights are divided by the member count and the output biases averaged.
    /// </summary>
    internal static CryPatchModel Merge(IReadOnlyList<CryPatchModel> members)
    {
        if (members.Count == 1)
        {
            return members[0];
        }

        CryPatchModel first = members[0];
        float k = members.Count;
        return new CryPatchModel
        {
            Bands = first.Bands,
            Frames = first.Frames,
            LowHz = first.LowHz,
            HighHz = first.HighHz,
            TimePool = first.TimePool,
            Hidden = members.Sum(m => m.Hidden),
            // Each member scaled its inputs by its own statistic; they are computed on the same data, hence equal.
            InputScale = first.InputScale,
            InputWeights = [.. members.SelectMany(m => m.InputWeights)],
            HiddenBias = [.. members.SelectMany(m => m.HiddenBias)],
            OutputWeights = [.. members.SelectMany(m => m.OutputWeights.Select(w => w / k))],
            OutputBias = members.Average(m => m.OutputBias),
            Threshold = first.Threshold,
        };
    }

    private static IReadOnlyList<Example> Pooled(IReadOnlyList<Example> examples, int pool)
    {
        if (pool == 1)
        {
            return examples;
        }

        return [.. examples.Select(e =>
        {
            var pooled = new float[e.Patch.Length / pool];
            CryPatchModel.Pool(e.Patch, pooled, Bands, pool);
            return e with { Patch = pooled };
        })];
    }
}
