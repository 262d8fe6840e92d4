namespace SecureBase.Care.Journal.Format;

/// <summary>
/// Entries are read on more than one core. Deserializing them is most of reading a journal (a two-year file holds
/// some 40,000), while finding where each one ends is quick: this thread finds them and copies each complete entry
/// into a chunk, chunks are deserialized on the thread pool, and this thread takes the results back in file order.
/// Nothing else changes: the count limit is checked as entries are found, an entry that fails the quick read is read
/// again the careful way to name its problem, and errors come out in the same order as from a single thread,
/// because the results are collected before anything after the entries (or a stop) is reported.
/// </summary>
internal sealed partial class JournalParseSession
{
    private const int ChunkEntries = 256;
    private const int ChunkBytes = 128 * 1024;
    /// <summary>Chunks waiting or being read at once: enough to keep both cores busy, few enough to bound the memory.</summary>
    private const int MaxChunksInFlight = 4;

    private readonly Queue<EntryChunk> _inFlight = new();
    private EntryChunk? _filling;

    /// <summary>Queues one complete entry (its JSON from "{" to "}"), item <paramref name="index"/> of the file's entries.</summary>
    private void QueueEntry(ReadOnlySpan<byte> json, int index)
    {
        _filling ??= new EntryChunk();
        _filling.Add(json, index);
        if (_filling.Count >= ChunkEntries || _filling.Length >= ChunkBytes) StartFilling();
    }

    private void StartFilling()
    {
        if (_filling is null) return;
        _filling.Start();
        _inFlight.Enqueue(_filling);
        _filling = null;
        // The oldest is finished (here, if no pool thread has begun it) before more is read.
        while (_inFlight.Count > MaxChunksInFlight) Collect(_inFlight.Dequeue());
    }

    /// <summary>Adds every queued entry to <see cref="Entries"/>, in file order. Called before anything else is reported and at the end.</summary>
    public void CollectEntries()
    {
        StartFilling();
        while (_inFlight.Count > 0) Collect(_inFlight.Dequeue());
    }

    private void Collect(EntryChunk chunk)
    {
        var results = chunk.Finish();
        for (var i = 0; i < results.Length; i++)
        {
            var (index, json) = chunk.Item(i);
            if (results[i] is { } entry) Entries.Add((index, entry));
            else ReadEntryCarefully(json.Span, index);
        }
        chunk.Dispose();
    }

    /// <summary>The careful path for an entry the quick read refused: what exactly is wrong with it, or, with "type" not first, the entry.</summary>
    private void ReadEntryCarefully(ReadOnlySpan<byte> json, int index)
    {
        var item = new System.Text.Json.Utf8JsonReader(json);
        item.Read();
        var at = $"entries[{index}]";
        if (CheckEntryType(item, at) && Deserialize<JournalEntry>(item, at) is { } entry) Entries.Add((index, entry));
    }
}
