using System.Globalization;
using System.Text;

namespace SecureBase.Care.Journal.Format;

/// <summary>One CSV file of an export: the entries of one type.</summary>
public sealed record JournalCsvFile(EntryType Type, string FileName, string Content);

/// <summary>
/// CSV export, one file per entry type (RFC 4180: a header row, comma separated, fields quoted when they hold a
/// comma, quote or line break, CRLF line ends). Times are ISO 8601 in the household's time zone with their offset;
/// caregivers and children appear by name beside their ids; a cry episode is one row with its first response's
/// figures. Free text that a spreadsheet would run as a formula (starting with = + - @) is prefixed with an
/// apostrophe. Columns are listed in docs/journal-format.md.
/// </summary>
public static class JournalCsv
{
    /// <summary>The file name used for a type, e.g. "feeds.csv".</summary>
    public static string FileName(EntryType type) => type switch
    {
        EntryType.Feed => "feeds.csv",
        EntryType.Diaper => "diapers.csv",
        EntryType.Sleep => "sleep.csv",
        EntryType.Cry => "cries.csv",
        EntryType.Connection => "connection-moments.csv",
        EntryType.Milestone => "milestones.csv",
        EntryType.Note => "notes.csv",
        EntryType.CheckIn => "check-ins.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown entry type."),
    };

    /// <summary>The header of a type's file, in order.</summary>
    public static IReadOnlyList<string> Columns(EntryType type) => JournalCsvColumns.For(type).Select(c => c.Header).ToList();

    /// <summary>Writes the entries of <paramref name="type"/>, ordered by start then id, with a header row.</summary>
    public static void Write(JournalDocument document, EntryType type, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = JournalCsvColumns.For(type);
        var context = new CsvContext(document);
        WriteRow(writer, columns.Select(c => c.Header));
        foreach (var entry in document.Entries.Where(e => e.Type == type).OrderBy(e => e.StartedAt.UtcTicks).ThenBy(e => e.Id))
            WriteRow(writer, columns.Select(c => c.Value(entry, context)));
    }

    /// <summary>Every type's file (also for types without entries, so a spreadsheet user sees the columns).</summary>
    public static IReadOnlyList<JournalCsvFile> WriteAll(JournalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Enum.GetValues<EntryType>().Select(type =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            Write(document, type, writer);
            return new JournalCsvFile(type, FileName(type), writer.ToString());
        }).ToList();
    }

    /// <summary>Quotes a field when RFC 4180 requires it.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0) return field;
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        foreach (var field in fields) line.Append(Escape(field)).Append(',');
        if (line.Length > 0) line.Length--; // the last comma
        writer.Write(line.Append("\r\n"));
    }
}
