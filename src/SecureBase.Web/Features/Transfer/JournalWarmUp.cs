using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Journal;

namespace SecureBase.Web.Features.Transfer;

/// <summary>
/// After the server starts, reads a small generated journal and lays out its rows (nothing is stored), so the first
/// real import does not also pay for loading types, building the serializer's metadata and compiling the reader,
/// the checks and the row writer: on a fresh server that one-off cost was a large part of the first import's time.
/// </summary>
public sealed class JournalWarmUp(IServiceScopeFactory scopes, ILogger<JournalWarmUp> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            var document = await JournalFormatWarmUp.RunAsync(stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JournalTransfer>().WarmUp(document);
            if (log.IsEnabled(LogLevel.Debug)) log.LogDebug("Journal import path warmed up ({Entries} entries)", document.Entries.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping before the warm-up finished: nothing to warm up for.
        }
#pragma warning disable CA1031 // only an optimisation: a failure must never stop the server (a failing background service would)
        catch (Exception exception)
#pragma warning restore CA1031
        {
            log.LogWarning(exception, "The journal import path could not be warmed up; the first import will be slower");
        }
    }, stoppingToken);
}
