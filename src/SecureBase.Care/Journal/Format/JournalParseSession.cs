using System.Text.Json;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// Walks a journal document token by token as its bytes arrive, so that a huge or hostile file is refused
/// after reading only as much as needed: the entry count and the size are checked as it goes, and each entry
/// is deserialized on its own (one bad entry gives one error, not an abandoned import).
/// </summary>
internal sealed partial class JournalParseSession(JournalReadOptions options, ErrorCollector errors)
{
    private enum Step { DocumentStart, PropertyName, PropertyValue, ArrayItem, Skipping, Finished }

    private static readonly string[] s_entryTypes = ["feed", "diaper", "sleep", "cry", "connection", "milestone", "note", "checkIn"];

    private static readonly byte[][] s_entryTypeBytes = [.. s_entryTypes.Select(System.Text.Encoding.UTF8.GetBytes)];

    private Step _step = Step.DocumentStart;
    private string _property = "";
    private int _index;
    private int _skipDepth;

    public string? Format { get; private set; }
    public int? Version { get; private set; }
    public DateTimeOffset? ExportedAt { get; private set; }
    public JournalHousehold? Household { get; private set; }
    public bool SawHousehold { get; private set; }
    public JournalGuidance? Guidance { get; private set; }
    public List<(int Index, JournalCaregiver Value)> Caregivers { get; } = [];
    public List<(int Index, JournalChild Value)> Children { get; } = [];
    public List<(int Index, JournalEntry Value)> Entries { get; } = [];

    /// <summary>True once a problem makes reading further pointless (wrong format or version, too large, not JSON).</summary>
    public bool Stopped { get; private set; }

    /// <summary>True when at least one value could not be read into the model (a type error, an unknown entry type…).</summary>
    public bool HasShapeErrors { get; private set; }

    public bool Finished => _step == Step.Finished;

    /// <summary>The path of the value being read, for "too large" and "cut off" messages.</summary>
    public string Location => _step == Step.ArrayItem ? $"{_property}[{_index}]" : _property;

    public void Stop(string field, string message)
    {
        CollectEntries(); // the problems of entries read so far come first, as they were found first
        errors.Add(field, message);
        Stopped = true;
    }

    /// <summary>
    /// Consumes every complete token the reader holds. Leaves the reader just after the last token fully handled,
    /// so the caller can keep the unread rest and fetch more bytes. <paramref name="input"/> is the span the reader reads.
    /// </summary>
    public void Process(ref Utf8JsonReader reader, ReadOnlySpan<byte> input)
    {
        while (!Stopped)
        {
            var next = reader;
            if (!next.Read()) return; // needs more bytes, or the end of the input
            if (!Handle(ref next, input)) return; // a value is not complete in the buffer yet
            reader = next;
        }
    }

    /// <summary>Handles the token <paramref name="next"/> stands on; false when it needs a value that is not complete yet.</summary>
    private bool Handle(ref Utf8JsonReader next, ReadOnlySpan<byte> input)
    {
        switch (_step)
        {
            case Step.DocumentStart:
                if (next.TokenType != JsonTokenType.StartObject)
                    Stop("document", "This is not a SecureBase journal: the file must hold one JSON object.");
                _step = Step.PropertyName;
                return true;
            case Step.PropertyName:
                if (next.TokenType == JsonTokenType.EndObject) _step = Step.Finished;
                else
                {
                    _property = NormaliseName(next.GetString() ?? "");
                    _step = Step.PropertyValue;
                }
                return true;
            case Step.PropertyValue:
                return HandlePropertyValue(ref next);
            case Step.ArrayItem:
                if (next.TokenType == JsonTokenType.EndArray)
                {
                    if (_property == "entries") CollectEntries();
                    _step = Step.PropertyName;
                    return true;
                }
                return HandleArrayItem(ref next, input);
            case Step.Skipping:
                if (next.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && next.CurrentDepth == _skipDepth)
                    _step = Step.PropertyName;
                return true;
            default:
                return true;
        }
    }

