namespace SecureBase.Storage.Journal;

/// <summary>Who is making a change: the caregiver (null for an administrative import) and the API token used, if any.</summary>
public sealed record ChangeAuthor(Guid? CaregiverId, Guid? TokenId = null)
{
    /// <summary>A change made by the system itself (an import from the command line, the demo seeder).</summary>
    public static ChangeAuthor System { get; } = new(CaregiverId: null);
}
