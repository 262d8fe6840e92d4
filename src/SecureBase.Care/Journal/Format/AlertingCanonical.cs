namespace SecureBase.Care.Journal.Format;

/// <summary>
/// The rota and alerts sections in canonical order: rota lines by id with their days Sunday first, alerts by onset
/// (as an instant) then id; recipients and timelines keep their order (it means something). Empty sections are left out.
/// </summary>
internal static class AlertingCanonical
{
    public static JournalRota? Of(JournalRota? rota)
    {
        if (rota is null || rota.IsEmpty) return null;
        return new JournalRota
        {
            Shifts = [.. rota.Shifts.OrderBy(s => s.Id).Select(s => s with { Days = [.. s.Days.Distinct().Order()] })],
            QuietHours = [.. rota.QuietHours.OrderBy(q => q.Id)],
        };
    }

    public static List<JournalAlert>? Of(List<JournalAlert>? alerts) =>
        alerts is null || alerts.Count == 0 ? null : [.. alerts.OrderBy(a => a.Onset.UtcTicks).ThenBy(a => a.Id)];
}
