using System.Text;
using System.Text.Json;
using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Analysis;

/// <summary>
/// The JSON shapes of analysis results and live events (camelCase, stage names in lower case, times in seconds).
/// Figures are rounded to what is meaningful: times to 10 ms, frequencies to 0.1 Hz, levels to 0.1 dB.
/// </summary>
public static class AnalysisJson
{
    // Relaxed escaping keeps file names readable (ndjson is not embedded in HTML).
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line of ndjson for a file: its episodes, or <c>{"file": ..., "error": ...}</c>.</summary>
    public static string ToNdjsonLine(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render(writer => WriteResult(writer, result));
    }

    /// <summary>One line of ndjson for a live event.</summary>
    public static string ToNdjsonLine(in CryEvent cryEvent)
    {
        CryEvent e = cryEvent;
        return Render(writer => WriteEvent(writer, e));
    }

    /// <summary>Lower-case stage name used in JSON and text: fussing, crying, intense.</summary>
    public static string StageName(CryStage stage) => stage switch
    {
        CryStage.Fussing => "fussing",
        CryStage.Crying => "crying",
        CryStage.Intense => "intense",
        _ => stage.ToString().ToLowerInvariant(),
    };

    /// <summary>camelCase event name: episodeStarted, stageChanged, episodeEnded.</summary>
    public static string EventName(CryEventKind kind) => kind switch
    {
        CryEventKind.EpisodeStarted => "episodeStarted",
        CryEventKind.StageChanged => "stageChanged",
        CryEventKind.EpisodeEnded => "episodeEnded",
        _ => kind.ToString(),
    };

    /// <summary>Writes a file's result object.</summary>
    public static void WriteResult(Utf8JsonWriter writer, AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("file", result.File);
        if (result.Error is not null)
        {
            writer.WriteString("error", result.Error);
            writer.WriteEndObject();
            return;
        }

        WriteRounded(writer, "durationSeconds", result.DurationSeconds, 2);
        if (result.SampleRate is int rate)
        {
            writer.WriteNumber("sampleRate", rate);
        }

        writer.WriteStartArray("episodes");
        foreach (CryEpisode episode in result.Episodes)
        {
            WriteEpisode(writer, episode);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes an event object: <c>{"event", "time", "stage", "detectedAt"[, "episode"]}</c>.</summary>
    public static void WriteEvent(Utf8JsonWriter writer, in CryEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("event", EventName(e.Kind));
        WriteRounded(writer, "time", e.TimeSeconds, 2);
        writer.WriteString("stage", StageName(e.Stage));
        WriteRounded(writer, "detectedAt", e.DetectedAtSeconds, 2);
        if (e.Episode is not null)
        {
            writer.WritePropertyName("episode");
            WriteEpisode(writer, e.Episode);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an episode object.</summary>
    public static void WriteEpisode(Utf8JsonWriter writer, CryEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(episode);
        writer.WriteStartObject();
        WriteRounded(writer, "start", episode.StartSeconds, 2);
        WriteRounded(writer, "end", episode.EndSeconds, 2);
        writer.WriteString("peakStage", StageName(episode.PeakStage));
        writer.WriteStartArray("stages");
        foreach ((CryStage stage, double start) in episode.Stages)
        {
            writer.WriteStartObject();
            writer.WriteString("stage", StageName(stage));
            WriteRounded(writer, "start", start, 2);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteFeatures(writer, episode.Features);
        writer.WriteStartArray("notes");
        foreach (AcousticNote note in episode.Notes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", note.Id);
            writer.WriteString("text", note.Text);
            WriteRounded(writer, "value", note.Value, 3);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFeatures(Utf8JsonWriter writer, CryFeatures f)
    {
        writer.WriteStartObject("features");
        WriteRounded(writer, "f0MeanHz", f.F0MeanHz, 1);
        WriteRounded(writer, "f0MinHz", f.F0MinHz, 1);
        WriteRounded(writer, "f0MaxHz", f.F0MaxHz, 1);
        WriteRounded(writer, "f0InitialHz", f.F0InitialHz, 1);
        writer.WriteNumber("unitCount", f.UnitCount);
        WriteRounded(writer, "unitMeanSeconds", f.UnitMeanSeconds, 3);
        WriteRounded(writer, "pauseMeanSeconds", f.PauseMeanSeconds, 3);
        WriteRounded(writer, "rhythmIrregularity", f.RhythmIrregularity, 3);
        WriteRounded(writer, "voicedFraction", f.VoicedFraction, 3);
        WriteRounded(writer, "loudnessOverBackgroundDb", f.LoudnessOverBackgroundDb, 1);
        writer.WriteEndObject();
    }

    private static void WriteRounded(Utf8JsonWriter writer, string name, double? value, int decimals)
    {
        // JSON has no NaN or infinity: a figure that could not be measured is written as null.
        if (value is double v && double.IsFinite(v))
        {
            writer.WriteNumber(name, Math.Round(v, decimals, MidpointRounding.AwayFromZero));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
