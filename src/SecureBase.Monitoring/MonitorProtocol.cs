using System.Buffers.Binary;

namespace SecureBase.Monitoring;

/// <summary>
/// The audio frame a monitor sends over its WebSocket: one binary message per frame,
/// a 4-byte little-endian sequence number (starting at 1, +1 per frame, kept across reconnects so the server
/// can drop what it already has) followed by signed 16-bit little-endian mono PCM samples at the agreed rate.
/// Control messages (hello, battery, ping) are JSON text messages.
/// </summary>
public static class MonitorProtocol
{
    /// <summary>Bytes before the samples.</summary>
    public const int HeaderBytes = 4;

    /// <summary>
    /// Most audio a SecureBase monitor keeps while the server has not confirmed it, in seconds; it sends all of it at once
    /// when it reconnects. The server's burst allowance is larger than this, so a reconnect is never taken for a flood.
    /// </summary>
    public const double MaxClientBufferSeconds = 30;

    /// <summary>The rates a monitor may send; everything is resampled to the engine's 16 000 Hz.</summary>
    public static IReadOnlyList<int> SupportedRates { get; } = [8000, 16000, 22050, 24000, 32000, 44100, 48000];

    /// <summary>Writes a frame into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteFrame(uint sequence, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        var length = HeaderBytes + (samples.Length * 2);
        if (destination.Length < length) throw new ArgumentException("The destination is too small for the frame.", nameof(destination));
        BinaryPrimitives.WriteUInt32LittleEndian(destination, sequence);
        for (var i = 0; i < samples.Length; i++)
            BinaryPrimitives.WriteInt16LittleEndian(destination[(HeaderBytes + (2 * i))..], samples[i]);
        return length;
    }
}
