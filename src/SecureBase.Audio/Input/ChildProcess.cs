using System.Diagnostics;

namespace SecureBase.Audio.Input;

/// <summary>Shared shutdown of the helper programs (ffmpeg, arecord) whose output an audio source reads.</summary>
internal static class ChildProcess
{
    /// <summary>Stops the program if it still runs (the reader may stop early) and waits for it to go.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the check and the kill.
        }
    }
}
