using SecureBase.Care.Journal;

namespace SecureBase.Web.Pages.Journal;

/// <summary>
/// The editable fields of any entry type, flat, in the household's local time. Only the fields of the entry's
/// own type are shown and applied; the rest of the entry (cry stages, acoustics, later responses) is kept as is.
/// </summary>
public sealed class EntryForm
{
    public Guid? ChildId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public Guid? DoneBy { get; set; }
    public string? Note { get; set; }
    /// <summary>A household rule this entry went against, if any.</summary>
    public Guid? AgainstRuleId { get; set; }

    public FeedKind FeedKind { get; set; }
    public double? Amount { get; set; }
    public FormulaTemperature? Temperature { get; set; }
    public bool Refused { get; set; }

    public bool Wet { get; set; }
    public bool Solid { get; set; }

    public SleepLocation Location { get; set; }

    public ConnectionKind ConnectionKind { get; set; }

    public MilestoneKind MilestoneKind { get; set; }
    public string? Description { get; set; }

    public string? Text { get; set; }

    public CaregiverState? State { get; set; }

    // A cry's first response: what resolved it and the attunement check.
    public CareAction? ResolvedBy { get; set; }
    public bool Talked { get; set; }
    public bool EyeContact { get; set; }
    public bool Warm { get; set; }
    public string? BusyWith { get; set; }
    public DateTime? SettledAt { get; set; }

    /// <summary>Entries that last a while (the others are a moment: a diaper, a note, a milestone, a check-in).</summary>
    public static bool HasEnd(JournalEntry entry) => entry is FeedEntry or SleepEntry or CryEpisodeEntry or ConnectionEntry;

    public static EntryForm From(JournalEntry entry, Func<DateTimeOffset, DateTime> toLocal)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(toLocal);
        var form = new EntryForm
        {
            ChildId = entry.ChildId,
            StartedAt = toLocal(entry.StartedAt),
            EndedAt = entry.EndedAt is { } end ? toLocal(end) : null,
            DoneBy = entry.DoneBy,
            Note = entry.Note,
            AgainstRuleId = entry.AgainstRuleId,
        };
        switch (entry)
        {
            case FeedEntry f:
                (form.FeedKind, form.Amount, form.Temperature, form.Refused) = (f.Kind, f.Amount, f.Temperature, f.Refused);
                break;
            case DiaperEntry d:
                (form.Wet, form.Solid) = (d.Wet, d.Solid);
                break;
            case SleepEntry s:
                form.Location = s.Location;
                break;
            case ConnectionEntry c:
                form.ConnectionKind = c.Kind;
                break;
            case MilestoneEntry m:
                (form.MilestoneKind, form.Description) = (m.Kind, m.Description);
                break;
            case NoteEntry n:
                form.Text = n.Text;
                break;
            case CheckInEntry c:
                form.State = c.State;
                break;
            case CryEpisodeEntry cry:
                form.SettledAt = cry.SettledAt is { } settled ? toLocal(settled) : null;
                if (cry.Responses.FirstOrDefault() is { } r)
                {
                    (form.ResolvedBy, form.Talked, form.EyeContact, form.Warm, form.State, form.BusyWith) =
                        (r.ResolvedBy, r.Talked, r.EyeContact, r.Warm, r.State, r.BusyWith);
                }
                break;
        }
        return form;
    }

    /// <summary>Writes the form onto <paramref name="entry"/> (a detached copy of the stored entry).</summary>
    public void ApplyTo(JournalEntry entry, Func<DateTime, DateTimeOffset> fromLocal, Guid me)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(fromLocal);
        entry.ChildId = ChildId ?? entry.ChildId;
        entry.StartedAt = fromLocal(StartedAt);
        if (HasEnd(entry)) entry.EndedAt = EndedAt is { } end ? fromLocal(end) : null;
        entry.DoneBy = DoneBy;
        entry.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        entry.AgainstRuleId = AgainstRuleId;
        switch (entry)
        {
            case FeedEntry f:
                (f.Kind, f.Amount, f.Refused) = (FeedKind, Amount, Refused);
                f.Temperature = FeedKind is FeedKind.Formula or FeedKind.BottleBreastMilk ? Temperature : null;
                break;
            case DiaperEntry d:
                (d.Wet, d.Solid) = (Wet, Solid);
                break;
            case SleepEntry s:
                s.Location = Location;
                break;
            case ConnectionEntry c:
                c.Kind = ConnectionKind;
                break;
            case MilestoneEntry m:
                (m.Kind, m.Description) = (MilestoneKind, string.IsNullOrWhiteSpace(Description) ? null : Description.Trim());
                break;
            case NoteEntry n:
                n.Text = Text?.Trim() ?? "";
                break;
            case CheckInEntry c:
                c.State = State ?? CaregiverState.Calm;
                break;
            case CryEpisodeEntry cry:
                ApplyToCry(cry, fromLocal, me);
                break;
        }
    }

    private void ApplyToCry(CryEpisodeEntry cry, Func<DateTime, DateTimeOffset> fromLocal, Guid me)
    {
        cry.SettledAt = SettledAt is { } settled ? fromLocal(settled) : null;
        if (cry.Responses.Count == 0)
        {
            if (ResolvedBy is null && !Talked && !EyeContact && !Warm && State is null) return;
            cry.Responses.Add(new CryResponse { CaregiverId = DoneBy ?? me });
        }
        var response = cry.Responses[0];
        (response.Talked, response.EyeContact, response.Warm, response.State) = (Talked, EyeContact, Warm, State);
        response.BusyWith = string.IsNullOrWhiteSpace(BusyWith) ? null : BusyWith.Trim();
        response.ResolvedBy = ResolvedBy;
        // The resolving action must be one of the actions taken: add it when the caregiver names a new one.
        if (ResolvedBy is { } action && !response.Actions.Exists(a => a.Action == action))
            response.Actions.Add(new CareActionTaken { Action = action, At = cry.SettledAt });
    }
}
