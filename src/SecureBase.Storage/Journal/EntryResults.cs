using SecureBase.Care.Journal;
using SecureBase.Storage.Audit;

namespace SecureBase.Storage.Journal;

public enum EntryWriteStatus
{
    Created,
    /// <summary>An entry with this id already exists in this household: the create was a retry.</summary>
    AlreadyExists,
    Updated,
    Deleted,
    NotFound,
    /// <summary>The id is taken by an entry of another household; which one is not revealed.</summary>
    IdTaken,
    Invalid,
}

/// <summary>The outcome of a journal write: the entry as stored, or the rules it broke.</summary>
public sealed record EntryWriteResult(EntryWriteStatus Status, JournalEntry? Entry, IReadOnlyList<ValidationError> Errors)
{
    internal static EntryWriteResult Of(EntryWriteStatus status, JournalEntry? entry = null) => new(status, entry, []);
    internal static EntryWriteResult Invalid(IReadOnlyList<ValidationError> errors) => new(EntryWriteStatus.Invalid, null, errors);
    internal static EntryWriteResult Invalid(string field, string message) => Invalid([new ValidationError(field, message)]);
}

/// <summary>Filters for listing entries. <paramref name="To"/> is exclusive; pages count from 1.</summary>
public sealed record EntryQuery(Guid? ChildId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, EntryType? Type = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;
}

/// <summary>One page of entries, newest first, with the number of entries matching the filters.</summary>
public sealed record EntryPage(IReadOnlyList<JournalEntry> Items, int Page, int PageSize, int Total);

/// <summary>An audit record as shown to the household.</summary>
public sealed record AuditView(Guid Id, Guid EntryId, AuditAction Action, Guid? CaregiverId, Guid? TokenId, DateTimeOffset At, string? Before, string? After);
