using System.CommandLine;
using SecureBase.Cli.Insights;

namespace SecureBase.Cli;

/// <summary>The insights commands: insights, likely-need-eval.</summary>
internal static class InsightsCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(InsightsCommand.Create(TimeProvider.System));
        root.Subcommands.Add(LikelyNeedEvalCommand.Create());
    }
}
