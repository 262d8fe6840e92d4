using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SecureBase.Care.Journal;

namespace SecureBase.Insights.Tests.Scenarios;

/// <summary>Reads and writes the committed scenario journals.</summary>
internal static class ScenarioFiles
{
    /// <summary>
    /// The journal options, minus the derived entries' own "type" property: the domain model's overridden
    /// <c>Type</c> lacks [JsonIgnore] and clashes with the "type" discriminator (reported; harmless once fixed).
    /// </summary>
    public static JsonSerializerOptions ReadOptions { get; } = WithoutTypeProperty(new JsonSerializerOptions(JournalJson.Options));

    private static readonly JsonSerializerOptions s_writeOptions = WithoutTypeProperty(new JsonSerializerOptions(JournalJson.Options) { WriteIndented = true });

    private static JsonSerializerOptions WithoutTypeProperty(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(info =>
        {
            if (!info.Type.IsAssignableTo(typeof(JournalEntry))) return;
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].Name == "type") info.Properties.RemoveAt(i);
            }
        });
        return options;
    }

    /// <summary>The scenario file as copied next to the test assembly.</summary>
    public static JournalDocument Load(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Scenarios", name + ".json"));
        return JsonSerializer.Deserialize<JournalDocument>(stream, ReadOptions)
            ?? throw new InvalidDataException($"Scenario {name} is empty.");
    }

    public static string ToJson(JournalDocument document) => JsonSerializer.Serialize(document, s_writeOptions).ReplaceLineEndings("\n") + "\n";

    /// <summary>The folder of this source file: where the committed JSON lives.</summary>
    public static string SourceFolder([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
