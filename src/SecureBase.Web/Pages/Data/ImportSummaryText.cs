using SecureBase.Storage.Journal;

namespace SecureBase.Web.Pages.Data;

/// <summary>The sentence the Data page shows after an import: everything the file added, in plain words.</summary>
public static class ImportSummaryText
{
    /// <summary>"Imported 12 entries, 1 child, 2 caregivers, 3 alerts and the on-duty rota." — counts of zero are left out.</summary>
    public static string Describe(ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var parts = new List<string> { Count(summary.EntriesAdded, "entry", "entries") };
        if (summary.ChildrenAdded > 0) parts.Add(Count(summary.ChildrenAdded, "child", "children"));
        if (summary.CaregiversAdded > 0) parts.Add(Count(summary.CaregiversAdded, "caregiver", "caregivers"));
        if (summary.AlertsAdded > 0) parts.Add(Count(summary.AlertsAdded, "alert", "alerts"));
        if (summary.RotaAdded) parts.Add("the on-duty rota");
        var list = parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}";
        var sentence = $"Imported {list}.";
        if (summary.EntriesAlreadyPresent > 0)
            sentence += $" {Count(summary.EntriesAlreadyPresent, "entry was", "entries were")} already here and left unchanged.";
        return sentence;
    }

    private static string Count(int n, string one, string many) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many)}");
}
