using System.CommandLine;
using SecureBase.Cli.Audio;

namespace SecureBase.Cli;

/// <summary>The audio commands: analyze, listen, eval, train.</summary>
internal static class AudioCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(MonitorListen.Extend(ListenCommand.Create()));
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
    }
}
