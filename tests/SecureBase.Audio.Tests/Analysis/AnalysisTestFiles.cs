using SecureBase.Audio.Tests.Input;

namespace SecureBase.Audio.Tests.Analysis;

/// <summary>A temporary folder for synthesised audio files, removed after the test.</summary>
internal sealed class AnalysisTestFiles : IDisposable
{
    public AnalysisTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "securebase-audio-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes mono samples as a WAV with the given layout (stereo duplicates the channel).</summary>
    public string WriteWav(string name, float[] mono, int rate, ushort bits = 16, ushort channels = 1, ushort formatTag = 1)
    {
        double[] interleaved = new double[mono.Length * channels];
        for (int i = 0; i < mono.Length; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                interleaved[(i * channels) + c] = mono[i];
            }
        }

        var builder = new WavBuilder { SampleRate = (uint)rate, BitsPerSample = bits, Channels = channels, FormatTag = formatTag };
        string path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, builder.WithSamples(interleaved).Build());
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
