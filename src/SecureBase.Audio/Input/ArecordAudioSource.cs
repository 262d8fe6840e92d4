using System.Diagnostics;
using System.Globalization;

namespace SecureBase.Audio.Input;

/// <summary>
/// Live capture from an ALSA device by running <c>arecord -q -f S16_LE -c 1 -r RATE -D DEVICE -t raw</c> and
/// reading its output as raw PCM. Runs until disposed (or until arecord stops).
/// </summary>
public sealed class ArecordAudioSource : IAudioSource
{
    private readonly Process _process;
    private readonly RawPcm16Reader _pcm;
    private bool _disposed;

    private ArecordAudioSource(Process process, int sampleRate)
    {
        _process = process;
        _pcm = new RawPcm16Reader(process.StandardOutput.BaseStream, sampleRate, leaveOpen: true);
    }

    /// <summary>Starts capturing from <paramref name="device"/> (an ALSA name such as <c>default</c> or <c>hw:1,0</c>).</summary>
    /// <param name="device">The ALSA capture device.</param>
    /// <param name="sampleRate">Capture rate, in Hz.</param>
    /// <param name="searchPath">Where to look for arecord (PATH-style list); defaults to PATH.</param>
    /// <exception cref="AudioFormatException">arecord is not installed or cannot be started.</exception>
    public static ArecordAudioSource Start(string device, int sampleRate, string? searchPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        AudioLimits.ValidateSampleRate(sampleRate);
        string arecord = ExecutableLocator.Find("arecord", searchPath)
            ?? throw new AudioFormatException(
                "Capturing from a sound card needs arecord, which was not found on the PATH. " +
                "Install it (for example: apt-get install alsa-utils), or pipe raw audio in with --input -.");
        var info = new ProcessStartInfo(arecord)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-q", "-f", "S16_LE", "-c", "1", "-r", sampleRate.ToString(CultureInfo.InvariantCulture), "-D", device, "-t", "raw"])
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
            throw new AudioFormatException($"arecord was found at {arecord} but could not be started: {exception.Message}", exception);
        }

        return new ArecordAudioSource(process, sampleRate);
    }

    /// <inheritdoc />
    public int SampleRate => _pcm.SampleRate;

    /// <inheritdoc />
    public int SourceSampleRate => _pcm.SampleRate;

    /// <inheritdoc />
    public int Read(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int read = _pcm.Read(destination);
        if (read == 0)
        {
            _process.WaitForExit();
            if (_process.ExitCode != 0)
            {
                throw new AudioFormatException($"arecord stopped with exit code {_process.ExitCode}; check the device name (arecord -L lists them).");
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
}
