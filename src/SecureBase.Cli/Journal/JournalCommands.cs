using System.CommandLine;
using SecureBase.Cli.Journal;

namespace SecureBase.Cli;

internal static class JournalCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
    }
}
