using System.Text.Json;
using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Model;

/// <summary>
/// A gradient-boosted ensemble of regression trees over <see cref="CryContextFeatures"/> (a unit's features and its
/// context): the raw score (sum of the trees' leaf values, weighted, plus a bias; larger = more cry-like) of a unit
/// heard so far. Trained offline (the tuning tool's <c>trees</c> command, ML.NET FastTree) and exported as plain
/// arrays, so the library evaluates it without any machine-learning dependency, allocation-free.
/// </summary>
/// <remarks>
/// Node layout (all trees concatenated): an internal node <c>n</c> sends a vector left when
/// <c>x[SplitFeature[n]] &lt;= SplitThreshold[n]</c>, else right; a child index ≥ 0 is another node of the same tree
/// (relative to the tree's first node), a negative one is the leaf <c>~child</c> (relative to the tree's first leaf).
/// </remarks>
public sealed class CryTreeModel
{
    private const string ResourceName = "SecureBase.Audio.Model.cry-tree-model.json";
    private static readonly Lazy<CryTreeModel?> Embedded = new(LoadEmbedded);

    /// <summary>Feature names, in the order the splits index them (a leading part of <see cref="CryContextFeatures.Names"/>).</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Added to the weighted sum of the trees.</summary>
    public required float Bias { get; init; }

    /// <summary>Default decision threshold on the raw score: a unit needs at least this to open an episode.</summary>
    public required float Threshold { get; init; }

    /// <summary>Weight of each tree's output.</summary>
    public required float[] TreeWeights { get; init; }

    /// <summary>Index of each tree's first node in the node arrays; one more entry marks the end.</summary>
    public required int[] NodeStart { get; init; }

    /// <summary>Index of each tree's first leaf in <see cref="LeafValues"/>; one more entry marks the end.</summary>
    public required int[] LeafStart { get; init; }

    /// <summary>Feature index each internal node splits on.</summary>
    public required int[] SplitFeature { get; init; }

    /// <summary>Split threshold of each internal node (left when the feature is at most this).</summary>
    public required float[] SplitThreshold { get; init; }

    /// <summary>Left child of each internal node (see the remarks).</summary>
    public required int[] Left { get; init; }

    /// <summary>Right child of each internal node (see the remarks).</summary>
    public required int[] Right { get; init; }

    /// <summary>Output of every leaf.</summary>
    public required float[] LeafValues { get; init; }

    /// <summary>The check only judges units whose median f0 is below this, in Hz; null judges every unit.</summary>
    public float? MaxMedianF0Hz { get; init; }

    /// <summary>How the model was trained (data, seed, hyper-parameters, cross-validated figures), for people.</summary>
    public string? Provenance { get; init; }

    /// <summary>The model shipped in this assembly, or null when none is embedded.</summary>
    public static CryTreeModel? Shipped => Embedded.Value;

    /// <summary>Number of trees.</summary>
    public int TreeCount => TreeWeights.Length;

    /// <summary>Whether the check has a say on a unit with this median f0 (Hz).</summary>
    public bool Judges(double medianF0Hz) => MaxMedianF0Hz is not { } band || medianF0Hz < band;

    /// <summary>Raw score of a feature vector (<see cref="CryContextFeatures.Names"/> order); larger is more cry-like. Allocation-free.</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        // Accumulated in double, as the trainer's own evaluation does, so exported scores match it closely.
        double sum = Bias;
        for (int t = 0; t < TreeWeights.Length; t++)
        {
            int first = NodeStart[t];
            int node = NodeStart[t + 1] > first ? 0 : -1; // a tree of one leaf has no internal node
            while (node >= 0)
            {
                int n = first + node;
                node = features[SplitFeature[n]] <= SplitThreshold[n] ? Left[n] : Right[n];
            }

            sum += TreeWeights[t] * (double)LeafValues[LeafStart[t] + ~node];
        }

