using SecureBase.Care.Demo;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// Writes and reads back a small generated journal (the four-week demo: every entry type, about 1,500 entries), so
/// that a process's first real import does not pay for loading the format's types, building the serializer's
/// metadata and compiling the reader's code paths. A server runs it once after starting; the first import of the
/// two-year journal then reads in about half the CPU time (<c>bench/SecureBase.Benchmarks -- cold-read</c>).
/// </summary>
public static class JournalFormatWarmUp
{
    /// <summary>Runs the writer and the reader (with every check) once; returns the document read, for further warm-up.</summary>
    /// <exception cref="InvalidOperationException">The generated journal did not read back as valid: a bug, not bad input.</exception>
    public static async Task<JournalDocument> RunAsync(CancellationToken cancellationToken = default)
    {
        var document = DemoJournal.Create(DateTimeOffset.UtcNow.AddMinutes(-1));
        using var stream = new MemoryStream();
        await JournalDocumentWriter.WriteAsync(document, stream, cancellationToken);
        stream.Position = 0;
        var read = await JournalDocumentReader.ReadAsync(stream, new JournalReadOptions(), cancellationToken);
        return read.Document ?? throw new InvalidOperationException("The warm-up journal did not read back: " + read.Errors[0].Message);
    }
}
