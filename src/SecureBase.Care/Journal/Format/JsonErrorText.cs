using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// Turns System.Text.Json's exceptions into field paths and plain messages. The serializer's own text names .NET
/// types ("System.Nullable`1[…]"), which means nothing to a parent importing a file.
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>The errors for one value that failed to deserialize; <paramref name="prefix"/> is the value's path, e.g. "entries[3]".</summary>
    public static IEnumerable<ValidationError> Describe(string prefix, JsonException exception)
    {
        var field = Join(prefix, exception.Path);
        var message = exception.Message;

        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            foreach (Match name in QuotedName().Matches(missing.Groups[1].Value))
                yield return new ValidationError(Join(field, "." + name.Groups[1].Value), "This field is required.");
            yield break;
        }
        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal)
            || message.Contains("does not allow setting null values", StringComparison.Ordinal))
        {
            var property = QuotedName().Match(message);
            var target = property.Success && !field.EndsWith("." + property.Groups[1].Value, StringComparison.OrdinalIgnoreCase)
                ? Join(field, "." + property.Groups[1].Value) : field;
            yield return new ValidationError(target, "This field cannot be null.");
            yield break;
        }
        var conversion = CouldNotConvert().Match(message);
        if (conversion.Success)
        {
            yield return new ValidationError(field, Expected(conversion.Groups[1].Value));
            yield break;
        }
        yield return new ValidationError(field, "This value is not in the form expected here (see docs/journal-format.md).");
    }

    /// <summary>"entries[3]" + "$.startedAt" → "entries[3].startedAt".</summary>
    public static string Join(string prefix, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return prefix;
        var rest = path.StartsWith('$') ? path[1..] : path;
        if (prefix.Length == 0) return rest.TrimStart('.');
        return prefix + rest;
    }

    private static string Expected(string typeName)
    {
        var nullable = NullableOf().Match(typeName);
        if (nullable.Success) typeName = nullable.Groups[1].Value;
        if (typeName.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal)) return "Expected a list ([ … ]).";
        switch (typeName)
        {
            case "System.DateTimeOffset" or "System.DateTime":
                return "Expected a date and time in ISO 8601 form, e.g. 2026-03-01T08:30:00Z.";
            case "System.DateOnly":
                return "Expected a date in ISO 8601 form, e.g. 2026-03-01.";
            case "System.Guid":
                return "Expected an id: a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.";
            case "System.Double" or "System.Single" or "System.Decimal":
                return "Expected a number.";
            case "System.Int32" or "System.Int64":
                return "Expected a whole number.";
            case "System.Boolean":
                return "Expected true or false.";
            case "System.String":
                return "Expected text (a JSON string).";
        }
        var type = typeof(JournalEntry).Assembly.GetType(typeName);
        if (type is { IsEnum: true })
        {
            var names = Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName);
            return $"Expected one of: {string.Join(", ", names)}.";
        }
        return "Expected a JSON object with the fields described in docs/journal-format.md.";
    }

    [GeneratedRegex(@"missing required properties including: (.*?)\.?(?: Path:|$)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"could not be converted to ([^ ]+?)\.?(?: Path:|$)")]
    private static partial Regex CouldNotConvert();

    [GeneratedRegex(@"Nullable`1\[\[?([^,\]]+)")]
    private static partial Regex NullableOf();
}
