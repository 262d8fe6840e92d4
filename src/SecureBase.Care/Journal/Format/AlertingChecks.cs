using SecureBase.Care.Households;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// The rules of the journal's "rota" and "alerts" sections: unique ids, references to the document's children and
/// caregivers (only someone who can be alerted, not a viewer, on the rota), known values, two different times per
/// line, alert states that agree with their status, timelines that start with "raised", list sizes.
/// Used by the document reader and by the storage import.
/// </summary>
public static class AlertingChecks
{
    /// <summary>Most shifts, and most quiet-hours lines, a household keeps (a rota is a handful of lines).</summary>
    public const int MaxRotaLines = 50;
    /// <summary>Most recipients of one alert.</summary>
    public const int MaxRecipients = 500;
    /// <summary>Most steps in one alert's timeline (an urgent alert repeats every minute until answered, for at most two hours).</summary>
    public const int MaxTimeline = 1000;
    /// <summary>Longest detail of a timeline step, in characters (what the server stores).</summary>
    public const int MaxDetailLength = 200;

    /// <summary>Every problem of the rota section, with the path of its field ("rota.shifts[1].from").</summary>
    /// <param name="rota">The section.</param>
    /// <param name="caregivers">The caregivers the household will have, with their roles.</param>
    public static IReadOnlyList<ValidationError> ValidateRota(JournalRota rota, IReadOnlyDictionary<Guid, CaregiverRole> caregivers)
    {
        ArgumentNullException.ThrowIfNull(rota);
        ArgumentNullException.ThrowIfNull(caregivers);
        var errors = new List<ValidationError>();
        void Fail(string field, string message) => errors.Add(new ValidationError(field, message));
        if (rota.Shifts is null || rota.QuietHours is null)
        {
            Fail("rota", "The rota needs its \"shifts\" and \"quietHours\" lists ([ … ], possibly empty).");
            return errors;
        }
        if (rota.Shifts.Count > MaxRotaLines) Fail("rota.shifts", $"A rota can hold at most {MaxRotaLines} shifts.");
        if (rota.QuietHours.Count > MaxRotaLines) Fail("rota.quietHours", $"At most {MaxRotaLines} quiet hours can be kept.");
        if (errors.Count > 0) return errors;

        var ids = new HashSet<Guid>();
        for (var i = 0; i < rota.Shifts.Count; i++)
        {
            var at = $"rota.shifts[{i}]";
            if (rota.Shifts[i] is not { } shift) { Fail(at, "This item is empty (null)."); continue; }
            Line(at, shift.Id, shift.CaregiverId, shift.From, shift.To, "A shift needs to end at another time than it starts.");
            if (shift.Days is null) Fail($"{at}.days", "Give the days the shift starts on as a list; an empty list means every day.");
            else if (shift.Days.Count > 7 || shift.Days.Exists(d => !Enum.IsDefined(d))) Fail($"{at}.days", "Use the days of the week, each at most once: sunday, monday, … saturday.");
            else if (shift.Days.Distinct().Count() != shift.Days.Count) Fail($"{at}.days", "Each day appears at most once.");
        }
        for (var i = 0; i < rota.QuietHours.Count; i++)
        {
            var at = $"rota.quietHours[{i}]";
            if (rota.QuietHours[i] is not { } quiet) { Fail(at, "This item is empty (null)."); continue; }
            Line(at, quiet.Id, quiet.CaregiverId, quiet.From, quiet.To, "Quiet hours need to end at another time than they start.");
        }
        return errors;

        void Line(string at, Guid id, Guid caregiverId, TimeOnly from, TimeOnly to, string sameTime)
        {
            if (id == Guid.Empty) Fail($"{at}.id", "Every line needs an id (a GUID).");
            else if (!ids.Add(id)) Fail($"{at}.id", "Another rota line already has this id.");
            if (!caregivers.TryGetValue(caregiverId, out var role)) Fail($"{at}.caregiverId", "This caregiver is not in the file.");
            else if (role == CaregiverRole.Viewer) Fail($"{at}.caregiverId", "Only someone who can be alerted can be on the rota; this person is a viewer.");
            if (from == to) Fail($"{at}.to", sameTime);
        }
    }

