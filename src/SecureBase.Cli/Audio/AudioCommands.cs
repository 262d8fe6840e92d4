using System.CommandLine;

namespace SecureBase.Cli;

internal static class AudioCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
    }
}
