namespace SecureBase.Audio.Input;

/// <summary>
/// Reads a headerless stream of signed 16-bit little-endian mono PCM (s16le) at a known rate — what
/// <c>arecord -f S16_LE -t raw</c> and <c>ffmpeg -f s16le</c> write. Returns whatever the stream has ready
/// (so a live stream is passed on without waiting for a full block), using one fixed buffer.
/// </summary>
public sealed class RawPcm16Reader : IAudioSource
{
    private const int BufferBytes = 16 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private bool _hasCarry;
    private bool _disposed;

    /// <param name="stream">The PCM byte stream (stdin, a pipe, a file).</param>
    /// <param name="sampleRate">Its sample rate, in Hz.</param>
    /// <param name="leaveOpen">When false, disposing the reader disposes the stream.</param>
    /// <exception cref="AudioFormatException">The sample rate is out of range.</exception>
    public RawPcm16Reader(Stream stream, int sampleRate, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        AudioLimits.ValidateSampleRate(sampleRate);
        _stream = stream;
        SampleRate = sampleRate;
        _leaveOpen = leaveOpen;
    }

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public int SourceSampleRate => SampleRate;

    /// <summary>Samples returned so far.</summary>
    public long SamplesRead { get; private set; }

    /// <inheritdoc />
    public int Read(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.IsEmpty)
        {
            return 0;
        }

        int start = _hasCarry ? 1 : 0;
        int capacity = (int)Math.Min((long)destination.Length * 2, BufferBytes);
        while (true)
        {
            // A read may end in the middle of a sample: its first byte is carried over to the next call.
            int read = _stream.Read(_buffer, start, capacity - start);
            if (read == 0)
            {
                return 0;
            }

            int total = start + read;
            int samples = total / 2;
            if (samples == 0)
            {
                start = total;
                continue;
            }

            PcmConverter.ToMono(_buffer, SampleEncoding.Pcm16, 1, samples, destination);
            _hasCarry = (total & 1) == 1;
            if (_hasCarry)
            {
                _buffer[0] = _buffer[total - 1];
            }

            SamplesRead += samples;
            return samples;
        }
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
