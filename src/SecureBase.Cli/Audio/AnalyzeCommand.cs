using System.CommandLine;
using SecureBase.Audio.Analysis;

namespace SecureBase.Cli.Audio;

/// <summary><c>securebase analyze FILE|DIR... [--format ndjson|table]</c>.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Audio files, or folders searched recursively for audio files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or ndjson (one JSON object per file).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "ndjson");

        var command = new Command("analyze", "Find cry episodes in recordings: when, how they escalated, and what they sounded like.")
        {
            paths,
            format,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            IReadOnlyList<string> files = FileAnalyzer.ExpandInputs(parseResult.GetRequiredValue(paths));
            bool ndjson = parseResult.GetValue(format) == "ndjson";
            return Task.FromResult(Run(files, ndjson, output, cancellationToken));
        });
        return command;
    }

    private static int Run(IReadOnlyList<string> files, bool ndjson, TextWriter output, CancellationToken cancellationToken)
    {
        var analyzer = new FileAnalyzer();
        var results = new List<AnalysisResult>();
        bool anyFailed = false;
        foreach (string file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AnalysisResult result = analyzer.Analyze(file, cancellationToken);
            anyFailed |= !result.Succeeded;
            if (ndjson)
            {
                // One line per file as soon as it is done, so a long batch can be followed or piped.
                output.WriteLine(AnalysisJson.ToNdjsonLine(result));
                output.Flush();
            }
            else
            {
                results.Add(result);
            }
        }

        if (!ndjson)
        {
            AnalysisTable.Write(results, output);
        }

        return anyFailed ? 1 : 0;
    }
}
