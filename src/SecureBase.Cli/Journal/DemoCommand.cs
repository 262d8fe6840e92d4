using System.CommandLine;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Cli.Journal;

/// <summary><c>securebase demo [--out FILE] [--seed N]</c>: four weeks of a demo household's journal, as a journal file.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output)." };
        var seed = new Option<int>("--seed") { Description = "Another seed gives another (equally realistic) month.", DefaultValueFactory = _ => 1 };
        var command = new Command("demo", "Write a demo journal: one baby, three caregivers, four weeks ending now.") { output, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = DemoJournal.Create(TimeProvider.System.GetUtcNow(), parse.GetValue(seed));
            var file = parse.GetValue(output);
            await using var stream = file is null ? Console.OpenStandardOutput() : File.Create(file.FullName);
            await JournalDocumentWriter.WriteAsync(document, stream, cancellationToken);
            return 0;
        });
        return command;
    }
}
