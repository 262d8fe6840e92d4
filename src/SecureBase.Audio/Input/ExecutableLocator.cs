namespace SecureBase.Audio.Input;

/// <summary>Finds an executable (ffmpeg, arecord) on a PATH-style search list.</summary>
public static class ExecutableLocator
{
    /// <summary>
    /// The full path of <paramref name="name"/> in the directories of <paramref name="searchPath"/>
    /// (defaults to the PATH environment variable), or null when it is not there.
    /// </summary>
    public static string? Find(string name, string? searchPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        searchPath ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        string[] candidates = OperatingSystem.IsWindows() ? [name + ".exe", name] : [name];
        foreach (string directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string candidate in candidates)
            {
                string full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }
}
