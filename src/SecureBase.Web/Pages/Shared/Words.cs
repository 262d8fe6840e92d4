using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Web.Pages.Shared;

/// <summary>The plain words the UI uses for the domain's enums and entries.</summary>
internal static class Words
{
    public static string Of(FeedKind kind) => kind switch
    {
        FeedKind.BreastLeft => "Left breast",
        FeedKind.BreastRight => "Right breast",
        FeedKind.BreastBoth => "Both sides",
        FeedKind.BottleBreastMilk => "Bottle (breast milk)",
        FeedKind.Formula => "Formula",
        FeedKind.Solids => "Solids",
        _ => kind.ToString(),
    };

    public static string Of(EntryType type) => type switch
    {
        EntryType.Feed => "Feed",
        EntryType.Diaper => "Diaper",
        EntryType.Sleep => "Sleep",
        EntryType.Cry => "Cry",
        EntryType.Connection => "Connection moment",
        EntryType.Milestone => "Milestone",
        EntryType.Note => "Note",
        EntryType.CheckIn => "Check-in",
        _ => type.ToString(),
    };

    public static string Of(CareAction action) => action switch
    {
        CareAction.HoldSoothe => "Held and soothed",
        CareAction.HelpToSleep => "Helped to sleep",
        CareAction.Comfort => "Too warm / cold",
        CareAction.Feed => "Fed",
        CareAction.Diaper => "Changed diaper",
        CareAction.Burp => "Burped",
        CareAction.Play => "Played",
        CareAction.Medical => "Medical care",
        _ => "Something else",
    };

    public static string Of(SleepLocation location) => location switch
    {
        SleepLocation.ParentsBed => "Parents' bed",
        SleepLocation.Arms => "In arms",
        _ => location.ToString(),
    };

    public static string Of(ConnectionKind kind) => kind switch
    {
        ConnectionKind.SmileExchange => "Smiles face to face",
        ConnectionKind.VocalImitation => "Copying sounds",
        ConnectionKind.GazeImitation => "Following gaze",
        _ => kind.ToString(),
    };

    public static string Of(MilestoneKind kind) => kind switch
    {
        MilestoneKind.SocialSmile => "First social smile",
        MilestoneKind.Laughter => "First laugh",
        MilestoneKind.RollsOver => "Rolls over",
        MilestoneKind.SitsUp => "Sits up",
        MilestoneKind.FirstWord => "First word",
        _ => kind.ToString(),
    };

    public static string Of(CaregiverRole role) => role switch
    {
        CaregiverRole.Parent => "Parent",
        CaregiverRole.Caregiver => "Caregiver",
        _ => "Viewer (read only)",
    };

    public static string Of(FormulaTemperature temperature) => temperature switch
    {
        FormulaTemperature.TooCold => "Too cold",
        FormulaTemperature.TooWarm => "Too warm",
        _ => "Just right",
    };

    /// <summary>A one-line description of an entry, e.g. "Feed · Formula · 120 ml".</summary>
    public static string Describe(JournalEntry entry) => entry switch
    {
        FeedEntry f => Join("Feed", Of(f.Kind), f.Amount is { } a ? $"{a:0.#} {(f.Kind == FeedKind.Solids ? "g" : "ml")}" : null,
            f.Refused ? "not taken" : null, f.EndedAt is null ? "running" : null),
        DiaperEntry d => Join("Diaper", (d.Wet, d.Solid) switch { (true, true) => "Wet and solid", (true, false) => "Wet", (false, true) => "Solid", _ => "Dry" }),
        SleepEntry s => Join("Sleep", Of(s.Location), s.EndedAt is null ? "running" : null),
        CryEpisodeEntry c => Join("Cry answered", c.Responses.Select(r => r.ResolvedBy).FirstOrDefault(r => r is not null) is { } how ? Of(how) : null),
        ConnectionEntry c => Join("Connection", Of(c.Kind)),
        MilestoneEntry m => Join("Milestone", m.Kind == MilestoneKind.Other ? m.Description : Of(m.Kind)),
        NoteEntry n => Join("Note", n.Text.Length > 60 ? n.Text[..60] + "…" : n.Text),
        CheckInEntry c => Join("Check-in", c.State.ToString()),
        _ => Of(entry.Type),
    };

    /// <summary>"12 min", "1 h 5 min": how long an entry lasted.</summary>
    public static string? Duration(JournalEntry entry)
    {
        if (entry.EndedAt is not { } end || entry is DiaperEntry) return null;
        var span = end - entry.StartedAt;
        if (span < TimeSpan.FromMinutes(1)) return null;
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{span.Minutes} min";
    }

    public static string CssClass(EntryType type) => type.ToString().ToLowerInvariant();

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
