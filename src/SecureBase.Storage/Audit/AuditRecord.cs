namespace SecureBase.Storage.Audit;

/// <summary>What happened to a journal entry.</summary>
public enum AuditAction { Created, Updated, Deleted }

/// <summary>
/// One change to a journal entry: who made it, when, and the entry as JSON (journal format) before and after.
/// Rows are only ever added, so the history survives the entry's deletion.
/// </summary>
public sealed class AuditRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid EntryId { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>The caregiver who made the change (null for an import without a caregiver, e.g. the CLI).</summary>
    public Guid? CaregiverId { get; set; }
    /// <summary>The API token used, when the change came through one.</summary>
    public Guid? TokenId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The entry before the change (null for a create).</summary>
    public string? Before { get; set; }
    /// <summary>The entry after the change (null for a delete).</summary>
    public string? After { get; set; }
}
