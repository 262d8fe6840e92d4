using System.Buffers.Binary;

namespace SecureBase.Audio.Tests.Synthesis;

/// <summary>Writes 16-bit PCM mono WAV files for tests that go through the file readers.</summary>
public static class WavWriter
{
    public static void Write(string path, float[] samples, int sampleRate)
    {
        using var stream = File.Create(path);
        Span<byte> header = stackalloc byte[44];
        int dataBytes = samples.Length * 2;
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataBytes);
        stream.Write(header);
        var data = new byte[dataBytes];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), (short)Math.Clamp(Math.Round(samples[i] * 32767), -32768, 32767));
        }

        stream.Write(data);
    }
}
