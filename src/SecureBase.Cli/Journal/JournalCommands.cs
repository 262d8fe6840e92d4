using System.CommandLine;

namespace SecureBase.Cli;

internal static class JournalCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
    }
}
