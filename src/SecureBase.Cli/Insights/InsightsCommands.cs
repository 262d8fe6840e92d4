using System.CommandLine;
using SecureBase.Cli.Insights;

namespace SecureBase.Cli;

/// <summary>The insights command.</summary>
internal static class InsightsCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(InsightsCommand.Create(TimeProvider.System));
    }
}
