using System.Text.Json;
using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Model;

/// <summary>
/// A small neural network over a log-mel <b>patch</b> (<see cref="LogMelPatch"/>: the last
/// <see cref="Frames"/> × 10 ms of the signal in <see cref="Bands"/> mel bands between <see cref="LowHz"/> and
/// <see cref="HighHz"/>, each band's mean removed): one hidden layer of <see cref="Hidden"/> rectified units and a
/// logistic output, the probability that the patch is crying; or (session 8, file kind "conv") a small convolutional
/// network, <see cref="Convolution"/>, over the same patch. Trained by <see cref="CryPatchTrainer"/>.
/// </summary>
/// <remarks>
/// Why a patch: per-unit summary numbers (pitch, voicing, resonance, spectral moments) overlap between cries and
/// voices (docs/cry-engine.md, sessions 3-5); the time-frequency pattern itself (harmonics that sweep together, the
/// breath between bursts, syllable transitions) carries more. The detector asks it only at the moment a unit would
/// open an episode, so its cost (inputs × hidden multiply-adds) is paid rarely.
/// </remarks>
public sealed class CryPatchModel
{
    private const string ResourceName = "SecureBase.Audio.Model.cry-patch-model.json";
    private const int MaxHidden = 256;
    private static readonly Lazy<CryPatchModel?> Embedded = new(LoadEmbedded);

    /// <summary>Mel bands of the patch.</summary>
    public required int Bands { get; init; }

    /// <summary>Frames of the patch, one every 10 ms.</summary>
    public required int Frames { get; init; }

    /// <summary>Lower edge of the first mel band, in Hz.</summary>
    public required float LowHz { get; init; }

    /// <summary>Upper edge of the last mel band, in Hz.</summary>
    public required float HighHz { get; init; }

    /// <summary>Hidden units (0 for a convolutional model).</summary>
    public required int Hidden { get; init; }

    /// <summary>
    /// Consecutive frames averaged into one network input column (1 = the 10 ms frames themselves, 4 = 40 ms steps).
    /// Fewer inputs, fewer weights to learn the training sources with.
    /// </summary>
    public int TimePool { get; init; } = 1;

    /// <summary>Every patch value is multiplied by this before the first layer (the trainer's input standardisation).</summary>
    public required float InputScale { get; init; }

    /// <summary>First-layer weights, hidden unit by hidden unit (<see cref="Hidden"/> rows of <see cref="Bands"/> × <see cref="Frames"/>).</summary>
    public required float[] InputWeights { get; init; }

    /// <summary>First-layer biases, one per hidden unit.</summary>
    public required float[] HiddenBias { get; init; }

    /// <summary>Output weights, one per hidden unit.</summary>
    public required float[] OutputWeights { get; init; }

    /// <summary>Output bias.</summary>
    public required float OutputBias { get; init; }

    /// <summary>Probability a patch needs before a unit may open an episode (chosen by the trainer on held-back training sources).</summary>
    public required float Threshold { get; init; }

    /// <summary>
    /// The convolutional network that replaces the dense layer when set (file kind "conv"); the dense arrays are then
    /// empty and <see cref="Hidden"/> is 0.
    /// </summary>
    public PatchConvolution? Convolution { get; init; }

    /// <summary>"dense" or "conv", as written in the file.</summary>
    public string Kind => Convolution is null ? "dense" : "conv";

    /// <summary>
    /// Floats of scratch <see cref="Probability(ReadOnlySpan{float}, Span{float})"/> needs (the convolution's
    /// activations and the pooled input); 0 for a dense model, which keeps its hidden layer on the stack.
    /// </summary>
    public int ScratchLength => Convolution is { } c ? InputCount + c.ScratchLength(Bands, Frames / TimePool) : 0;

    /// <summary>How the model was trained, for people.</summary>
    public string? Provenance { get; init; }

    /// <summary>Values per patch.</summary>
    public int PatchLength => Bands * Frames;

    /// <summary>Network inputs (the patch after time pooling).</summary>
    public int InputCount => Bands * (Frames / TimePool);

    /// <summary>The model shipped in this assembly, or null when none is embedded.</summary>
    public static CryPatchModel? Shipped => Embedded.Value;

    /// <summary>
    /// Probability (0 to 1) that the patch is crying. Allocation-free for a dense model (the hidden layer lives on the
    /// stack); a convolutional model allocates its scratch here, so hot paths use the overload taking scratch.
    /// </summary>
    /// <param name="patch">A normalised patch of <see cref="PatchLength"/> values, time-major.</param>
    public float Probability(ReadOnlySpan<float> patch)
    {
        if (Convolution is not null)
        {
            return Probability(patch, new float[ScratchLength]);
        }

        Span<float> hidden = stackalloc float[MaxHidden];
        if (TimePool == 1)
        {
            return DenseProbability(patch, hidden[..Hidden]);
        }

        Span<float> pooled = stackalloc float[InputCount];
        Pool(patch, pooled, Bands, TimePool);
        return DenseProbability(pooled, hidden[..Hidden]);
    }

