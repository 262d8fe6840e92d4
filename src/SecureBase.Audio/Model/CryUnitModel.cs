using System.Text.Json;
using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Model;

/// <summary>
/// A logistic-regression classifier over <see cref="CryUnitFeatures"/>: the probability that a unit heard so far is
/// a baby's cry rather than speech, music, a pet or a machine. Trained by <see cref="CryModelTrainer"/>; the shipped
/// weights are embedded in this assembly (Model/cry-unit-model.json).
/// </summary>
public sealed class CryUnitModel
{
    private const string ResourceName = "SecureBase.Audio.Model.cry-unit-model.json";
    private static readonly Lazy<CryUnitModel?> Embedded = new(LoadEmbedded);

    /// <summary>Feature names, in the order the weights expect (must match <see cref="CryUnitFeatures.Names"/>).</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Per-feature mean used for standardisation.</summary>
    public required float[] Mean { get; init; }

    /// <summary>Per-feature scale (standard deviation) used for standardisation.</summary>
    public required float[] Scale { get; init; }

    /// <summary>Weights over the standardised features.</summary>
    public required float[] Weights { get; init; }

    /// <summary>Intercept.</summary>
    public required float Bias { get; init; }

    /// <summary>Default decision threshold on the probability, 0 to 1.</summary>
    public required float Threshold { get; init; }

    /// <summary>
    /// The model only judges units whose median f0 is below this, in Hz; null judges every unit (the shipped model:
    /// cats, music boxes and raised voices also fire above 430 Hz once the hand rules are loosened).
    /// </summary>
    public float? MaxMedianF0Hz { get; init; }

    /// <summary>
    /// Whether any weight falls on a short-time-spectrum feature (<see cref="CryUnitFeatures.SpectralOffset"/> on):
    /// only then does the detector compute a spectrum for pending units.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool UsesSpectrum
    {
        get
        {
            for (int i = CryUnitFeatures.SpectralOffset; i < Weights.Length; i++)
            {
                if (Weights[i] != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether the model has a say on a unit with this median f0 (Hz).</summary>
    public bool Judges(double medianF0Hz) => MaxMedianF0Hz is not { } band || medianF0Hz < band;

    /// <summary>How the model was trained (data, seed, figures), for people.</summary>
    public string? Provenance { get; init; }

    /// <summary>The model shipped in this assembly, or null when none is embedded.</summary>
    public static CryUnitModel? Shipped => Embedded.Value;

    /// <summary>JSON options for reading and writing model files (source-generated metadata, no reflection).</summary>
    public static JsonSerializerOptions JsonOptions => CryUnitModelJson.Default.Options;

    /// <summary>Probability (0 to 1) that <paramref name="features"/> describe a cry unit. Allocation-free.</summary>
    public float Probability(ReadOnlySpan<float> features)
    {
        float z = Bias;
        for (int i = 0; i < Weights.Length; i++)
        {
            z += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        }

        return 1f / (1f + MathF.Exp(-z));
    }

    /// <summary>Reads and checks a model file.</summary>
    /// <exception cref="InvalidDataException">The file is not a model for the current feature set.</exception>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    public static CryUnitModel Load(Stream json)
    {
        CryUnitModel model = CryUnitModelReader.Read(json);
        model.Check();
        return model;
    }

    /// <summary>Writes the model as JSON.</summary>
    public void Save(Stream json) => JsonSerializer.Serialize(json, this, CryUnitModelJson.Default.CryUnitModel);

    private void Check()
    {
        // A model may use a leading part of the feature list (a model from before the spectral features still loads).
        int count = Features.Count;
        if (count < CryUnitFeatures.SpectralOffset || count > CryUnitFeatures.Count
            || !Features.SequenceEqual(CryUnitFeatures.Names.Take(count)) || Mean.Length != count || Scale.Length != count || Weights.Length != count)
        {
            throw new InvalidDataException("The model was trained on a different feature set; retrain it (securebase train).");
        }

        // Plain loops rather than LINQ over float[]: this runs at every detector start, and generic LINQ over a value
        // type would be JIT-compiled there (see CryUnitModelReader).
        bool valid = float.IsFinite(Bias) && Threshold is >= 0 and <= 1 && (MaxMedianF0Hz is not { } band || band > 0);
        for (int i = 0; i < count && valid; i++)
        {
            valid = Scale[i] > 0 && float.IsFinite(Weights[i]);
        }

        if (!valid)
        {
            throw new InvalidDataException("The model file holds invalid numbers.");
        }
    }

    private static CryUnitModel? LoadEmbedded()
    {
        using Stream? stream = typeof(CryUnitModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
