using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// <see cref="JournalJson.Options"/> as the journal format uses them. The entry classes override the
/// <c>[JsonIgnore]</c> <see cref="JournalEntry.Type"/> property, and an override does not inherit the attribute,
/// so System.Text.Json sees a "type" property clashing with the "type" discriminator. The modifier drops it;
/// harmless once the model ignores it itself.
/// </summary>
internal static class FormatJson
{
    public static JsonSerializerOptions Options { get; } = Create(allowOutOfOrderType: true);

    /// <summary>
    /// The same, but expecting "type" first in each entry, as the writer puts it: about twice as fast, because the
    /// serializer need not look ahead for the discriminator. An entry with "type" elsewhere fails to deserialize
    /// with these (the base class is abstract, so it can never be read as something else) and is read again with
    /// <see cref="Options"/>.
    /// </summary>
    public static JsonSerializerOptions TypeFirstOptions { get; } = Create(allowOutOfOrderType: false);

    private static JsonSerializerOptions Create(bool allowOutOfOrderType)
    {
        var options = new JsonSerializerOptions(JournalJson.Options)
        {
            TypeInfoResolver = (JournalJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(IgnoreEntryTypeProperty),
        };
        if (!allowOutOfOrderType) options.AllowOutOfOrderMetadataProperties = false;
        options.MakeReadOnly();
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
