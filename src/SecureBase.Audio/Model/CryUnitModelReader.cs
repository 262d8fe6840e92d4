using System.Text.Json;

namespace SecureBase.Audio.Model;

/// <summary>
/// Reads a model file through <see cref="JsonDocument"/>. Every detector loads the shipped model when it is built, so
/// this runs at the start of every <c>securebase analyze</c>: the serializer (even source-generated) instantiates
/// generic converters over the model's types that the precompiled CLI cannot carry and must JIT on each start (with
/// tiered compilation off, fully optimised), about 0.1 s of CPU. <see cref="JsonDocument"/> is not generic, so it runs
/// precompiled. Reads the same camelCase names <see cref="CryUnitModel.Save"/> writes.
/// </summary>
internal static class CryUnitModelReader
{
    /// <exception cref="JsonException">The file is not JSON.</exception>
    /// <exception cref="InvalidDataException">A property is missing or has the wrong type.</exception>
    public static CryUnitModel Read(Stream json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The model file is not a JSON object.");
        }

        try
        {
            return new CryUnitModel
            {
                Features = Strings(Required(root, "features")),
                Mean = Floats(Required(root, "mean")),
                Scale = Floats(Required(root, "scale")),
                Weights = Floats(Required(root, "weights")),
                Bias = Required(root, "bias").GetSingle(),
                Threshold = Required(root, "threshold").GetSingle(),
                MaxMedianF0Hz = root.TryGetProperty("maxMedianF0Hz", out JsonElement band) && band.ValueKind != JsonValueKind.Null
                    ? band.GetSingle()
                    : null,
                Provenance = root.TryGetProperty("provenance", out JsonElement provenance) ? provenance.GetString() : null,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("The model file holds a value of the wrong type.", e);
        }
    }

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new InvalidDataException($"The model file has no '{name}'.");

    /// <summary>A JSON array of strings (null entries read as empty).</summary>
    internal static string[] Strings(JsonElement array)
    {
        var values = new string[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement value in array.EnumerateArray())
        {
            values[i++] = value.GetString() ?? string.Empty;
        }

        return values;
    }

    /// <summary>A JSON array of numbers as floats (plain loop: no generic instantiation to JIT at start-up).</summary>
    internal static float[] Floats(JsonElement array)
    {
        var values = new float[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement value in array.EnumerateArray())
        {
            values[i++] = value.GetSingle();
        }

        return values;
    }

    /// <summary>A JSON array of integers.</summary>
    internal static int[] Ints(JsonElement array)
    {
        var values = new int[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement value in array.EnumerateArray())
        {
            values[i++] = value.GetInt32();
        }

        return values;
    }
}
