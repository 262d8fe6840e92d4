using System.Text.Json;

namespace SecureBase.Care.Journal.Format;

/// <summary>A CSV column: its header and how to get its value from an entry.</summary>
internal sealed record CsvColumn(string Header, Func<JournalEntry, CsvContext, string?> Value);

/// <summary>The columns of each entry type's CSV file (documented in docs/journal-format.md).</summary>
internal static class JournalCsvColumns
{
    private static readonly Dictionary<EntryType, CsvColumn[]> s_columns = new()
    {
        [EntryType.Feed] = With(
            Col<FeedEntry>("kind", f => Enum(f.Kind)),
            Col<FeedEntry>("amount", f => Number(f.Amount)),
            Col<FeedEntry>("temperature", f => f.Temperature is { } t ? Enum(t) : null),
            Col<FeedEntry>("refused", f => Bool(f.Refused))),
        [EntryType.Diaper] = With(
            Col<DiaperEntry>("wet", d => Bool(d.Wet)),
            Col<DiaperEntry>("solid", d => Bool(d.Solid))),
        [EntryType.Sleep] = With(Col<SleepEntry>("location", s => Enum(s.Location))),
        [EntryType.Cry] = With(CryColumns()),
        [EntryType.Connection] = With(Col<ConnectionEntry>("kind", c => Enum(c.Kind))),
        [EntryType.Milestone] = With(
            Col<MilestoneEntry>("kind", m => Enum(m.Kind)),
            Col<MilestoneEntry>("description", m => Text(m.Description))),
        [EntryType.Note] = With(Col<NoteEntry>("text", n => Text(n.Text))),
        [EntryType.CheckIn] = With(Col<CheckInEntry>("state", c => Enum(c.State))),
    };

    public static CsvColumn[] For(EntryType type) =>
        s_columns.TryGetValue(type, out var columns) ? columns : throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown entry type.");

    /// <summary>The columns every file has, around the type's own.</summary>
    private static CsvColumn[] With(params CsvColumn[] own) =>
    [
        new("id", (e, _) => e.Id.ToString()),
        new("child", (e, c) => Text(c.Child(e.ChildId))),
        new("childId", (e, _) => e.ChildId?.ToString()),
        new("startedAt", (e, c) => c.Time(e.StartedAt)),
        new("endedAt", (e, c) => c.Time(e.EndedAt)),
        new("durationMinutes", (e, _) => e.EndedAt is { } end ? Number((end - e.StartedAt).TotalMinutes, "0.#") : null),
        new("doneBy", (e, c) => Text(c.Caregiver(e.DoneBy))),
        new("loggedBy", (e, c) => Text(c.Caregiver(e.LoggedBy))),
        .. own,
        new("note", (e, _) => Text(e.Note)),
        new("recordedAt", (e, c) => c.Time(e.RecordedAt)),
    ];

    /// <summary>A cry is flattened to one row: the episode, then its first response (responses are in order of arrival).</summary>
    private static CsvColumn[] CryColumns() =>
    [
        Col<CryEpisodeEntry>("source", c => Enum(c.Source)),
        Col<CryEpisodeEntry>("peakStage", c => Enum(c.PeakStage)),
        Col<CryEpisodeEntry>("cryingAt", (c, x) => x.Time(c.Stages.Find(s => s.Stage == CryStage.Crying)?.At)),
        Col<CryEpisodeEntry>("intenseAt", (c, x) => x.Time(c.Stages.Find(s => s.Stage == CryStage.Intense)?.At)),
        Col<CryEpisodeEntry>("settledAt", (c, x) => x.Time(c.SettledAt)),
        Col<CryEpisodeEntry>("responseCount", c => c.Responses.Count.ToString()),
        Col<CryEpisodeEntry>("respondedBy", (c, x) => First(c) is { } r ? Text(x.Caregiver(r.CaregiverId)) : null),
        Col<CryEpisodeEntry>("acknowledgedAt", (c, x) => x.Time(First(c)?.AcknowledgedAt)),
        Col<CryEpisodeEntry>("arrivedAt", (c, x) => x.Time(First(c)?.ArrivedAt)),
        Col<CryEpisodeEntry>("acknowledgeLatencySeconds", c => Seconds(c.StartedAt, First(c)?.AcknowledgedAt)),
        Col<CryEpisodeEntry>("responseLatencySeconds", c => Seconds(c.StartedAt, First(c)?.ArrivedAt)),
        Col<CryEpisodeEntry>("answeredWhileFussing", c => First(c)?.ArrivedAt is { } arrived ? Bool(AnsweredWhileFussing(c, arrived)) : null),
        Col<CryEpisodeEntry>("actions", c => First(c) is { } r ? string.Join(';', r.Actions.Select(a => Enum(a.Action))) : null),
        Col<CryEpisodeEntry>("resolvedBy", c => First(c)?.ResolvedBy is { } a ? Enum(a) : null),
        Col<CryEpisodeEntry>("firstActionResolved", c => First(c) is { ResolvedBy: { } a, Actions: [var first, ..] } ? Bool(first.Action == a) : null),
        Col<CryEpisodeEntry>("talked", c => First(c) is { } r ? Bool(r.Talked) : null),
        Col<CryEpisodeEntry>("eyeContact", c => First(c) is { } r ? Bool(r.EyeContact) : null),
        Col<CryEpisodeEntry>("warm", c => First(c) is { } r ? Bool(r.Warm) : null),
        Col<CryEpisodeEntry>("caregiverState", c => First(c)?.State is { } s ? Enum(s) : null),
        Col<CryEpisodeEntry>("busyWith", c => Text(First(c)?.BusyWith)),
        Col<CryEpisodeEntry>("settleAfterArrivalSeconds", c => First(c)?.ArrivedAt is { } arrived ? Seconds(arrived, c.SettledAt) : null),
        Col<CryEpisodeEntry>("f0MeanHz", c => Number(c.Acoustics?.F0MeanHz)),
    ];

    private static CryResponse? First(CryEpisodeEntry cry) => cry.Responses.Count > 0 ? cry.Responses[0] : null;

    /// <summary>Arrived before the cry first went beyond whining.</summary>
    private static bool AnsweredWhileFussing(CryEpisodeEntry cry, DateTimeOffset arrived) =>
        cry.Stages.Find(s => s.Stage > CryStage.Fussing) is not { } escalation || arrived <= escalation.At;

    private static CsvColumn Col<T>(string header, Func<T, string?> value) where T : JournalEntry =>
        new(header, (e, _) => e is T typed ? value(typed) : null);

    private static CsvColumn Col<T>(string header, Func<T, CsvContext, string?> value) where T : JournalEntry =>
        new(header, (e, c) => e is T typed ? value(typed, c) : null);

    private static string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Number(double? value, string format = "0.##") => value?.ToString(format);

    private static string? Seconds(DateTimeOffset from, DateTimeOffset? to) => to is { } end ? Math.Round((end - from).TotalSeconds).ToString("0") : null;

    /// <summary>Free text, defused so a spreadsheet shows it instead of running it as a formula.</summary>
    private static string? Text(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
