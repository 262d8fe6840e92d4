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
public sealed partial class FfmpegAudioSource : ChildProcessAudioSource
{
    private const int MaxDiagnosticChars = 4000;

    private readonly StringBuilder _diagnostics = new();
    private readonly string _path;

    private FfmpegAudioSource(Process process, string path, int outputRate)
        : base(process, outputRate)
    {
        _path = path;
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

        return new FfmpegAudioSource(Start(info, "ffmpeg"), path, outputRate);
    }

    /// <inheritdoc />
    public override int SourceSampleRate
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
    private protected override string DescribeFailure(int exitCode) => $"ffmpeg could not decode the file: {LastDiagnosticLine()}";

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
