using System.Globalization;
using SecureBase.Audio.Analysis;
using SecureBase.Audio.Detection;
using Spectre.Console;

namespace SecureBase.Cli.Audio;

/// <summary>The people-friendly table of <c>securebase analyze</c>.</summary>
internal static class AnalysisTable
{
    public static void Write(IReadOnlyList<AnalysisResult> results, TextWriter output)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            // Not a terminal (a file, a pipe, a test): there is no window width to respect, so keep rows unwrapped.
            console.Profile.Width = 240;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("File");
        table.AddColumn(new TableColumn("When").NoWrap());
        table.AddColumn("How it went");
        table.AddColumn("Pitch (f0)");
        table.AddColumn("Rhythm");
        table.AddColumn("Notes");

        foreach (AnalysisResult result in results)
        {
            string file = Markup.Escape(Path.GetFileName(result.File));
            if (result.Error is not null)
            {
                table.AddRow(file, "", $"[red]Could not read it:[/] {Markup.Escape(result.Error)}", "", "", "");
                continue;
            }

            if (result.Episodes.Count == 0)
            {
                table.AddRow(file, Seconds(0) + "–" + Seconds(result.DurationSeconds ?? 0), "[grey]no crying heard[/]", "", "", "");
                continue;
            }

            foreach (CryEpisode episode in result.Episodes)
            {
                table.AddRow(
                    file,
                    $"{Seconds(episode.StartSeconds)}–{Seconds(episode.EndSeconds)}",
                    Markup.Escape(string.Join(" → ", episode.Stages.Select(s => $"{AnalysisJson.StageName(s.Stage)} {Seconds(s.StartSeconds)}"))),
                    Pitch(episode.Features),
                    Rhythm(episode.Features),
                    Markup.Escape(string.Join(Environment.NewLine, episode.Notes.Select(n => n.Text))));
                file = "";
            }
        }

        console.Write(table);
    }

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Pitch(CryFeatures f) => f.F0MeanHz is double mean
        ? string.Create(CultureInfo.InvariantCulture, $"{mean:0} Hz ({f.F0MinHz:0}–{f.F0MaxHz:0})")
        : "–";

    private static string Rhythm(CryFeatures f) => f.UnitMeanSeconds is double unit
        ? string.Create(CultureInfo.InvariantCulture, $"{f.UnitCount} bursts of {unit:0.0} s") +
          (f.PauseMeanSeconds is double pause ? string.Create(CultureInfo.InvariantCulture, $", pauses {pause:0.0} s") : "")
        : f.UnitCount.ToString(CultureInfo.InvariantCulture) + " bursts";
}