    private bool HandlePropertyValue(ref Utf8JsonReader next)
    {
        switch (_property)
        {
            case "format":
                if (next.TokenType != JsonTokenType.String)
                    Stop("format", "The format must be the text \"securebase-journal\".");
                else if ((Format = next.GetString()) != "securebase-journal")
                    Stop("format", $"This is not a SecureBase journal file (its format is \"{Shorten(Format ?? "")}\", expected \"securebase-journal\").");
                break;
            case "version":
                if (next.TokenType != JsonTokenType.Number || !next.TryGetInt32(out var version))
                    Stop("version", $"The version must be a whole number; this SecureBase reads journal format version {JournalDocument.CurrentVersion}.");
                else if ((Version = version) != JournalDocument.CurrentVersion)
                    Stop("version", $"This file uses journal format version {version}; this SecureBase reads version {JournalDocument.CurrentVersion} only. Supported versions: {JournalDocument.CurrentVersion}.");
                break;
            case "exportedAt":
                if (next.TokenType == JsonTokenType.String && next.TryGetDateTimeOffset(out var exportedAt)) ExportedAt = exportedAt;
                else if (next.TokenType != JsonTokenType.Null) Shape("exportedAt", "Expected a date and time in ISO 8601 form, e.g. 2026-03-01T08:30:00Z.");
                break;
            case "household":
                SawHousehold = true;
                if (next.TokenType == JsonTokenType.StartObject)
                {
                    var end = next;
                    if (!end.TrySkip()) return false;
                    Household = Deserialize<JournalHousehold>(next, "household");
                    next = end;
                }
                else
                {
                    Shape("household", "The household must be a JSON object with an id, a name and a time zone.");
                    return StartSkip(ref next);
                }
                break;
            case "guidance":
                if (next.TokenType == JsonTokenType.StartObject)
                {
                    var end = next;
                    if (!end.TrySkip()) return false;
                    Guidance = Deserialize<JournalGuidance>(next, "guidance");
                    next = end;
                }
                else if (next.TokenType != JsonTokenType.Null)
                {
                    Shape("guidance", "The guidance section must be a JSON object (see docs/journal-format.md).");
                    return StartSkip(ref next);
                }
                break;
            case "rota":
                return HandleRota(ref next);
            case "caregivers" or "children" or "entries" or "alerts":
                if (next.TokenType == JsonTokenType.StartArray)
                {
                    _step = Step.ArrayItem;
                    _index = 0;
                    return true;
                }
                if (next.TokenType != JsonTokenType.Null) Shape(_property, "Expected a list ([ … ]).");
                return StartSkip(ref next);
            default:
                // Unknown top-level fields are ignored (a newer minor writer may add some); skipped token by token
                // so even a huge one never has to fit in memory.
                return StartSkip(ref next);
        }
        _step = Step.PropertyName;
        return true;
    }

    private bool HandleArrayItem(ref Utf8JsonReader next, ReadOnlySpan<byte> input)
    {
        var max = _property switch
        {
            "entries" => options.MaxEntries,
            "caregivers" => options.MaxCaregivers,
            "alerts" => options.MaxAlerts,
            _ => options.MaxChildren,
        };
        if (_index >= max)
        {
            // Counted as we go, so a huge file is refused here, without reading (or building) the rest.
            Stop(_property, $"The file holds more than {max:N0} {_property}, more than this SecureBase accepts in one document. Nothing was imported.");
            return true;
        }

        var end = next;
        if (!end.TrySkip()) return false;
        if (_property == "entries" && next.TokenType == JsonTokenType.StartObject)
        {
            // Deserialized on the thread pool (JournalParseSession.Entries.cs); the careful path runs if that fails.
            QueueEntry(input[(int)next.TokenStartIndex..(int)end.BytesConsumed], _index);
            next = end;
            _index++;
            return true;
        }

        // The careful path: what exactly is wrong with the item (after the problems of the entries before it).
        if (_property == "entries") CollectEntries();
        var at = Location;
        if (next.TokenType != JsonTokenType.StartObject)
        {
            Shape(at, "Each item must be a JSON object ({ … }).");
        }
        else if (_property == "caregivers")
        {
            // A missing role would silently default to "parent"; an import must never grant more than it says.
            if (!HasProperty(next, "role"u8)) Shape($"{at}.role", "Say what this caregiver may do: parent, caregiver or viewer.");
            else if (Deserialize<JournalCaregiver>(next, at) is { } caregiver) Caregivers.Add((_index, caregiver));
        }
        else if (_property == "alerts")
        {
            ReadAlert(next, at);
        }
        else if (Deserialize<JournalChild>(next, at) is { } child)
        {
            Children.Add((_index, child));
        }
        next = end;
        _index++;
        return true;
    }

