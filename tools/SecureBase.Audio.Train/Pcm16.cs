/// <summary>Writes mono 16-bit PCM WAV files (the tool's copies, for listening or for <c>frames</c>).</summary>
internal static class Pcm16
{
    /// <summary>Writes <paramref name="samples"/> (full scale ±1, clipped) at <paramref name="sampleRate"/> Hz.</summary>
    public static void Write(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        using var writer = new BinaryWriter(File.Create(path));
        int bytes = samples.Length * 2;
        writer.Write("RIFF"u8);
        writer.Write(36 + bytes);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(bytes);
        foreach (float v in samples)
        {
            writer.Write((short)Math.Round(Math.Clamp(v, -1f, 1f) * 32767));
        }
    }
}
