using Microsoft.EntityFrameworkCore;
using SecureBase.Alerts;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Alerts;

/// <summary>The rota lines and alerts an import will add, checked and ready.</summary>
public sealed record AlertingImport(
    IReadOnlyList<RotaShiftRecord> Shifts, IReadOnlyList<QuietHoursRecord> QuietHours, IReadOnlyList<AlertRecord> Alerts, IReadOnlyList<AlertEventRecord> Events)
{
    public static AlertingImport Empty { get; } = new([], [], [], []);
}

/// <summary>
/// Moves the "rota" and "alerts" sections of the journal format in and out of storage, for <see cref="JournalTransfer"/>.
/// Ids and times are kept, so an export imported into an empty instance exports the same sections again.
/// The rota is a setting, not a history: a household that already keeps a rota keeps its own, and the file's is
/// taken only by a household without one (an old backup must not bring back last month's shifts), and only when
/// the importer may change the rota (a parent). Alerts whose id
/// the household already has are left as they are. Imported alerts are history: stored as they were (an open one
/// stays open in the timeline) but marked <see cref="AlertRecord.Imported"/>, so the alert center never rings them.
/// </summary>
public sealed class AlertTransfer(SecureBaseDbContext db)
{
    private const int IdChunk = 500;

    /// <summary>The household's rota (null when it keeps none) and its stored alerts with their timelines (null when none).</summary>
    public async Task<(JournalRota? Rota, List<JournalAlert>? Alerts)> ExportAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        // A line of someone who has since become a viewer has no effect (viewers are never alerted) and would not be
        // accepted back, so it is left out.
        var alertable = (await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId && c.Role != CaregiverRole.Viewer)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.HouseholdId == householdId).ToListAsync(cancellationToken);
        var quiet = await db.QuietHours.AsNoTracking().Where(q => q.HouseholdId == householdId).ToListAsync(cancellationToken);
        var rota = new JournalRota
        {
            Shifts = [.. shifts.Where(s => alertable.Contains(s.CaregiverId)).OrderBy(s => s.Id)
                .Select(s => new JournalRotaShift(s.Id, s.CaregiverId, [.. Enum.GetValues<DayOfWeek>().Where(d => (s.Days & (1 << (int)d)) != 0)], s.From, s.To))],
            QuietHours = [.. quiet.Where(q => alertable.Contains(q.CaregiverId)).OrderBy(q => q.Id).Select(q => new JournalQuietHours(q.Id, q.CaregiverId, q.From, q.To))],
        };

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(cancellationToken);
        var events = (await db.AlertEvents.AsNoTracking().Where(e => e.HouseholdId == householdId).ToListAsync(cancellationToken)).ToLookup(e => e.AlertId);
        var history = alerts.OrderBy(a => a.Onset).ThenBy(a => a.Id).Select(a => new JournalAlert(
            a.Id, a.ChildId, a.Onset, a.OnsetStage, a.Stage, Enum.Parse<JournalAlertStatus>(a.Status.ToString()), a.IsUrgent, a.CryEnded, a.Version,
            [.. a.Recipients], a.AcknowledgedBy, a.AcknowledgedAt, a.ArrivedBy, a.ArrivedAt, a.LastSentAt, a.EndedAt,
            [.. events[a.Id].OrderBy(e => e.Sequence).Select(e => new JournalAlertEvent(Enum.Parse<JournalAlertEventKind>(e.Kind.ToString()), e.At, e.CaregiverId, e.Stage, e.Detail))]))
            .ToList();
        return (rota.IsEmpty ? null : rota, history.Count == 0 ? null : history);
    }

    /// <summary>
    /// Checks the sections against the household as it will be after the import (its children and caregivers, with
    /// the file's) and returns the rows to add. Ids used by another household are refused without saying whose.
    /// </summary>
    /// <param name="householdId">The household imported into.</param>
    /// <param name="document">The whole document (its caregivers name the new ones).</param>
    /// <param name="children">The children the household will have.</param>
    /// <param name="now">The present, for "not in the future".</param>
    /// <param name="mayChangeRota">Whether the importer may set the rota (a parent); otherwise the file's rota is checked but not taken.</param>
    /// <param name="cancellationToken">Cancels the look-ups.</param>
    public async Task<Outcome<AlertingImport>> PrepareAsync(Guid householdId, JournalDocument document, IReadOnlySet<Guid> children, DateTimeOffset now,
        bool mayChangeRota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(children);
        if (document.Rota is null && document.Alerts is null) return Outcome<AlertingImport>.Ok(AlertingImport.Empty);

        var roles = await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId).ToDictionaryAsync(c => c.Id, c => c.Role, cancellationToken);
        foreach (var caregiver in document.Caregivers) roles.TryAdd(caregiver.Id, caregiver.Role);
        var errors = new List<ValidationError>();
        if (document.Rota is { } rota) errors.AddRange(AlertingChecks.ValidateRota(rota, roles));
        if (document.Alerts is { } alerts) errors.AddRange(AlertingChecks.ValidateAlerts(alerts, children, roles.Keys.ToHashSet(), now, new EntryLimits().MaxFutureSkew));
        if (errors.Count > 0) return Outcome<AlertingImport>.Invalid(errors);

        var shifts = new List<RotaShiftRecord>();
        var quiet = new List<QuietHoursRecord>();
        if (document.Rota is { IsEmpty: false } file)
        {
            var lineIds = file.Shifts.Select(s => s.Id).Concat(file.QuietHours.Select(q => q.Id)).ToList();
            if (await db.RotaShifts.AnyAsync(s => lineIds.Contains(s.Id) && s.HouseholdId != householdId, cancellationToken)
                || await db.QuietHours.AnyAsync(q => lineIds.Contains(q.Id) && q.HouseholdId != householdId, cancellationToken))
                return Outcome<AlertingImport>.Conflict("Some rota ids in this file belong to another household. Nothing was imported.");
            var keepsOwn = !mayChangeRota || await db.RotaShifts.AnyAsync(s => s.HouseholdId == householdId, cancellationToken)
                || await db.QuietHours.AnyAsync(q => q.HouseholdId == householdId, cancellationToken);
            if (!keepsOwn)
            {
                shifts.AddRange(file.Shifts.Select(s => new RotaShiftRecord
                {
                    Id = s.Id, HouseholdId = householdId, CaregiverId = s.CaregiverId, Days = s.Days.Aggregate(0, (bits, d) => bits | (1 << (int)d)), From = s.From, To = s.To,
                }));
                quiet.AddRange(file.QuietHours.Select(q => new QuietHoursRecord { Id = q.Id, HouseholdId = householdId, CaregiverId = q.CaregiverId, From = q.From, To = q.To }));
            }
        }

        var newAlerts = new List<AlertRecord>();
        var newEvents = new List<AlertEventRecord>();
        if (document.Alerts is { Count: > 0 } history)
        {
            var existing = new HashSet<Guid>();
            foreach (var chunk in history.Select(a => a.Id).Chunk(IdChunk))
            {
                foreach (var row in await db.Alerts.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.HouseholdId }).ToListAsync(cancellationToken))
                {
                    if (row.HouseholdId != householdId) return Outcome<AlertingImport>.Conflict("Some alert ids in this file belong to another household. Nothing was imported.");
                    existing.Add(row.Id);
                }
            }
            foreach (var a in history.Where(a => !existing.Contains(a.Id)))
            {
                newAlerts.Add(new AlertRecord
                {
                    Id = a.Id, HouseholdId = householdId, ChildId = a.ChildId, Onset = T(a.Onset), OnsetStage = a.OnsetStage, Stage = a.Stage,
                    Status = Enum.Parse<AlertStatus>(a.Status.ToString()), IsUrgent = a.IsUrgent, CryEnded = a.CryEnded, Version = a.Version,
                    Recipients = [.. a.Recipients], AcknowledgedBy = a.AcknowledgedBy, AcknowledgedAt = JournalTimes.Normalize(a.AcknowledgedAt),
                    ArrivedBy = a.ArrivedBy, ArrivedAt = JournalTimes.Normalize(a.ArrivedAt), LastSentAt = T(a.LastSentAt), EndedAt = JournalTimes.Normalize(a.EndedAt),
                    Imported = true,
                });
                newEvents.AddRange(a.Timeline.Select((e, i) => new AlertEventRecord
                {
                    AlertId = a.Id, Sequence = i, HouseholdId = householdId, Kind = Enum.Parse<AlertEventKind>(e.Kind.ToString()), At = T(e.At),
                    CaregiverId = e.CaregiverId, Stage = e.Stage, Detail = e.Detail,
                }));
            }
        }
        return Outcome<AlertingImport>.Ok(new AlertingImport(shifts, quiet, newAlerts, newEvents));

        static DateTimeOffset T(DateTimeOffset t) => JournalTimes.Normalize(t);
    }

    /// <summary>
    /// Whether the household's alert history names the caregiver (as a recipient, or in a timeline step). Such a
    /// caregiver is kept by name when removed from the household, like one who appears in the journal.
    /// </summary>
    public static async Task<bool> NamesAsync(SecureBaseDbContext db, Guid householdId, Guid caregiverId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AlertEvents.AnyAsync(e => e.HouseholdId == householdId && e.CaregiverId == caregiverId, cancellationToken)
            || await db.Alerts.AnyAsync(a => a.HouseholdId == householdId && (a.AcknowledgedBy == caregiverId || a.ArrivedBy == caregiverId || a.Recipients.Contains(caregiverId)), cancellationToken);
    }

    /// <summary>Adds prepared rows to the context; the caller saves them in its transaction.</summary>
    public void Add(AlertingImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        db.RotaShifts.AddRange(import.Shifts);
        db.QuietHours.AddRange(import.QuietHours);
        db.Alerts.AddRange(import.Alerts);
        db.AlertEvents.AddRange(import.Events);
    }
}
