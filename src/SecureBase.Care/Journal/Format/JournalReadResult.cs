namespace SecureBase.Care.Journal.Format;

/// <summary>
/// The outcome of reading a journal document: the document when it is valid, otherwise null and the reasons
/// (each with the path of the field, e.g. <c>entries[12].startedAt</c>, and a plain message).
/// </summary>
public sealed record JournalReadResult(JournalDocument? Document, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when the document was read and every rule holds.</summary>
    public bool IsValid => Document is not null && Errors.Count == 0;
}
