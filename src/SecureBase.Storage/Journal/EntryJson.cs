using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

/// <summary>
/// The journal's JSON settings (<see cref="JournalJson"/>) for the API and the audit trail. The entry classes
/// override the <c>[JsonIgnore]</c> <see cref="JournalEntry.Type"/> property and an override does not inherit the
/// attribute, so System.Text.Json would see a "type" property clashing with the "type" discriminator; a modifier
/// drops it (harmless once the model ignores it itself).
/// </summary>
public static class EntryJson
{
    public static JsonSerializerOptions Options { get; } = CreateReadOnly();

    /// <summary>Applies the journal conventions and the fix to existing options (e.g. ASP.NET Core's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        JournalJson.Configure(options);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(IgnoreEntryTypeProperty);
        return options;
    }

    private static JsonSerializerOptions CreateReadOnly()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void IgnoreEntryTypeProperty(JsonTypeInfo info)
    {
        if (!typeof(JournalEntry).IsAssignableFrom(info.Type)) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is PropertyInfo { Name: nameof(JournalEntry.Type) }) info.Properties.RemoveAt(i);
        }
    }
}
