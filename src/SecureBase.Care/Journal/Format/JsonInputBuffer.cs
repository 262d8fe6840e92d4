using System.Buffers;
using System.Text.Json;

namespace SecureBase.Care.Journal.Format;

/// <summary>
/// A sliding window over the input stream for <see cref="Utf8JsonReader"/>: unread bytes are kept, read bytes
/// dropped. It grows only when one value does not fit, up to a cap, so memory stays bounded whatever the file.
/// </summary>
internal sealed class JsonInputBuffer(int maxValueBytes, long maxBytes) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(256 * 1024, maxValueBytes));
    private int _start;
    private int _end;

    public JsonReaderState State { get; private set; } = new(new JsonReaderOptions { MaxDepth = 64 });
    public bool IsFinalBlock { get; private set; }
    public long TotalBytes { get; private set; }
    public bool TooLarge => TotalBytes > maxBytes;

    /// <summary>The unread bytes.</summary>
    public ReadOnlySpan<byte> Pending => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Marks bytes as read, keeping the reader's state for the next window.</summary>
    public void Advance(long consumed, JsonReaderState state)
    {
        _start += checked((int)consumed);
        State = state;
    }

    /// <summary>Makes room for more bytes; false when one value alone would exceed the cap.</summary>
    public bool MakeRoom()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end < _buffer.Length) return true;
        if (_buffer.Length >= maxValueBytes) return false;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, maxValueBytes));
        Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
        return true;
    }

    /// <summary>Reads until the window is full or the stream ends.</summary>
    public void Fill(Stream stream)
    {
        while (_end < _buffer.Length && !IsFinalBlock && !TooLarge)
        {
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            Record(read);
        }
    }

    /// <inheritdoc cref="Fill"/>
    public async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (_end < _buffer.Length && !IsFinalBlock && !TooLarge)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end, _buffer.Length - _end), cancellationToken);
            Record(read);
        }
    }

    private void Record(int read)
    {
        if (read == 0) IsFinalBlock = true;
        _end += read;
        TotalBytes += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