    /// <summary>Probability (0 to 1) that the patch is crying, with caller-owned scratch. Allocation-free.</summary>
    /// <param name="patch">A normalised patch of <see cref="PatchLength"/> values, time-major.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> floats, overwritten.</param>
    public float Probability(ReadOnlySpan<float> patch, Span<float> scratch)
    {
        if (Convolution is not { } conv)
        {
            return Probability(patch);
        }

        ReadOnlySpan<float> input = patch;
        if (TimePool > 1)
        {
            Span<float> pooled = scratch[..InputCount];
            Pool(patch, pooled, Bands, TimePool);
            input = pooled;
        }

        float logit = conv.Logit(input, Bands, Frames / TimePool, InputScale, scratch[InputCount..]);
        return 1f / (1f + MathF.Exp(-logit));
    }

    /// <summary>Averages every <paramref name="pool"/> consecutive frames of a time-major patch.</summary>
    internal static void Pool(ReadOnlySpan<float> patch, Span<float> pooled, int bands, int pool)
    {
        float scale = 1f / pool;
        int columns = pooled.Length / bands;
        for (int c = 0; c < columns; c++)
        {
            for (int b = 0; b < bands; b++)
            {
                float sum = 0;
                for (int k = 0; k < pool; k++)
                {
                    sum += patch[(((c * pool) + k) * bands) + b];
                }

                pooled[(c * bands) + b] = sum * scale;
            }
        }
    }

    /// <summary>The network on already pooled inputs, writing the hidden activations to <paramref name="hidden"/>.</summary>
    internal float DenseProbability(ReadOnlySpan<float> patch, Span<float> hidden)
    {
        int n = InputCount;
        ReadOnlySpan<float> input = patch[..n];
        float output = OutputBias;
        for (int h = 0; h < Hidden; h++)
        {
            float a = (InputScale * IntegerDecimator.Dot(InputWeights.AsSpan(h * n, n), input)) + HiddenBias[h];
            hidden[h] = a > 0 ? a : 0;
            output += OutputWeights[h] * hidden[h];
        }

        return 1f / (1f + MathF.Exp(-output));
    }

    /// <summary>Reads and checks a model file.</summary>
    /// <exception cref="InvalidDataException">A value is missing, of the wrong type or out of range.</exception>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    public static CryPatchModel Load(Stream json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        CryPatchModel model;
        try
        {
            string kind = root.TryGetProperty("kind", out JsonElement k) ? k.GetString() ?? "dense" : "dense";
            if (kind == "conv")
            {
                return LoadConvolution(root).Check();
            }

            if (kind != "dense")
            {
                throw new InvalidDataException($"Unknown patch model kind \"{kind}\" (dense or conv).");
            }

            model = new CryPatchModel
            {
                Bands = root.GetProperty("bands").GetInt32(),
                Frames = root.GetProperty("frames").GetInt32(),
                LowHz = root.GetProperty("lowHz").GetSingle(),
                HighHz = root.GetProperty("highHz").GetSingle(),
                Hidden = root.GetProperty("hidden").GetInt32(),
                TimePool = root.TryGetProperty("timePool", out JsonElement pool) ? pool.GetInt32() : 1,
                InputScale = root.GetProperty("inputScale").GetSingle(),
                InputWeights = CryUnitModelReader.Floats(root.GetProperty("inputWeights")),
                HiddenBias = CryUnitModelReader.Floats(root.GetProperty("hiddenBias")),
                OutputWeights = CryUnitModelReader.Floats(root.GetProperty("outputWeights")),
                OutputBias = root.GetProperty("outputBias").GetSingle(),
                Threshold = root.GetProperty("threshold").GetSingle(),
                Provenance = root.TryGetProperty("provenance", out JsonElement p) ? p.GetString() : null,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException("The patch model file is missing a value or holds one of the wrong type.", e);
        }

        return model.Check();
    }

