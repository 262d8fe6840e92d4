using System.Text.Json;

namespace SecureBase.Care.Journal.Format;

/// <summary>The "rota" section (one small object) and the "alerts" list (streamed item by item, like the entries).</summary>
internal sealed partial class JournalParseSession
{
    public JournalRota? Rota { get; private set; }
    public List<(int Index, JournalAlert Value)> Alerts { get; } = [];

    private bool HandleRota(ref Utf8JsonReader next)
    {
        if (next.TokenType == JsonTokenType.StartObject)
        {
            var end = next;
            if (!end.TrySkip()) return false; // the object is not complete in the buffer yet
            Rota = Deserialize<JournalRota>(next, "rota");
            next = end;
        }
        else if (next.TokenType != JsonTokenType.Null)
        {
            Shape("rota", "The rota must be a JSON object with \"shifts\" and \"quietHours\" (see docs/journal-format.md).");
            return StartSkip(ref next);
        }
        _step = Step.PropertyName;
        return true;
    }

    /// <summary>Reads one complete item of "alerts"; a bad one is reported with its path and the next is read.</summary>
    private void ReadAlert(Utf8JsonReader item, string at)
    {
        if (Deserialize<JournalAlert>(item, at) is { } alert) Alerts.Add((_index, alert));
    }
}
