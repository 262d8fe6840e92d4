using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureBase.Audio.Input;

/// <summary>
/// Decodes any format ffmpeg understands (mp3, m4a/aac, ogg/opus, 3gp/amr, caf, webm, flac, ...) by running
/// <c>ffmpeg -i FILE -f s16le -ac 1 -ar RATE -</c> and streaming its output: ffmpeg does the downmix and the
/// resampling, and nothing is held in memory beyond one block. The original sample rate is read from
/// ffmpeg's stream description.
/// </summary>
public sealed partial class FfmpegAudioSource : IAudioSource
{
    private const int MaxDiagnosticChars = 4000;

    private readonly Process _process;
    private readonly RawPcm16Reader _pcm;
    private readonly StringBuilder _diagnostics = new();
    private readonly string _path;
    private bool _finished;
    private bool _disposed;

    private FfmpegAudioSource(Process process, string path, int outputRate)
    {
        _process = process;
        _path = path;
        _pcm = new RawPcm16Reader(process.StandardOutput.BaseStream, outputRate, leaveOpen: true);
        process.ErrorDataReceived += OnDiagnostic;
        process.BeginErrorReadLine();
    }

    /// <summary>Starts ffmpeg decoding <paramref name="path"/> to mono at <paramref name="outputRate"/> Hz.</summary>
    /// <param name="path">The audio file.</param>
    /// <param name="outputRate">The rate to decode to, in Hz.</param>
    /// <param name="searchPath">Where to look for ffmpeg (PATH-style list); defaults to PATH.</param>
    /// <exception cref="AudioFormatException">ffmpeg is not installed, or could not be started.</exception>
    public static FfmpegAudioSource Open(string path, int outputRate, string? searchPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AudioLimits.ValidateSampleRate(outputRate);
        string extension = Path.GetExtension(path);
        string ffmpeg = ExecutableLocator.Find("ffmpeg", searchPath)
            ?? throw new AudioFormatException(
                $"Reading {(extension.Length > 0 ? extension : "this kind of")} files needs ffmpeg, which was not found on the PATH. " +
                "Install ffmpeg (for example: apt-get install ffmpeg) or convert the file to WAV.");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The audio file does not exist.", path);
        }

        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string argument in (string[])["-nostdin", "-hide_banner", "-nostats", "-i", path, "-vn", "-f", "s16le", "-acodec", "pcm_s16le",
                     "-ac", "1", "-ar", outputRate.ToString(CultureInfo.InvariantCulture), "-"])
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new AudioFormatException($"ffmpeg was found at {ffmpeg} but could not be started: {exception.Message}", exception);
        }

        return new FfmpegAudioSource(process, path, outputRate);
    }

    /// <inheritdoc />
    public int SampleRate => _pcm.SampleRate;

    /// <inheritdoc />
    public int SourceSampleRate
    {
        get
        {
            lock (_diagnostics)
            {
                Match match = StreamRateRegex().Match(_diagnostics.ToString());
                return match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out int rate) ? rate : SampleRate;
            }
        }
    }

    /// <inheritdoc />
    public int Read(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            return 0;
        }

        int read = _pcm.Read(destination);
        if (read == 0)
        {
            _finished = true;
            _process.WaitForExit();
            if (_process.ExitCode != 0)
            {
                throw new AudioFormatException($"ffmpeg could not decode the file: {LastDiagnosticLine()}");
            }
        }

        return read;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ChildProcess.Stop(_process);

        _pcm.Dispose();
        _process.Dispose();
    }

    private void OnDiagnostic(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        lock (_diagnostics)
        {
            // Keep a bounded window: the stream description near the start and the latest error at the end.
            if (_diagnostics.Length > MaxDiagnosticChars)
            {
                _diagnostics.Remove(MaxDiagnosticChars / 2, _diagnostics.Length - MaxDiagnosticChars / 2);
            }

            _diagnostics.AppendLine(e.Data);
        }
    }

    private string LastDiagnosticLine()
    {
        // The error output arrives asynchronously; after exit, WaitForExit() has drained it.
        lock (_diagnostics)
        {
            string[] lines = _diagnostics.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string last = lines.Length > 0 ? lines[^1] : "no details given";
            return last.Replace(_path, Path.GetFileName(_path), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"Stream #\d+:\d+.*?: Audio: [^\n]*?(\d+) Hz")]
    private static partial Regex StreamRateRegex();
}
