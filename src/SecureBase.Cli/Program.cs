using System.CommandLine;
using SecureBase.Cli;

// The securebase command: each feature adds its commands from its own folder.
var root = new RootCommand("SecureBase: listen to the nursery, keep the care journal, see how care builds a secure base.");
AudioCommands.AddTo(root);
JournalCommands.AddTo(root);
InsightsCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
