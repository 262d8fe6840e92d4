using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Journal;

namespace SecureBase.Cli.Journal;

/// <summary>
/// <c>securebase import FILE [--household ID]</c>: checks the whole file first, then adds it in one transaction
/// — into an existing household, or, without <c>--household</c>, as the household the file describes (a restore).
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A SecureBase journal file (JSON)." };
        var household = new Option<Guid?>("--household") { Description = "Add to this existing household instead of restoring the file's own household." };
        var dataFolder = StorageConnection.DataFolderOption();
        var postgres = StorageConnection.PostgresOption();
        var command = new Command("import", "Read a SecureBase journal file into this instance. Nothing changes unless the whole file is valid.")
        {
            file, household, dataFolder, postgres,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var input = parse.GetRequiredValue(file);
            if (!input.Exists)
            {
                error.WriteLine($"There is no file {input.FullName}.");
                return 2;
            }
            JournalReadResult read;
            await using (var stream = input.OpenRead())
                read = await JournalDocumentReader.ReadAsync(stream, cancellationToken: cancellationToken);
            if (read.Document is null || read.Errors.Count > 0)
            {
                error.WriteLine($"{input.Name} cannot be imported; nothing was changed:");
                foreach (var e in read.Errors.Take(20)) error.WriteLine($"  {e.Field}: {e.Message}");
                if (read.Errors.Count > 20) error.WriteLine($"  … and {read.Errors.Count - 20} more.");
                return 2;
            }
            await using var services = await StorageConnection.OpenAsync(parse.GetValue(dataFolder), parse.GetValue(postgres), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var transfer = scope.ServiceProvider.GetRequiredService<JournalTransfer>();
            var target = parse.GetValue(household);
            var outcome = target is { } id
                ? await transfer.ImportAsync(id, read.Document, mayChangeRota: true, cancellationToken) // the machine's administrator
                : await transfer.RestoreAsync(read.Document, cancellationToken);
            if (!outcome.IsOk) return StorageConnection.Fail(outcome, error);
            var summary = outcome.Value!;
            error.WriteLine($"Imported into household {summary.HouseholdId}: {summary.EntriesAdded} entries added, " +
                $"{summary.EntriesAlreadyPresent} already there, {summary.ChildrenAdded} children and {summary.CaregiversAdded} caregivers added, " +
                $"{summary.AlertsAdded} alerts added{(summary.RotaAdded ? ", rota added" : "")}.");
            return 0;
        });
        return command;
    }
}
