using System.Diagnostics;

namespace SecureBase.Audio.Input;

/// <summary>
/// An audio source that reads raw s16le PCM from a helper program's standard output (ffmpeg, arecord): starting it,
/// turning a failed exit into a clear error once its output ends, and stopping it when the reader is done early.
/// </summary>
public abstract class ChildProcessAudioSource : IAudioSource
{
    private readonly RawPcm16Reader _pcm;
    private bool _finished;
    private bool _disposed;

    /// <summary>Reads <paramref name="process"/>'s output as mono s16le at <paramref name="sampleRate"/> Hz.</summary>
    private protected ChildProcessAudioSource(Process process, int sampleRate)
    {
        Process = process;
        _pcm = new RawPcm16Reader(process.StandardOutput.BaseStream, sampleRate, leaveOpen: true);
    }

    /// <summary>The running helper program.</summary>
    private protected Process Process { get; }

    /// <inheritdoc />
    public int SampleRate => _pcm.SampleRate;

    /// <inheritdoc />
    public virtual int SourceSampleRate => SampleRate;

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
            Process.WaitForExit();
            if (Process.ExitCode != 0)
            {
                throw new AudioFormatException(DescribeFailure(Process.ExitCode));
            }
        }

        return read;
    }

    /// <summary>The message for a program that ended with <paramref name="exitCode"/> ≠ 0.</summary>
    private protected abstract string DescribeFailure(int exitCode);

    /// <summary>Starts the program of <paramref name="info"/> (called <paramref name="name"/> in errors); one that cannot be started becomes an <see cref="AudioFormatException"/>.</summary>
    private protected static Process Start(ProcessStartInfo info, string name)
    {
        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new AudioFormatException($"{name} was found at {info.FileName} but could not be started: {exception.Message}", exception);
        }

        return process;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the program if it still runs (the reader may stop early) and waits for it to go.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the check and the kill.
        }

        _pcm.Dispose();
        Process.Dispose();
    }
}
