using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage;
using SecureBase.Storage.Journal;

namespace SecureBase.Cli.Journal;

/// <summary><c>securebase export [--household ID] [--out FILE]</c>: a household's whole journal in the SecureBase journal format.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var household = new Option<Guid?>("--household") { Description = "The household's id; may be left out when the instance has one household." };
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output)." };
        var dataFolder = StorageConnection.DataFolderOption();
        var postgres = StorageConnection.PostgresOption();
        var command = new Command("export", "Write a household's whole journal as one SecureBase journal file (JSON).")
        {
            household, output, dataFolder, postgres,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            await using var services = await StorageConnection.OpenAsync(parse.GetValue(dataFolder), parse.GetValue(postgres), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
            var householdId = parse.GetValue(household);
            if (householdId is null)
            {
                var ids = await db.Households.Select(h => h.Id).Take(2).ToListAsync(cancellationToken);
                if (ids.Count != 1)
                {
                    error.WriteLine(ids.Count == 0 ? "This instance has no household yet." : "This instance has several households: say which with --household ID.");
                    return 2;
                }
                householdId = ids[0];
            }
            var document = await scope.ServiceProvider.GetRequiredService<JournalTransfer>().ExportAsync(householdId.Value, cancellationToken);
            if (document is null)
            {
                error.WriteLine($"There is no household {householdId}.");
                return 1;
            }
            var file = parse.GetValue(output);
            if (file is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await JournalDocumentWriter.WriteAsync(document, stdout, cancellationToken);
                return 0;
            }
            // Written beside the target and moved into place, so an interrupted export never leaves half a file.
            var temporary = file.FullName + ".partial";
            await using (var stream = File.Create(temporary))
                await JournalDocumentWriter.WriteAsync(document, stream, cancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
            error.WriteLine($"Exported {document.Entries.Count} entries of \"{document.Household.Name}\" to {file.FullName}.");
            return 0;
        });
        return command;
    }
}
