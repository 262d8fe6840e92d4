using System.Buffers.Binary;

namespace SecureBase.Audio.Input;

/// <summary>
/// Builds canonical 16-bit PCM mono WAV files (a 44-byte header, then little-endian samples): what the synthetic
/// nursery gives browsers' fake microphones, what tests feed the file readers, and the tuning tool's copies.
/// </summary>
public static class Pcm16WavWriter
{
    private const int HeaderBytes = 44;

    /// <summary>A WAV file of <paramref name="samples"/>, recorded at <paramref name="sampleRate"/> Hz.</summary>
    public static byte[] ToWav(ReadOnlySpan<short> samples, int sampleRate)
    {
        byte[] wav = NewFile(samples.Length, sampleRate);
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(HeaderBytes + (i * 2)), samples[i]);
        }

        return wav;
    }

    /// <summary>
    /// A WAV file of <paramref name="samples"/> (full scale ±1; louder samples are clipped), recorded at
    /// <paramref name="sampleRate"/> Hz; each sample is rounded to the nearest of the 16-bit steps (±32767).
    /// </summary>
    public static byte[] ToWav(ReadOnlySpan<float> samples, int sampleRate)
    {
        byte[] wav = NewFile(samples.Length, sampleRate);
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(HeaderBytes + (i * 2)), ToPcm16(samples[i]));
        }

        return wav;
    }

    /// <summary>One sample of full scale ±1 as a 16-bit step, clipped.</summary>
    public static short ToPcm16(float sample) => (short)Math.Round(Math.Clamp(sample, -1f, 1f) * short.MaxValue);

    private static byte[] NewFile(int sampleCount, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        int dataBytes = checked(sampleCount * 2);
        var wav = new byte[checked(HeaderBytes + dataBytes)];
        Span<byte> header = wav.AsSpan(0, HeaderBytes);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);          // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);           // PCM
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1);           // mono
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2); // bytes per second
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], 2);           // bytes per frame
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);          // bits per sample
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataBytes);
        return wav;
    }
}
