using System.Globalization;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

public class JournalCsvTests
{
    private static string Csv(EntryType type, JournalDocument? document = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        JournalCsv.Write(document ?? SampleJournal.Create(), type, writer);
        return writer.ToString();
    }

    /// <summary>A minimal RFC 4180 parser, to check what a spreadsheet would see.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && csv[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++; }
            else field.Append(c);
        }
        return rows;
    }

    private static Dictionary<string, string> Row(EntryType type, int index = 1)
    {
        var rows = Parse(Csv(type));
        return rows[0].Zip(rows[index]).ToDictionary(p => p.First, p => p.Second);
    }

    [Fact]
    public void Feed_file_has_header_and_one_row_per_feed_with_names_and_iso_times()
    {
        var rows = Parse(Csv(EntryType.Feed));
        Assert.Equal(2, rows.Count);
        Assert.Equal(JournalCsv.Columns(EntryType.Feed), rows[0]);
        var feed = Row(EntryType.Feed);
        Assert.Equal("Sarah", feed["child"]);
        Assert.Equal("Ben", feed["doneBy"]);
        Assert.Equal("2026-03-01T06:00:00+00:00", feed["startedAt"]);
        Assert.Equal("15", feed["durationMinutes"]);
        Assert.Equal("formula", feed["kind"]);
        Assert.Equal("150", feed["amount"]);
        Assert.Equal("ok", feed["temperature"]);
        Assert.Equal("false", feed["refused"]);
    }

    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_are_quoted()
    {
        var csv = Csv(EntryType.Diaper);
        Assert.Contains("\"Line one,\nline two\"", csv, StringComparison.Ordinal);
        Assert.Equal("Line one,\nline two", Row(EntryType.Diaper)["note"]);
        Assert.Equal("Anna, \"Mum\"", Row(EntryType.Diaper)["doneBy"]);
        Assert.Contains("\"Anna, \"\"Mum\"\"\"", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_follows_rfc_4180(string? field, string expected) => Assert.Equal(expected, JournalCsv.Escape(field));

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        Assert.Equal("'=SUM(A1) is not a formula", Row(EntryType.Note)["text"]);
    }

    [Fact]
    public void A_cry_is_one_row_with_the_first_response_and_latencies_in_seconds()
    {
        var rows = Parse(Csv(EntryType.Cry));
        Assert.Equal(2, rows.Count);
        var cry = Row(EntryType.Cry);
        Assert.Equal("2", cry["responseCount"]);
        Assert.Equal("Ben", cry["respondedBy"]);
        Assert.Equal("30", cry["acknowledgeLatencySeconds"]);
        Assert.Equal("150", cry["responseLatencySeconds"]);
        Assert.Equal("false", cry["answeredWhileFussing"]); // crying began at 100 s, he arrived at 150 s
        Assert.Equal("diaper;feed", cry["actions"]);
        Assert.Equal("feed", cry["resolvedBy"]);
        Assert.Equal("false", cry["firstActionResolved"]);
        Assert.Equal("stressed", cry["caregiverState"]);
        Assert.Equal("cooking, dinner", cry["busyWith"]);
        Assert.Equal("570", cry["settleAfterArrivalSeconds"]);
        Assert.Equal("2026-03-01T09:01:40+00:00", cry["cryingAt"]);
        Assert.Equal("", cry["intenseAt"]);
        Assert.Equal("480", cry["f0MeanHz"]);
    }

    [SkippableFact]
    public void Times_are_shown_in_the_household_time_zone()
    {
        Skip.If(!TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out _), "No time zone data on this machine.");
        var document = SampleJournal.Create();
        document.Household = document.Household with { TimeZone = "Europe/Paris" };
        var rows = Parse(Csv(EntryType.Feed, document));
        Assert.Equal("2026-03-01T07:00:00+01:00", rows[1][rows[0].IndexOf("startedAt")]);
    }

    [Fact]
    public void All_types_get_a_file_even_when_empty()
    {
        var document = SampleJournal.Create();
        document.Entries.RemoveAll(e => e is SleepEntry);
        var files = JournalCsv.WriteAll(document);
        Assert.Equal(Enum.GetValues<EntryType>().Length, files.Count);
        Assert.Equal(files.Count, files.Select(f => f.FileName).Distinct().Count());
        var sleep = files.Single(f => f.Type == EntryType.Sleep);
        Assert.Equal("sleep.csv", sleep.FileName);
        Assert.Single(Parse(sleep.Content));
        Assert.All(files.Where(f => f.Type != EntryType.Sleep), f => Assert.Equal(2, Parse(f.Content).Count));
    }

    [Fact]
    public void Every_demo_entry_becomes_one_row_of_its_type_with_a_full_set_of_columns()
    {
        var demo = SecureBase.Care.Demo.DemoJournal.Create(SampleJournal.Now);
        foreach (var file in JournalCsv.WriteAll(demo))
        {
            var rows = Parse(file.Content);
            Assert.Equal(demo.Entries.Count(e => e.Type == file.Type) + 1, rows.Count);
            Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
            Assert.Equal(demo.Entries.Where(e => e.Type == file.Type).Select(e => e.Id.ToString()).Order(), rows.Skip(1).Select(r => r[0]).Order());
        }
    }

    [Fact]
    public void Rows_are_ordered_by_start()
    {
        var document = SampleJournal.Create();
        var first = document.Entries[1].StartedAt;
        document.Entries.Add(new DiaperEntry { Id = SampleJournal.Id(50), ChildId = SampleJournal.Baby, StartedAt = first.AddHours(-1), LoggedBy = SampleJournal.Mother });
        var rows = Parse(Csv(EntryType.Diaper, document));
        Assert.Equal(SampleJournal.Id(50).ToString(), rows[1][0]);
    }
}
