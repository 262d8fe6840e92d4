using SecureBase.Audio.Input;

namespace SecureBase.Audio.Tests.Synthesis;

/// <summary>Writes 16-bit PCM mono WAV files for tests that go through the file readers.</summary>
public static class WavWriter
{
    public static void Write(string path, float[] samples, int sampleRate) =>
        File.WriteAllBytes(path, Pcm16WavWriter.ToWav(samples, sampleRate));
}
