using System.Text.Json;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// Reads a SecureBase journal document (docs/journal-format.md) and checks every rule before handing it over:
/// a document comes back only when it is wholly valid, otherwise the problems do (first
/// <see cref="JournalReadOptions.MaxErrors"/>, then a count). Streams the input, so a huge file is refused after
/// reading at most <see cref="JournalReadOptions.MaxBytes"/> bytes or <see cref="JournalReadOptions.MaxEntries"/> entries.
/// </summary>
public static class JournalDocumentReader
{
    /// <summary>Reads and validates a document from a UTF-8 JSON stream. Never throws for bad content; I/O errors propagate.</summary>
    public static JournalReadResult Read(Stream stream, JournalReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= JournalReadOptions.Default;
        var errors = new ErrorCollector(options.MaxErrors);
        var session = new JournalParseSession(options, errors);
        using var input = new JsonInputBuffer(options.MaxValueBytes, options.MaxBytes);
        while (!Step(session, input, options))
        {
            input.Fill(stream);
        }
        return JournalDocumentChecks.Complete(session, errors, options);
    }

    /// <inheritdoc cref="Read"/>
    public static async Task<JournalReadResult> ReadAsync(Stream stream, JournalReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= JournalReadOptions.Default;
        var errors = new ErrorCollector(options.MaxErrors);
        var session = new JournalParseSession(options, errors);
        using var input = new JsonInputBuffer(options.MaxValueBytes, options.MaxBytes);
        while (!Step(session, input, options))
        {
            await input.FillAsync(stream, cancellationToken);
        }
        return JournalDocumentChecks.Complete(session, errors, options);
    }

    /// <summary>Parses what the buffer holds; true when reading is over (finished or refused), false when more bytes are needed.</summary>
    private static bool Step(JournalParseSession session, JsonInputBuffer input, JournalReadOptions options)
    {
        if (input.TooLarge)
        {
            session.Stop("document", $"The file is larger than {options.MaxBytes / (1024.0 * 1024):0.#} MB, more than this SecureBase accepts in one import. Nothing was imported.");
            return true;
        }
        if (input.IsFinalBlock && input.TotalBytes == 0)
        {
            session.Stop("document", "The file is empty.");
            return true;
        }
        try
        {
            var reader = new Utf8JsonReader(input.Pending, input.IsFinalBlock, input.State);
            session.Process(ref reader, input.Pending);
            input.Advance(reader.BytesConsumed, reader.CurrentState);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
            var message = input.IsFinalBlock && IsCutOff(exception.Message)
                ? "The file ends before the journal does: it looks cut off."
                : $"This is not valid JSON{where}.";
            session.Stop("document", message);
            return true;
        }
        if (session.Stopped) return true;
        if (input.IsFinalBlock)
        {
            if (!session.Finished) session.Stop(session.Location.Length > 0 ? session.Location : "document", "The file ends before the journal does: it looks cut off.");
            return true;
        }
        if (!input.MakeRoom())
        {
            session.Stop(session.Location.Length > 0 ? session.Location : "document", $"One item is larger than {options.MaxValueBytes / (1024.0 * 1024):0.#} MB, more than any journal entry needs.");
            return true;
        }
        return false;
    }

    private static bool IsCutOff(string message) =>
        message.Contains("reached end of data", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Expected depth to be zero", StringComparison.OrdinalIgnoreCase);
}
