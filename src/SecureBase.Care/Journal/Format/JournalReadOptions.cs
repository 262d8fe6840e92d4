namespace SecureBase.Care.Journal.Format;

/// <summary>Limits and the clock used when reading a journal document. The defaults suit a whole household's import.</summary>
public sealed record JournalReadOptions
{
    /// <summary>The defaults.</summary>
    public static JournalReadOptions Default { get; } = new();

    /// <summary>Most entries accepted in one document (a two-year journal holds about 40,000). Reading stops as soon as this is passed.</summary>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>Most stored cry alerts accepted in one document (at most one per cry episode). Reading stops as soon as this is passed.</summary>
    public int MaxAlerts { get; init; } = 200_000;

    /// <summary>Most caregivers accepted in one document.</summary>
    public int MaxCaregivers { get; init; } = 500;

    /// <summary>Most children accepted in one document.</summary>
    public int MaxChildren { get; init; } = 100;

    /// <summary>Largest document accepted, in bytes (default 256 MB). Reading stops as soon as this is passed.</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest single value (one entry, the household), in bytes (default 4 MB); bounds the read buffer.</summary>
    public int MaxValueBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How many problems are listed before the rest are only counted.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>The clock for "is this in the future" checks.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The per-entry rules (durations, amounts, text lengths).</summary>
    public EntryLimits EntryLimits { get; init; } = new();
}
