namespace SecureBase.Care.Journal.Format;

/// <summary>What CSV columns need from the whole document: names by id and the household's time zone.</summary>
internal sealed class CsvContext
{
    private readonly Dictionary<Guid, string> _caregivers;
    private readonly Dictionary<Guid, string> _children;
    private readonly TimeZoneInfo _zone;

    public CsvContext(JournalDocument document)
    {
        _caregivers = document.Caregivers.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Name);
        _children = document.Children.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Name);
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(document.Household.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public string? Caregiver(Guid? id) => id is { } value ? _caregivers.GetValueOrDefault(value, value.ToString()) : null;

    public string? Child(Guid? id) => id is { } value ? _children.GetValueOrDefault(value, value.ToString()) : null;

    /// <summary>ISO 8601 local time with its offset, e.g. 2026-03-01T08:30:00+01:00.</summary>
    public string? Time(DateTimeOffset? time) => time is { } value ? TimeZoneInfo.ConvertTime(value, _zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz") : null;
}
