namespace SecureBase.Audio.Evaluation;

/// <summary>
/// Splits the Donate-a-cry corpus by baby (the app-install uuid at the start of each file name), never by file, so
/// no baby is on both sides of a train/test split.
/// </summary>
public static class DonateACrySplit
{
    /// <summary>One baby in this many is held out for testing.</summary>
    public const int TestOneIn = 4;

    /// <summary>
    /// The baby id of a Donate-a-cry file name: the uuid (first five dash-separated groups), upper-cased; the whole
    /// name without extension when it does not look like one.
    /// </summary>
    public static string BabyId(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        string[] parts = name.Split('-');
        return parts.Length >= 5 ? string.Join('-', parts[..5]).ToUpperInvariant() : name.ToUpperInvariant();
    }

    /// <summary>True when the file's baby belongs to the held-out test part (stable: a hash of the baby id).</summary>
    public static bool IsTest(string path) => Hash(BabyId(path)) % TestOneIn == 0;

    /// <summary>
    /// The source of a non-cry file: the speaker of a spoken digit (<c>3_george_7</c> → george), the voice of generated
    /// speech (<c>speech-en-f2-p75</c> → speech-en-f2), the part before a double underscore
    /// (<c>gcompris-fr-voice__numbers-1</c> → gcompris-fr-voice, as tools/negatives/debian-negatives.sh names files),
    /// otherwise the file itself.
    /// </summary>
    public static string NegativeSource(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);

        // Several files cut or joined from one speaker or recording share the prefix; they must stay on one side.
        int marker = name.IndexOf("__", StringComparison.Ordinal);
        if (marker > 0)
        {
            return name[..marker];
        }

        string[] parts = name.Split('_');
        if (parts.Length == 3 && parts[0].All(char.IsAsciiDigit))
        {
            return parts[1];
        }

        int pitch = name.LastIndexOf("-p", StringComparison.Ordinal);
        return pitch > 0 && name[(pitch + 2)..].All(char.IsAsciiDigit) ? name[..pitch] : name;
    }

    /// <summary>True when a non-cry file's source (speaker, voice or recording) is held out for testing.</summary>
    public static bool IsTestNegative(string path) => Hash(NegativeSource(path)) % TestOneIn == 0;

    private static uint Hash(string text)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
