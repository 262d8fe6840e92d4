using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Cli.Insights;

/// <summary>Reads a journal file with the journal format's own reader, turning every failure into a plain message.</summary>
internal static class JournalFile
{
    public sealed record LoadResult(JournalDocument? Document, string? Problem);

    public static LoadResult Load(string path)
    {
        if (!File.Exists(path)) return new(null, $"There is no journal file at {path}.");
        JournalReadResult read;
        try
        {
            using var stream = File.OpenRead(path);
            read = JournalDocumentReader.Read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, $"The journal file {path} could not be read: {e.Message}");
        }
        if (read.IsValid) return new(read.Document, null);

        var lines = read.Errors.Take(10).Select(e => $"  {e.Field}: {e.Message}");
        var more = read.Errors.Count > 10 ? $"\n  … and {read.Errors.Count - 10} more." : "";
        return new(null, $"{path} is not a valid SecureBase journal:\n{string.Join('\n', lines)}{more}");
    }
}