    /// <summary>Writes the model as JSON (the names <see cref="Load"/> reads).</summary>
    public void Save(Stream json)
    {
        using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        writer.WriteString("provenance", Provenance);
        writer.WriteString("kind", Kind);
        writer.WriteNumber("bands", Bands);
        writer.WriteNumber("frames", Frames);
        writer.WriteNumber("lowHz", LowHz);
        writer.WriteNumber("highHz", HighHz);
        writer.WriteNumber("timePool", TimePool);
        writer.WriteNumber("inputScale", InputScale);
        writer.WriteNumber("threshold", Threshold);
        if (Convolution is { } c)
        {
            writer.WriteNumber("channels1", c.Channels1);
            writer.WriteNumber("channels2", c.Channels2);
            writer.WriteNumber("headBias", c.HeadBias);
            WriteArray(writer, "headWeights", c.HeadWeights);
            WriteArray(writer, "conv1Bias", c.Conv1Bias);
            WriteArray(writer, "conv1Weights", c.Conv1Weights);
            WriteArray(writer, "conv2Bias", c.Conv2Bias);
            WriteArray(writer, "conv2Weights", c.Conv2Weights);
        }
        else
        {
            writer.WriteNumber("hidden", Hidden);
            writer.WriteNumber("outputBias", OutputBias);
            WriteArray(writer, "outputWeights", OutputWeights);
            WriteArray(writer, "hiddenBias", HiddenBias);
            WriteArray(writer, "inputWeights", InputWeights);
        }

        writer.WriteEndObject();
    }

    /// <summary>Checks sizes and numbers.</summary>
    /// <exception cref="InvalidDataException">Wrong lengths or invalid numbers.</exception>
    internal CryPatchModel Check()
    {
        if (Convolution is { } conv)
        {
            bool ok = Bands is >= 4 and <= 128 && Frames is >= 1 and <= 1000 && TimePool is >= 1 and <= 16 && Frames % TimePool == 0
                && LowHz > 0 && HighHz > LowHz && float.IsFinite(InputScale) && Threshold is >= 0 and <= 1
                && conv.IsValid(Bands, Frames / TimePool);
            return ok ? this : throw new InvalidDataException("The patch model file holds invalid sizes or numbers.");
        }

        bool valid = Bands is >= 2 and <= 128 && Frames is >= 1 and <= 1000 && Hidden is >= 1 and <= MaxHidden
            && TimePool is >= 1 and <= 16 && Frames % TimePool == 0
            && LowHz > 0 && HighHz > LowHz && float.IsFinite(InputScale) && float.IsFinite(OutputBias)
            && Threshold is >= 0 and <= 1
            && InputWeights.Length == Hidden * InputCount && HiddenBias.Length == Hidden && OutputWeights.Length == Hidden;
        foreach (float[] values in new[] { InputWeights, HiddenBias, OutputWeights })
        {
            for (int i = 0; valid && i < values.Length; i++)
            {
                valid = float.IsFinite(values[i]);
            }
        }

        return valid ? this : throw new InvalidDataException("The patch model file holds invalid sizes or numbers.");
    }

    private static CryPatchModel LoadConvolution(JsonElement root) => new()
    {
        Bands = root.GetProperty("bands").GetInt32(),
        Frames = root.GetProperty("frames").GetInt32(),
        LowHz = root.GetProperty("lowHz").GetSingle(),
        HighHz = root.GetProperty("highHz").GetSingle(),
        TimePool = root.TryGetProperty("timePool", out JsonElement pool) ? pool.GetInt32() : 1,
        InputScale = root.GetProperty("inputScale").GetSingle(),
        Threshold = root.GetProperty("threshold").GetSingle(),
        Provenance = root.TryGetProperty("provenance", out JsonElement p) ? p.GetString() : null,
        Hidden = 0,
        InputWeights = [],
        HiddenBias = [],
        OutputWeights = [],
        OutputBias = 0,
        Convolution = new PatchConvolution
        {
            Channels1 = root.GetProperty("channels1").GetInt32(),
            Channels2 = root.GetProperty("channels2").GetInt32(),
            HeadBias = root.GetProperty("headBias").GetSingle(),
            HeadWeights = CryUnitModelReader.Floats(root.GetProperty("headWeights")),
            Conv1Bias = CryUnitModelReader.Floats(root.GetProperty("conv1Bias")),
            Conv1Weights = CryUnitModelReader.Floats(root.GetProperty("conv1Weights")),
            Conv2Bias = CryUnitModelReader.Floats(root.GetProperty("conv2Bias")),
            Conv2Weights = CryUnitModelReader.Floats(root.GetProperty("conv2Weights")),
        },
    };

    private static void WriteArray(Utf8JsonWriter writer, string name, float[] values)
    {
        writer.WriteStartArray(name);
        foreach (float v in values)
        {
            // Six decimals keep the file small; the weights are ~1e-2, and the forward pass is insensitive at that precision.
            writer.WriteNumberValue(MathF.Round(v, 6));
        }

        writer.WriteEndArray();
    }

    private static CryPatchModel? LoadEmbedded()
    {
        using Stream? stream = typeof(CryPatchModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
