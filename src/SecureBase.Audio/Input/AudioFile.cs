namespace SecureBase.Audio.Input;

/// <summary>Opens audio files: WAV natively, every other supported container through ffmpeg.</summary>
public static class AudioFile
{
    /// <summary>File extensions treated as audio when searching folders (lower case, with the dot).</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".wave", ".mp3", ".m4a", ".aac", ".mp4", ".ogg", ".oga", ".opus", ".3gp", ".3gpp", ".amr",
        ".caf", ".webm", ".mka", ".flac", ".aif", ".aiff", ".wma",
    };

    /// <summary>True when <paramref name="path"/> has an audio file extension.</summary>
    public static bool HasAudioExtension(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// Opens <paramref name="path"/>. A file that starts with a RIFF/WAVE header (or is named .wav) is read
    /// natively at its own rate; anything else is decoded by ffmpeg to mono at <paramref name="decodeRate"/> Hz.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="decodeRate">Rate, in Hz, that ffmpeg decodes to (WAV keeps its own rate).</param>
    /// <param name="ffmpegSearchPath">Where to look for ffmpeg (PATH-style list); defaults to PATH.</param>
    /// <exception cref="AudioFormatException">The file is not readable audio, or ffmpeg is needed and missing.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static IAudioSource Open(string path, int decodeRate = 16000, string? ffmpegSearchPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[4];
            int read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            bool looksLikeRiff = read == 4 && (magic.SequenceEqual("RIFF"u8) || magic.SequenceEqual("RF64"u8) || magic.SequenceEqual("RIFX"u8));
            string extension = Path.GetExtension(path);
            bool namedWav = extension.Equals(".wav", StringComparison.OrdinalIgnoreCase) || extension.Equals(".wave", StringComparison.OrdinalIgnoreCase);
            if (looksLikeRiff || namedWav)
            {
                stream.Position = 0;
                return new WavReader(stream);
            }

            stream.Dispose();
            if (read == 0)
            {
                throw new AudioFormatException("The file is empty.");
            }

            return FfmpegAudioSource.Open(path, decodeRate, ffmpegSearchPath);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
