using System.CommandLine;
using System.Globalization;
using SecureBase.Care.Journal;
using SecureBase.Insights;

namespace SecureBase.Cli.Insights;

/// <summary>
/// <c>securebase insights --journal FILE --child NAME [--from DATE --to DATE] [--format json|table]</c>: the insights of
/// one child computed from a journal file, without a server. Exit codes: 0 done, 1 the journal could not be read
/// (missing, unreadable or invalid file), 2 the request does not fit the journal (unknown child, bad dates).
/// </summary>
internal static class InsightsCommand
{
    public const int JournalProblem = 1;
    public const int RequestProblem = 2;

    public static Command Create(TimeProvider time)
    {
        var journal = new Option<string>("--journal") { Description = "A journal file in the SecureBase journal format (JSON).", Required = true };
        var child = new Option<string>("--child") { Description = "The child's name (or id) in the journal.", Required = true };
        var from = new Option<string?>("--from") { Description = "First day (YYYY-MM-DD, household time). Default: the child's first logged day." };
        var to = new Option<string?>("--to") { Description = "Last day, included (YYYY-MM-DD, household time). Default: the child's last logged day." };
        var format = new Option<string>("--format") { Description = "table (for people) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("insights", "How prompt, attuned, consistent and continuous the care in a journal was, with patterns and suggestions.")
        {
            journal, child, from, to, format,
        };
        command.SetAction(parseResult =>
        {
            var request = new InsightsRequest(
                parseResult.GetRequiredValue(journal),
                parseResult.GetRequiredValue(child),
                parseResult.GetValue(from),
                parseResult.GetValue(to),
                parseResult.GetValue(format) == "json");
            return Run(request, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, time);
        });
        return command;
    }

    internal sealed record InsightsRequest(string JournalPath, string Child, string? From, string? To, bool Json);

    internal static int Run(InsightsRequest request, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (!TryParseDay(request.From, "--from", error, out var fromDay) || !TryParseDay(request.To, "--to", error, out var toDay)) return RequestProblem;

        var load = JournalFile.Load(request.JournalPath);
        if (load.Document is not { } document)
        {
            error.WriteLine(load.Problem);
            return JournalProblem;
        }

        InsightsInput input;
        try
        {
            input = InsightsInput.FromDocument(document, request.Child);
        }
        catch (UnknownChildException e)
        {
            error.WriteLine(e.Message);
            return RequestProblem;
        }
        catch (TimeZoneNotFoundException)
        {
            error.WriteLine($"The journal's time zone \"{document.Household.TimeZone}\" is not known on this machine.");
            return JournalProblem;
        }

        var period = Period(input, fromDay, toDay, time);
        if (period is null)
        {
            error.WriteLine("--from must not be after --to.");
            return RequestProblem;
        }

        var result = new InsightsCalculator(time: time).Compute(input, period);
        if (request.Json) output.WriteLine(InsightsJson.Serialize(result));
        else InsightsTable.Write(result, output);
        return 0;
    }

    /// <summary>The asked days, or the child's logged days when a bound is missing; null when the bounds are reversed.</summary>
    private static InsightsPeriod? Period(InsightsInput input, DateOnly? from, DateOnly? to, TimeProvider time)
    {
        var zone = input.TimeZone;
        var logged = input.Entries.Where(e => e.ChildId == input.Child.Id).Select(e => e.StartedAt).ToList();
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var today = Local(time.GetUtcNow());
        var first = from ?? (logged.Count > 0 ? Local(logged.Min()) : to ?? today);
        var last = to ?? (logged.Count > 0 ? Local(logged.Max()) : today);
        if (last < first)
        {
            if (from is not null && to is not null) return null;
            last = first;
        }
        return InsightsPeriod.Custom(first, last, zone);
    }

    private static bool TryParseDay(string? text, string option, TextWriter error, out DateOnly? day)
    {
        day = null;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        error.WriteLine($"{option} must be a date like 2026-11-02, not \"{text}\".");
        return false;
    }
}
