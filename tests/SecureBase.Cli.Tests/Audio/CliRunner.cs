using System.CommandLine;

namespace SecureBase.Cli.Tests.Audio;

/// <summary>Runs the securebase command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand("test");
        AudioCommands.AddTo(root);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
