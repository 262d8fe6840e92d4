using System.Text.Json;
using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Model;

/// <summary>
/// A one-class check on a unit's short-time spectrum: how far (squared Mahalanobis distance) the unit's spectral
/// summary lies from the spectra of real cries. Fitted on cries alone (<see cref="CrySpectralGateTrainer"/>), so it
/// cannot learn the particular speakers or sounds of a non-cry training set; a unit too unlike every cry heard in
/// training may not open an episode.
/// </summary>
/// <remarks>
/// Why one-class: the logistic check learns "cry versus the non-cry sources we have", and with a handful of real
/// voices a brighter-than-any-training-voice speaker reads as more cry-like to a linear model. A distance from the
/// cries does not extrapolate that way.
/// </remarks>
public sealed class CrySpectralGate
{
    private const string ResourceName = "SecureBase.Audio.Model.cry-spectral-gate.json";
    private const int MaxFeatures = 32;
    private static readonly Lazy<CrySpectralGate?> Embedded = new(LoadEmbedded);
    private int[] _indices = [];

    /// <summary>Names of the <see cref="CryUnitFeatures"/> the gate reads, in the order of <see cref="Mean"/>.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Mean of each feature over the training cries.</summary>
    public required float[] Mean { get; init; }

    /// <summary>Inverse of the (shrunk) covariance of the features over the training cries, row by row.</summary>
    public required float[] Precision { get; init; }

    /// <summary>Largest squared distance that still passes (the chosen quantile of the training cries' distances).</summary>
    public required float Threshold { get; init; }

    /// <summary>
    /// The gate only judges units whose median f0 is below this, in Hz; null judges every unit. Very high cries
    /// (hyperphonation, over 1000 Hz) are rare in the training cries, and a one-class check must not shut out the cries
    /// the acoustic notes exist for.
    /// </summary>
    public float? MaxMedianF0Hz { get; init; }

    /// <summary>Whether the gate has a say on a unit with this median f0 (Hz).</summary>
    public bool Judges(double medianF0Hz) => MaxMedianF0Hz is not { } band || medianF0Hz < band;

    /// <summary>How the gate was fitted, for people.</summary>
    public string? Provenance { get; init; }

    /// <summary>The gate shipped in this assembly, or null when none is embedded.</summary>
    public static CrySpectralGate? Shipped => Embedded.Value;

    /// <summary>
    /// Squared Mahalanobis distance of a full unit feature vector (<see cref="CryUnitFeatures"/> order) from the cries.
    /// Allocation-free.
    /// </summary>
    public float Distance(ReadOnlySpan<float> unitFeatures)
    {
        int d = _indices.Length;
        Span<float> centred = stackalloc float[MaxFeatures];
        for (int i = 0; i < d; i++)
        {
            centred[i] = unitFeatures[_indices[i]] - Mean[i];
        }

        float sum = 0;
        for (int i = 0; i < d; i++)
        {
            float row = 0;
            for (int j = 0; j < d; j++)
            {
                row += Precision[(i * d) + j] * centred[j];
            }

            sum += centred[i] * row;
        }

        return sum;
    }

    /// <summary>Reads and checks a gate file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid gate for the current feature set.</exception>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    public static CrySpectralGate Load(Stream json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        try
        {
            var gate = new CrySpectralGate
            {
                Features = [.. root.GetProperty("features").EnumerateArray().Select(e => e.GetString() ?? string.Empty)],
                Mean = CryUnitModelReader.Floats(root.GetProperty("mean")),
                Precision = CryUnitModelReader.Floats(root.GetProperty("precision")),
                Threshold = root.GetProperty("threshold").GetSingle(),
                MaxMedianF0Hz = root.TryGetProperty("maxMedianF0Hz", out JsonElement band) && band.ValueKind != JsonValueKind.Null ? band.GetSingle() : null,
                Provenance = root.TryGetProperty("provenance", out JsonElement p) ? p.GetString() : null,
            };
            gate.Prepare();
            return gate;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException("The spectral gate file is missing a value or holds one of the wrong type.", e);
        }
    }

    /// <summary>Writes the gate as JSON.</summary>
    public void Save(Stream json) => JsonSerializer.Serialize(json, this, CryUnitModelJson.Default.CrySpectralGate);

    /// <summary>Checks the numbers and resolves the feature names; called by <see cref="Load"/> and the trainer.</summary>
    /// <exception cref="InvalidDataException">Unknown feature, wrong lengths or invalid numbers.</exception>
    internal CrySpectralGate Prepare()
    {
        int d = Features.Count;
        var indices = new int[d];
        for (int i = 0; i < d; i++)
        {
            indices[i] = CryUnitFeatures.Names.ToList().IndexOf(Features[i]);
            if (indices[i] < 0)
            {
                throw new InvalidDataException($"The spectral gate reads an unknown feature '{Features[i]}'; refit it.");
            }
        }

        bool valid = d is > 0 and <= MaxFeatures && Mean.Length == d && Precision.Length == d * d
            && float.IsFinite(Threshold) && Threshold > 0 && (MaxMedianF0Hz is not { } top || top > 0);
        for (int i = 0; valid && i < Precision.Length; i++)
        {
            valid = float.IsFinite(Precision[i]);
        }

        if (!valid)
        {
            throw new InvalidDataException("The spectral gate file holds invalid numbers.");
        }

        _indices = indices;
        return this;
    }

    private static CrySpectralGate? LoadEmbedded()
    {
        using Stream? stream = typeof(CrySpectralGate).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
