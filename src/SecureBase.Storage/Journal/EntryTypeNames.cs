using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

/// <summary>The journal format's names of entry types ("feed", "checkIn"), used in the API and the database.</summary>
public static class EntryTypeNames
{
    public static string Of(EntryType type) => type switch
    {
        EntryType.CheckIn => "checkIn",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a type name as written in the API or a CSV file name; case-insensitive.</summary>
    public static bool TryParse(string? name, out EntryType type)
    {
        foreach (var candidate in Enum.GetValues<EntryType>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