    /// <summary>Checks the entry's "type" before deserializing, to name the problem plainly.</summary>
    private bool CheckEntryType(Utf8JsonReader item, string at)
    {
        var depth = item.CurrentDepth;
        while (item.Read() && item.CurrentDepth > depth)
        {
            if (item.TokenType != JsonTokenType.PropertyName || item.CurrentDepth != depth + 1) continue;
            var isType = item.ValueTextEquals("type"u8);
            item.Read();
            if (!isType)
            {
                _ = item.TrySkip();
                continue;
            }
            if (item.TokenType == JsonTokenType.String && IsKnownType(ref item)) return true;
            var type = item.TokenType == JsonTokenType.String ? item.GetString() : null;
            Shape($"{at}.type", $"\"{Shorten(type ?? "(not text)")}\" is not a kind of entry this version knows. Known kinds: {string.Join(", ", s_entryTypes)}.");
            return false;
        }
        Shape($"{at}.type", $"Say what kind of entry this is: one of {string.Join(", ", s_entryTypes)}.");
        return false;
    }

    private static bool HasProperty(Utf8JsonReader item, ReadOnlySpan<byte> name)
    {
        var depth = item.CurrentDepth;
        while (item.Read() && item.CurrentDepth > depth)
        {
            if (item.TokenType == JsonTokenType.PropertyName && item.CurrentDepth == depth + 1 && item.ValueTextEquals(name)) return true;
        }
        return false;
    }

    private static bool IsKnownType(ref Utf8JsonReader item)
    {
        foreach (var known in s_entryTypeBytes)
        {
            if (item.ValueTextEquals(known)) return true;
        }
        return false;
    }

    private T? Deserialize<T>(Utf8JsonReader value, string at) where T : class
    {
        try
        {
            var result = JsonSerializer.Deserialize<T>(ref value, FormatJson.Options);
            if (result is null) Shape(at, "This item is empty (null).");
            return result;
        }
        catch (JsonException exception)
        {
            foreach (var error in JsonErrorText.Describe(at, exception)) Shape(error.Field, error.Message);
            return null;
        }
        catch (NotSupportedException)
        {
            Shape(at, "This value is not in the form expected here (see docs/journal-format.md).");
            return null;
        }
    }

    private bool StartSkip(ref Utf8JsonReader next)
    {
        if (next.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _skipDepth = next.CurrentDepth;
            _step = Step.Skipping;
        }
        else
        {
            _step = Step.PropertyName;
        }
        return true;
    }

    private void Shape(string field, string message)
    {
        HasShapeErrors = true;
        errors.Add(field, message);
    }

    /// <summary>Field names are matched like the rest of the format: camelCase, case-insensitively.</summary>
    private static string NormaliseName(string name) => name.ToLowerInvariant() switch
    {
        "format" => "format",
        "version" => "version",
        "exportedat" => "exportedAt",
        "household" => "household",
        "caregivers" => "caregivers",
        "children" => "children",
        "entries" => "entries",
        "guidance" => "guidance",
        "rota" => "rota",
        "alerts" => "alerts",
        _ => name,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
