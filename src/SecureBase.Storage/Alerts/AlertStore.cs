using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SecureBase.Alerts;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Storage.Alerts;

/// <summary>A household's rota and quiet hours, as the alert routing uses them.</summary>
public sealed record RotaSettings(IReadOnlyList<RotaShift> Shifts, IReadOnlyList<QuietHours> QuietHours)
{
    public static readonly RotaSettings Empty = new([], []);
}

/// <summary>A rota shift as typed by a parent: local times "HH:mm"; no days means every day.</summary>
public sealed record RotaShiftInput(Guid CaregiverId, IReadOnlyList<DayOfWeek>? Days, string? From, string? To);

/// <summary>Quiet hours as typed by a parent: local times "HH:mm".</summary>
public sealed record QuietHoursInput(Guid CaregiverId, string? From, string? To);

/// <summary>An unresolved alert read back after a restart.</summary>
public sealed record StoredAlert(Guid HouseholdId, CryAlertState State, DateTimeOffset? EndedAt);

/// <summary>
/// Stores the on-duty rota and quiet hours of each household, and every alert with its timeline. Alert writes are
/// idempotent upserts (an event's key is its place in the timeline), so the alert center may write the same state
/// again after a failure without duplicating anything.
/// </summary>
public sealed class AlertStore(SecureBaseDbContext db)
{
    /// <summary>A household may not keep more lines than this (a rota is a handful of shifts).</summary>
    public const int MaxLines = 50;

