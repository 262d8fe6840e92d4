namespace SecureBase.Audio.Input;

/// <summary>
/// Reads a WAV stream (8/16/24/32-bit PCM or 32-bit float, any channel count, plain or WAVE_FORMAT_EXTENSIBLE)
/// block by block as mono floats. Memory use is one fixed 32 KiB buffer, whatever the file's size or its
/// header claims. A data chunk that claims more bytes than the file holds is read up to the real end
/// (<see cref="IsTruncated"/> is then true).
/// </summary>
public sealed class WavReader : IAudioSource
{
    private const int BufferBytes = 32 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private long? _bytesLeft;
    private bool _ended;
    private bool _disposed;

    /// <summary>Parses the header of <paramref name="stream"/>, leaving it positioned at the audio.</summary>
    /// <param name="stream">A readable stream positioned at the start of the RIFF header; seekable or not.</param>
    /// <param name="leaveOpen">When false, disposing the reader disposes the stream.</param>
    /// <exception cref="AudioFormatException">The header is malformed or describes an unsupported format.</exception>
    public WavReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        WavHeaderParser.Header header = WavHeaderParser.Parse(stream);
        Format = header.Format;
        IsTruncated = header.DeclaredLongerThanFile;
        _bytesLeft = header.DataBytes;
        if (header.DataBytes is long bytes)
        {
            FrameCount = bytes / Format.BlockAlign;
        }
    }

    /// <summary>Opens and parses a WAV file.</summary>
    /// <exception cref="AudioFormatException">The header is malformed or describes an unsupported format.</exception>
    public static WavReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            return new WavReader(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The validated format of the audio data.</summary>
    public WavFormat Format { get; }

    /// <inheritdoc />
    public int SampleRate => Format.SampleRate;

    /// <inheritdoc />
    public int SourceSampleRate => Format.SampleRate;

    /// <summary>Frames of audio really present (null on a non-seekable stream of unknown length).</summary>
    public long? FrameCount { get; }

    /// <summary>Duration of the audio really present, in seconds (null when unknown).</summary>
    public double? DurationSeconds => FrameCount is long frames ? (double)frames / Format.SampleRate : null;

    /// <summary>True when the header declared more audio than the file holds (the file was cut short).</summary>
    public bool IsTruncated { get; }

    /// <inheritdoc />
    public int Read(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_ended || destination.IsEmpty)
        {
            return 0;
        }

        int blockAlign = Format.BlockAlign;
        long wantedBytes = Math.Min((long)destination.Length * blockAlign, BufferBytes / blockAlign * blockAlign);
        if (_bytesLeft is long left)
        {
            wantedBytes = Math.Min(wantedBytes, left / blockAlign * blockAlign);
        }

        if (wantedBytes == 0)
        {
            _ended = true;
            return 0;
        }

        int read = _stream.ReadAtLeast(_buffer.AsSpan(0, (int)wantedBytes), (int)wantedBytes, throwOnEndOfStream: false);
        if (read < wantedBytes)
        {
            // The stream ended early (a pipe closed, or a file shorter than its header): keep whole frames only.
            _ended = true;
        }

        int frames = read / blockAlign;
        _bytesLeft -= read;
        PcmConverter.ToMono(_buffer, Format.Encoding, Format.Channels, frames, destination);
        return frames;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
