using System.Text.Json.Serialization;

namespace SecureBase.Audio.Model;

/// <summary>
/// Compile-time JSON metadata for writing a <see cref="CryUnitModel"/> (the trainer) without reflection. Reading, which
/// every detector does when it starts, goes through <see cref="CryUnitModelReader"/> instead.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CryUnitModel))]
[JsonSerializable(typeof(CrySpectralGate))]
internal sealed partial class CryUnitModelJson : JsonSerializerContext;