        return (float)sum;
    }

    /// <summary>Reads and checks a model file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid tree model for the current feature set.</exception>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    public static CryTreeModel Load(Stream json)
    {
        CryTreeModel model;
        using (JsonDocument document = JsonDocument.Parse(json))
        {
            JsonElement root = document.RootElement;
            try
            {
                model = new CryTreeModel
                {
                    Features = CryUnitModelReader.Strings(Required(root, "features")),
                    Bias = Required(root, "bias").GetSingle(),
                    Threshold = Required(root, "threshold").GetSingle(),
                    TreeWeights = CryUnitModelReader.Floats(Required(root, "treeWeights")),
                    NodeStart = CryUnitModelReader.Ints(Required(root, "nodeStart")),
                    LeafStart = CryUnitModelReader.Ints(Required(root, "leafStart")),
                    SplitFeature = CryUnitModelReader.Ints(Required(root, "splitFeature")),
                    SplitThreshold = CryUnitModelReader.Floats(Required(root, "splitThreshold")),
                    Left = CryUnitModelReader.Ints(Required(root, "left")),
                    Right = CryUnitModelReader.Ints(Required(root, "right")),
                    LeafValues = CryUnitModelReader.Floats(Required(root, "leafValues")),
                    MaxMedianF0Hz = root.TryGetProperty("maxMedianF0Hz", out JsonElement band) && band.ValueKind == JsonValueKind.Number ? band.GetSingle() : null,
                    Provenance = root.TryGetProperty("provenance", out JsonElement provenance) ? provenance.GetString() : null,
                };
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                throw new InvalidDataException("The tree model file holds a value of the wrong type.", e);
            }
        }

        model.Check();
        return model;
    }

    /// <summary>Writes the model as JSON (camelCase names, as <see cref="Load"/> reads them).</summary>
    public void Save(Stream json)
    {
        using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        writer.WriteString("provenance", Provenance);
        writer.WriteStartArray("features");
        foreach (string name in Features)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteNumber("bias", Bias);
        writer.WriteNumber("threshold", Threshold);
        if (MaxMedianF0Hz is { } band)
        {
            writer.WriteNumber("maxMedianF0Hz", band);
        }

        WriteFloats(writer, "treeWeights", TreeWeights);
        WriteInts(writer, "nodeStart", NodeStart);
        WriteInts(writer, "leafStart", LeafStart);
        WriteInts(writer, "splitFeature", SplitFeature);
        WriteFloats(writer, "splitThreshold", SplitThreshold);
        WriteInts(writer, "left", Left);
        WriteInts(writer, "right", Right);
        WriteFloats(writer, "leafValues", LeafValues);
        writer.WriteEndObject();
    }

    private void Check()
    {
        int d = Features.Count;
        int trees = TreeWeights.Length;
        bool valid = d <= CryContextFeatures.Count && Features.SequenceEqual(CryContextFeatures.Names.Take(d))
            && NodeStart.Length == trees + 1 && LeafStart.Length == trees + 1 && NodeStart[0] == 0 && LeafStart[0] == 0
            && NodeStart[trees] == SplitFeature.Length && SplitThreshold.Length == SplitFeature.Length
            && Left.Length == SplitFeature.Length && Right.Length == SplitFeature.Length && LeafStart[trees] == LeafValues.Length
            && float.IsFinite(Bias) && float.IsFinite(Threshold);
        for (int t = 0; t < trees && valid; t++)
        {
            int nodes = NodeStart[t + 1] - NodeStart[t];
            int leaves = LeafStart[t + 1] - LeafStart[t];
            // A binary tree has one leaf more than internal nodes; children must stay inside their tree, and a child
            // always has a larger index than its parent, so evaluation cannot loop.
            valid = nodes >= 0 && leaves == nodes + 1 && float.IsFinite(TreeWeights[t]);
            for (int n = 0; n < nodes && valid; n++)
            {
                int i = NodeStart[t] + n;
                valid = SplitFeature[i] >= 0 && SplitFeature[i] < d && !float.IsNaN(SplitThreshold[i])
                    && ChildValid(Left[i], n, nodes, leaves) && ChildValid(Right[i], n, nodes, leaves);
            }
        }

        for (int i = 0; i < LeafValues.Length && valid; i++)
        {
            valid = float.IsFinite(LeafValues[i]);
        }

        if (!valid)
        {
            throw new InvalidDataException("The tree model file is inconsistent or was trained on a different feature set; retrain it.");
        }
    }

    private static bool ChildValid(int child, int parent, int nodes, int leaves) =>
        child >= 0 ? child > parent && child < nodes : ~child < leaves;

    private static CryTreeModel? LoadEmbedded()
    {
        using Stream? stream = typeof(CryTreeModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }

    private static JsonElement Required(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new InvalidDataException($"The tree model file has no '{name}'.");

    private static void WriteFloats(Utf8JsonWriter writer, string name, float[] values)
    {
        writer.WriteStartArray(name);
        foreach (float value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteInts(Utf8JsonWriter writer, string name, int[] values)
    {
        writer.WriteStartArray(name);
        foreach (int value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
