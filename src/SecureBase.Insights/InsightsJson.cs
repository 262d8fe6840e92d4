using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureBase.Insights;

/// <summary>JSON settings for insights results: camelCase names and enum values, nulls written (a null figure means "not enough data").</summary>
public static class InsightsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(InsightsResult result) => JsonSerializer.Serialize(result, Options);
}
