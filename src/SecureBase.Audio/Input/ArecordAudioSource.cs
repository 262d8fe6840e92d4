using System.Diagnostics;
using System.Globalization;

namespace SecureBase.Audio.Input;

/// <summary>
/// Live capture from an ALSA device by running <c>arecord -q -f S16_LE -c 1 -r RATE -D DEVICE -t raw</c> and
/// reading its output as raw PCM. Runs until disposed (or until arecord stops).
/// </summary>
public sealed class ArecordAudioSource : ChildProcessAudioSource
{
    private ArecordAudioSource(Process process, int sampleRate)
        : base(process, sampleRate)
    {
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

        return new ArecordAudioSource(Start(info, "arecord"), sampleRate);
    }

    /// <inheritdoc />
    private protected override string DescribeFailure(int exitCode) =>
        $"arecord stopped with exit code {exitCode}; check the device name (arecord -L lists them).";
}
