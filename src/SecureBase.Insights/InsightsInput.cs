using SecureBase.Care.Journal;

namespace SecureBase.Insights;

/// <summary>The parts of a journal the insights read: one child, the household's caregivers, the entries and the time zone.</summary>
/// <param name="Entries">The household's entries, any order; entries of other children are ignored.</param>
/// <param name="Child">The child the insights are about.</param>
/// <param name="Caregivers">The household's caregivers (for names).</param>
/// <param name="TimeZone">The household time zone, for times of day and local days.</param>
public sealed record InsightsInput(
    JournalChild Child,
    IReadOnlyList<JournalCaregiver> Caregivers,
    IReadOnlyList<JournalEntry> Entries,
    TimeZoneInfo TimeZone)
{
    /// <summary>Picks a child of a journal by name (case-insensitive) or id.</summary>
    /// <exception cref="UnknownChildException">No child of the journal has that name or id.</exception>
    /// <exception cref="TimeZoneNotFoundException">The household's time zone is not known to this machine.</exception>
    public static InsightsInput FromDocument(JournalDocument document, string childNameOrId)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(childNameOrId);
        var wanted = childNameOrId.Trim();
        var child = document.Children.Find(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? (Guid.TryParse(wanted, out var id) ? document.Children.Find(c => c.Id == id) : null)
            ?? throw new UnknownChildException(wanted, document.Children.Select(c => c.Name).ToList());
        return new InsightsInput(child, document.Caregivers, document.Entries, TimeZoneInfo.FindSystemTimeZoneById(document.Household.TimeZone));
    }
}

/// <summary>The journal has no child with the asked name.</summary>
public sealed class UnknownChildException : Exception
{
    public UnknownChildException(string asked, IReadOnlyList<string> known)
        : base(known.Count == 0
            ? $"The journal has no children, so there is no \"{asked}\"."
            : $"The journal has no child called \"{asked}\". Children in this journal: {string.Join(", ", known)}.")
    {
        Asked = asked;
        Known = known;
    }

    public UnknownChildException() : this("", []) { }

    public UnknownChildException(string message) : base(message)
    {
        Asked = "";
        Known = [];
    }

    public UnknownChildException(string message, Exception innerException) : base(message, innerException)
    {
        Asked = "";
        Known = [];
    }

    public string Asked { get; }
    public IReadOnlyList<string> Known { get; }
}
