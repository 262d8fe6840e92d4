using SecureBase.Care.Households;

namespace SecureBase.Care.Journal.Format;

/// <summary>The document reader's checks of the rota and alerts sections, against the document's own children and caregivers.</summary>
internal static class AlertingSection
{
    public static void Check(JournalParseSession session, IReadOnlySet<Guid> children, JournalReadOptions options, ErrorCollector errors)
    {
        var caregivers = new Dictionary<Guid, CaregiverRole>();
        foreach (var (_, caregiver) in session.Caregivers) caregivers.TryAdd(caregiver.Id, caregiver.Role);
        if (session.Rota is { } rota)
            foreach (var error in AlertingChecks.ValidateRota(rota, caregivers)) errors.Add(error.Field, error.Message);
        if (session.Alerts.Count > 0)
        {
            // Items are kept in file order and every one was read (a shape error stops before these checks), so list
            // positions are the file's.
            var alerts = session.Alerts.ConvertAll(a => a.Value);
            var now = options.TimeProvider.GetUtcNow();
            foreach (var error in AlertingChecks.ValidateAlerts(alerts, children, caregivers.Keys.ToHashSet(), now, options.EntryLimits.MaxFutureSkew))
                errors.Add(error.Field, error.Message);
        }
    }

    public static JournalRota? Rota(JournalParseSession session) => session.Rota is { IsEmpty: false } rota ? rota : null;

    public static List<JournalAlert>? Alerts(JournalParseSession session) => session.Alerts.Count > 0 ? session.Alerts.ConvertAll(a => a.Value) : null;
}
