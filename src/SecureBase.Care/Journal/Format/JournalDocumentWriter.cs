using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// Writes a journal document in its canonical form: entries ordered by start then id, caregivers and children by
/// id, every time in UTC, indented, a final newline. Two exports of the same journal are therefore byte-identical
/// apart from <see cref="JournalDocument.ExportedAt"/>, whatever order or time offsets the data came in.
/// </summary>
public static class JournalDocumentWriter
{
    private static readonly JsonSerializerOptions s_options = CreateOptions();
    private static readonly byte[] s_newline = "\n"u8.ToArray();

    /// <summary>Writes <paramref name="document"/> as UTF-8 JSON. The document itself is not changed.</summary>
    public static void Write(JournalDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, Canonical(document), s_options);
        stream.Write(s_newline);
    }

    /// <inheritdoc cref="Write"/>
    public static async Task WriteAsync(JournalDocument document, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await JsonSerializer.SerializeAsync(stream, Canonical(document), s_options, cancellationToken);
        await stream.WriteAsync(s_newline, cancellationToken);
    }

    /// <summary>A shallow copy of the document with its lists in canonical order (the entries themselves are shared).</summary>
    public static JournalDocument Canonical(JournalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new JournalDocument
        {
            Format = document.Format,
            Version = document.Version,
            ExportedAt = document.ExportedAt,
            Household = document.Household,
            Caregivers = [.. document.Caregivers.OrderBy(c => c.Id)],
            Children = [.. document.Children.OrderBy(c => c.Id)],
            Entries = [.. document.Entries.OrderBy(e => e.StartedAt.UtcTicks).ThenBy(e => e.Id)],
            Guidance = GuidanceCanonical.Of(document.Guidance),
            Rota = AlertingCanonical.Of(document.Rota),
            Alerts = AlertingCanonical.Of(document.Alerts),
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(FormatJson.Options)
        {
            WriteIndented = true,
            // Names like "Zoë" stay readable; HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Insert(0, new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Writes every time in UTC at microsecond precision (the format's precision, and PostgreSQL's), so that a journal
    /// stored and exported again round-trips byte for byte.
    /// </summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            var ticks = value.UtcTicks;
            writer.WriteStringValue(new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));
        }
    }
}