    /// <summary>Every problem of the alerts section, with the path of its field ("alerts[3].timeline[0].kind").</summary>
    /// <param name="alerts">The alerts, in file order.</param>
    /// <param name="children">The children the household will have.</param>
    /// <param name="caregivers">The caregivers the household will have.</param>
    /// <param name="now">The present, for "not in the future" (times may run up to <paramref name="maxFutureSkew"/> ahead, for clock skew).</param>
    /// <param name="maxFutureSkew">How far ahead of <paramref name="now"/> a time may be (the journal's entries allow 5 minutes).</param>
    public static IReadOnlyList<ValidationError> ValidateAlerts(IReadOnlyList<JournalAlert> alerts, IReadOnlySet<Guid> children, IReadOnlySet<Guid> caregivers,
        DateTimeOffset now, TimeSpan maxFutureSkew)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(caregivers);
        var errors = new List<ValidationError>();
        void Fail(string field, string message) => errors.Add(new ValidationError(field, message));
        var latest = now + maxFutureSkew;
        var ids = new HashSet<Guid>();
        for (var i = 0; i < alerts.Count; i++)
        {
            var at = $"alerts[{i}]";
            if (alerts[i] is not { } alert) { Fail(at, "This item is empty (null)."); continue; }
            if (alert.Id == Guid.Empty) Fail($"{at}.id", "Every alert needs an id (a GUID: its cry episode's id).");
            else if (!ids.Add(alert.Id)) Fail($"{at}.id", "Another alert already has this id.");
            if (!children.Contains(alert.ChildId)) Fail($"{at}.childId", "This child is not in the file.");
            Time($"{at}.onset", alert.Onset);
            Time($"{at}.lastSentAt", alert.LastSentAt);
            if (alert.EndedAt is { } ended) Time($"{at}.endedAt", ended);
            if (!Enum.IsDefined(alert.OnsetStage)) Fail($"{at}.onsetStage", "Unknown stage.");
            if (!Enum.IsDefined(alert.Stage)) Fail($"{at}.stage", "Unknown stage.");
            if (!Enum.IsDefined(alert.Status)) Fail($"{at}.status", "Unknown status.");
            if (alert.Version < 1) Fail($"{at}.version", "The version counts from 1.");
            if (alert.Recipients is null) Fail($"{at}.recipients", "Expected a list ([ … ]).");
            else if (alert.Recipients.Count > MaxRecipients) Fail($"{at}.recipients", $"At most {MaxRecipients} recipients are accepted.");
            else
                for (var j = 0; j < alert.Recipients.Count; j++)
                    Caregiver($"{at}.recipients[{j}]", alert.Recipients[j]);
            Answer(at, "acknowledged", alert.AcknowledgedBy, alert.AcknowledgedAt);
            Answer(at, "arrived", alert.ArrivedBy, alert.ArrivedAt);
            if (alert.Status == JournalAlertStatus.Open && (alert.AcknowledgedBy is not null || alert.ArrivedBy is not null))
                Fail($"{at}.status", "An alert someone answered is no longer open.");
            if (alert.Status == JournalAlertStatus.Acknowledged && alert.AcknowledgedBy is null) Fail($"{at}.acknowledgedBy", "An acknowledged alert says who acknowledged it.");
            if (alert.Status == JournalAlertStatus.Arrived && alert.ArrivedBy is null) Fail($"{at}.arrivedBy", "An alert someone arrived for says who arrived.");
            Timeline(at, alert.Timeline);
        }
        return errors;

        void Timeline(string at, List<JournalAlertEvent>? timeline)
        {
            if (timeline is null) { Fail($"{at}.timeline", "Expected a list ([ … ])."); return; }
            if (timeline.Count > MaxTimeline) { Fail($"{at}.timeline", $"At most {MaxTimeline:N0} steps are accepted."); return; }
            if (timeline.Count == 0 || timeline[0]?.Kind != JournalAlertEventKind.Raised) Fail($"{at}.timeline", "An alert's timeline starts with \"raised\".");
            for (var j = 0; j < timeline.Count; j++)
            {
                var step = $"{at}.timeline[{j}]";
                if (timeline[j] is not { } e) { Fail(step, "This item is empty (null)."); continue; }
                if (!Enum.IsDefined(e.Kind)) Fail($"{step}.kind", "Unknown step.");
                Time($"{step}.at", e.At);
                if (e.CaregiverId is { } who) Caregiver($"{step}.caregiverId", who);
                if (e.Stage is { } stage && !Enum.IsDefined(stage)) Fail($"{step}.stage", "Unknown stage.");
                if (e.Detail is { Length: > MaxDetailLength }) Fail($"{step}.detail", $"Please keep it under {MaxDetailLength} characters.");
            }
        }
        void Answer(string at, string what, Guid? by, DateTimeOffset? when)
        {
            if (by is { } who) Caregiver($"{at}.{what}By", who);
            if ((by is null) != (when is null)) Fail($"{at}.{what}At", $"Give both \"{what}By\" and \"{what}At\", or neither.");
            if (when is { } time) Time($"{at}.{what}At", time);
        }
        void Caregiver(string field, Guid id)
        {
            if (!caregivers.Contains(id)) Fail(field, "This caregiver is not in the file.");
        }
        void Time(string field, DateTimeOffset time)
        {
            if (time == default) Fail(field, "This time is required.");
            else if (time > latest) Fail(field, "This time is in the future.");
        }
    }
}