    public async Task<RotaSettings> GetRotaAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.HouseholdId == householdId).ToListAsync(cancellationToken);
        var quiet = await db.QuietHours.AsNoTracking().Where(q => q.HouseholdId == householdId).ToListAsync(cancellationToken);
        return new RotaSettings(
            shifts.OrderBy(s => s.From).ThenBy(s => s.CaregiverId).Select(s => new RotaShift(s.CaregiverId, ToDays(s.Days), s.From, s.To)).ToList(),
            quiet.OrderBy(q => q.From).ThenBy(q => q.CaregiverId).Select(q => new QuietHours(q.CaregiverId, q.From, q.To)).ToList());
    }

    /// <summary>
    /// Replaces the household's rota and quiet hours. Every line must name a caregiver of the household who may be
    /// alerted (not a viewer) and two different times; otherwise nothing changes and the errors say which line.
    /// </summary>
    public async Task<Outcome<RotaSettings>> ReplaceRotaAsync(Guid householdId, IReadOnlyList<RotaShiftInput>? shifts, IReadOnlyList<QuietHoursInput>? quietHours, CancellationToken cancellationToken = default)
    {
        shifts ??= [];
        quietHours ??= [];
        var errors = new List<ValidationError>();
        if (shifts.Count > MaxLines) errors.Add(new("shifts", $"A rota can hold at most {MaxLines} shifts."));
        if (quietHours.Count > MaxLines) errors.Add(new("quietHours", $"At most {MaxLines} quiet hours can be kept."));
        if (errors.Count > 0) return Outcome<RotaSettings>.Invalid(errors);

        var alertable = await db.Caregivers.AsNoTracking()
            .Where(c => c.HouseholdId == householdId && c.Role != CaregiverRole.Viewer).Select(c => c.Id).ToListAsync(cancellationToken);
        var newShifts = new List<RotaShiftRecord>();
        for (var i = 0; i < shifts.Count; i++)
        {
            var s = shifts[i];
            var field = $"shifts[{i}]";
            CheckCaregiver(s.CaregiverId, field, alertable, errors);
            var from = ParseTime(s.From, field + ".from", errors);
            var to = ParseTime(s.To, field + ".to", errors);
            if (from is { } f && to is { } t && f == t) errors.Add(new(field + ".to", "A shift needs to end at another time than it starts."));
            if (s.Days?.Any(d => !Enum.IsDefined(d)) == true) errors.Add(new(field + ".days", "That is not a day of the week."));
            if (from is not null && to is not null)
                newShifts.Add(new RotaShiftRecord { Id = Guid.NewGuid(), HouseholdId = householdId, CaregiverId = s.CaregiverId, Days = FromDays(s.Days), From = from.Value, To = to.Value });
        }
        var newQuiet = new List<QuietHoursRecord>();
        for (var i = 0; i < quietHours.Count; i++)
        {
            var q = quietHours[i];
            var field = $"quietHours[{i}]";
            CheckCaregiver(q.CaregiverId, field, alertable, errors);
            var from = ParseTime(q.From, field + ".from", errors);
            var to = ParseTime(q.To, field + ".to", errors);
            if (from is { } f && to is { } t && f == t) errors.Add(new(field + ".to", "Quiet hours need to end at another time than they start."));
            if (from is not null && to is not null)
                newQuiet.Add(new QuietHoursRecord { Id = Guid.NewGuid(), HouseholdId = householdId, CaregiverId = q.CaregiverId, From = from.Value, To = to.Value });
        }
        if (errors.Count > 0) return Outcome<RotaSettings>.Invalid(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RotaShifts.Where(s => s.HouseholdId == householdId).ExecuteDeleteAsync(cancellationToken);
        await db.QuietHours.Where(q => q.HouseholdId == householdId).ExecuteDeleteAsync(cancellationToken);
        db.RotaShifts.AddRange(newShifts);
        db.QuietHours.AddRange(newQuiet);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Outcome<RotaSettings>.Ok(await GetRotaAsync(householdId, cancellationToken));
    }

    /// <summary>
    /// Writes the alert's current state and any timeline events not stored yet. Safe to call again with the same or
    /// an older state: an older version never overwrites a newer one, and events already stored are skipped.
    /// </summary>
    public async Task SaveAlertAsync(Guid householdId, CryAlertState state, DateTimeOffset? endedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var record = await db.Alerts.FirstOrDefaultAsync(a => a.Id == state.Id, cancellationToken);
        if (record is null)
        {
            record = new AlertRecord { Id = state.Id, HouseholdId = householdId, ChildId = state.ChildId };
            db.Alerts.Add(record);
        }
        else if (record.HouseholdId != householdId)
        {
            throw new InvalidOperationException("An alert cannot move to another household.");
        }
        if (record.Version <= state.Version)
        {
            record.Onset = state.Onset;
            record.OnsetStage = state.OnsetStage;
            record.Stage = state.Stage;
            record.Status = state.Status;
            record.IsUrgent = state.IsUrgent;
            record.CryEnded = state.CryEnded;
            record.Version = state.Version;
            record.Recipients = [.. state.Recipients];
            record.AcknowledgedBy = state.AcknowledgedBy;
            record.AcknowledgedAt = state.AcknowledgedAt;
            record.ArrivedBy = state.ArrivedBy;
            record.ArrivedAt = state.ArrivedAt;
            record.LastSentAt = state.LastSentAt;
            record.EndedAt ??= endedAt;
        }
        var stored = (await db.AlertEvents.Where(e => e.AlertId == state.Id).Select(e => e.Sequence).ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < state.Timeline.Count; i++)
        {
            if (stored.Contains(i)) continue;
            var e = state.Timeline[i];
            db.AlertEvents.Add(new AlertEventRecord
            {
                AlertId = state.Id, Sequence = i, HouseholdId = householdId, Kind = e.Kind, At = e.At, CaregiverId = e.CaregiverId, Stage = e.Stage,
                Detail = e.Detail is { Length: > 200 } ? e.Detail[..200] : e.Detail,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Every unresolved alert raised here since <paramref name="since"/>, with its timeline, oldest first. Imported
    /// alerts are not among them: an open one in a file is a cry nobody here heard, and must not ring again.
    /// </summary>
    public async Task<IReadOnlyList<StoredAlert>> OpenAlertsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.Status != AlertStatus.Resolved && a.Onset >= since && !a.Imported).OrderBy(a => a.Onset).ToListAsync(cancellationToken);
        var ids = alerts.Select(a => a.Id).ToList();
        var events = (await db.AlertEvents.AsNoTracking().Where(e => ids.Contains(e.AlertId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.AlertId);
        return alerts.Select(a => new StoredAlert(a.HouseholdId, new CryAlertState(a.Id, a.ChildId, a.Onset, a.OnsetStage, a.Stage, a.Status, a.IsUrgent, a.CryEnded,
            a.Version, a.Recipients, a.AcknowledgedBy, a.AcknowledgedAt, a.ArrivedBy, a.ArrivedAt, a.LastSentAt,
            events[a.Id].OrderBy(e => e.Sequence).Select(ToEvent).ToList()), a.EndedAt)).ToList();
    }

    /// <summary>The stored timeline of one of the household's alerts (empty when there is none).</summary>
    public async Task<IReadOnlyList<AlertEvent>> TimelineAsync(Guid householdId, Guid alertId, CancellationToken cancellationToken = default) =>
        (await db.AlertEvents.AsNoTracking().Where(e => e.HouseholdId == householdId && e.AlertId == alertId).ToListAsync(cancellationToken))
            .OrderBy(e => e.Sequence).Select(ToEvent).ToList();

    private static AlertEvent ToEvent(AlertEventRecord e) => new(e.Kind, e.At, e.CaregiverId, e.Stage, e.Detail);

    private static void CheckCaregiver(Guid caregiverId, string field, List<Guid> alertable, List<ValidationError> errors)
    {
        if (!alertable.Contains(caregiverId))
            errors.Add(new(field + ".caregiverId", "Choose someone of this household who can be alerted (not a viewer)."));
    }

    private static TimeOnly? ParseTime(string? text, string field, List<ValidationError> errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Add(new(field, "Please give a time like 22:00."));
        return null;
    }

    private static int FromDays(IReadOnlyList<DayOfWeek>? days) => days?.Where(Enum.IsDefined).Aggregate(0, (bits, d) => bits | (1 << (int)d)) ?? 0;

    private static HashSet<DayOfWeek> ToDays(int bits) => Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0).ToHashSet();
}
