using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecureBase.Web.Tests.Process;

/// <summary>
/// The built server (SecureBase.Web.dll) as its own process on a SQLite data folder, for tests that kill it.
/// </summary>
/// <remarks>
/// It binds the port itself (port 0 unless a test asks for a given one, e.g. to restart where a killed server was) and
/// the test reads the address from Kestrel's "Now listening on" line, so no other process can take a port between a
/// test choosing it and the server binding it. A server that exits before listening fails the test at once, with the
/// last lines it printed.
/// </remarks>
internal sealed class ServerProcess : IDisposable
{
    private const string ListeningPrefix = "Now listening on: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly System.Diagnostics.Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> lastLines = new();

    private ServerProcess(System.Diagnostics.Process process)
    {
        this.process = process;
    }

    public static ServerProcess Start(string dataFolder, int port = 0)
    {
        var dll = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "SecureBase.Web.dll");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["SecureBase__DataFolder"] = dataFolder;
        info.Environment["SecureBase__AllowSignUp"] = "true";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Kestrel's start-up line must reach the console whatever appsettings.json says about logging.
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        var server = new ServerProcess(new System.Diagnostics.Process { StartInfo = info, EnableRaisingEvents = true });
        server.process.OutputDataReceived += (_, e) => server.Read(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Read(e.Data);
        server.process.Exited += (_, _) => server.listening.TrySetException(
            new InvalidOperationException($"The server exited before it listened. Its last lines:\n{string.Join('\n', server.lastLines)}"));
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The address the server listens on, once it does.</summary>
    public async Task<Uri> WaitUntilListening()
    {
        try
        {
            return await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server did not listen within {StartTimeout.TotalSeconds} s. Its last lines:\n{string.Join('\n', lastLines)}");
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public async Task Kill()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lastLines.Enqueue(line);
        while (lastLines.Count > 20) lastLines.TryDequeue(out _);

        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0 && Uri.TryCreate(line[(at + ListeningPrefix.Length)..].Trim(), UriKind.Absolute, out var address))
            listening.TrySetResult(address);
    }
}
