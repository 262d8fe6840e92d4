using System.CommandLine;

namespace SecureBase.Cli;

internal static class InsightsCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
    }
}
