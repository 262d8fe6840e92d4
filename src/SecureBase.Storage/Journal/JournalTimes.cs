using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Times are stored in UTC with microsecond precision (PostgreSQL's resolution), so an entry reads back exactly
/// as it was written on either database, and an export after an import is identical.
/// </summary>
public static class JournalTimes
{
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset? Normalize(DateTimeOffset? value) => value is { } v ? Normalize(v) : null;

    /// <summary>Normalises every time of the entry, nested cry details included, in place.</summary>
    public static void Normalize(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.StartedAt = Normalize(entry.StartedAt);
        entry.EndedAt = Normalize(entry.EndedAt);
        entry.RecordedAt = Normalize(entry.RecordedAt);
        entry.UpdatedAt = Normalize(entry.UpdatedAt);
        if (entry is not CryEpisodeEntry cry) return;
        cry.SettledAt = Normalize(cry.SettledAt);
        foreach (var stage in cry.Stages) stage.At = Normalize(stage.At);
        foreach (var response in cry.Responses)
        {
            response.AcknowledgedAt = Normalize(response.AcknowledgedAt);
            response.ArrivedAt = Normalize(response.ArrivedAt);
            foreach (var action in response.Actions) action.At = Normalize(action.At);
        }
    }
}
