using System.Buffers;
using System.Text.Json;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// A run of complete entries copied out of the input (up to a few hundred), deserialized as one piece of work by
/// whichever thread gets to it first: a thread-pool thread, or the reader itself when it needs the results. Only the
/// common case is tried here (a well-formed entry with its "type" first); an entry that fails comes back as null and
/// the reader reads it again, carefully and in file order, to say what is wrong with it.
/// </summary>
internal sealed class EntryChunk : IDisposable
{
    private readonly List<(int Index, int Start, int Length)> _items = new(256);
    private readonly ManualResetEventSlim _done = new(false);
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(128 * 1024);
    private int _length;
    private JournalEntry?[] _results = [];
    private Exception? _failure;
    private int _claimed;

    /// <summary>Entries held.</summary>
    public int Count => _items.Count;

    /// <summary>Bytes held.</summary>
    public int Length => _length;

    /// <summary>Copies one complete entry's JSON (from its "{" to its "}"), which is item <paramref name="index"/> of the file's entries.</summary>
    public void Add(ReadOnlySpan<byte> json, int index)
    {
        if (_length + json.Length > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + json.Length));
            _bytes.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }
        json.CopyTo(_bytes.AsSpan(_length));
        _items.Add((index, _length, json.Length));
        _length += json.Length;
    }

    /// <summary>The file index and JSON of entry <paramref name="i"/> of this chunk.</summary>
    public (int Index, ReadOnlyMemory<byte> Json) Item(int i) => (_items[i].Index, _bytes.AsMemory(_items[i].Start, _items[i].Length));

    /// <summary>Offers the work to the thread pool; nothing is added after this.</summary>
    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(static chunk => chunk.TryRun(), this, preferLocal: false);

    /// <summary>The entries, in order, null where the quick read failed; does the work here if no other thread has begun it.</summary>
    public JournalEntry?[] Finish()
    {
        if (!TryRun()) _done.Wait();
        if (_failure is not null) throw new InvalidOperationException("Reading journal entries failed.", _failure);
        return _results;
    }

    private bool TryRun()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0) return false;
        try
        {
            var results = new JournalEntry?[_items.Count];
            for (var i = 0; i < results.Length; i++) results[i] = TryRead(_bytes.AsSpan(_items[i].Start, _items[i].Length));
            _results = results;
        }
#pragma warning disable CA1031 // handed to the reader's thread, which rethrows it from Finish
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failure = exception;
        }
        finally
        {
            _done.Set();
        }
        return true;
    }

    private static JournalEntry? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(json, FormatJson.TypeFirstOptions);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Returns the buffer; only after <see cref="Finish"/>, when no other thread can still be reading it.</summary>
    public void Dispose()
    {
        _done.Dispose();
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }
}
