using System.Text.Json.Nodes;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

/// <summary>
/// Entries are deserialized in chunks on the thread pool and collected back in file order. With thousands of entries
/// (many chunks, several in flight at once) the document must come back in the file's order, an entry the quick read
/// refuses ("type" not first) must still be read, and problems must be reported in file order, as a single-threaded
/// reader would.
/// </summary>
public class ParallelEntryReadTests
{
    private const int Count = 5_000;

    private static JsonObject LargeDocument()
    {
        var document = SampleJournal.Create();
        var start = SampleJournal.Now.AddDays(-10);
        document.Entries = [.. Enumerable.Range(1, Count).Select(i => (JournalEntry)new NoteEntry
        {
            Id = SampleJournal.Id(i), ChildId = SampleJournal.Baby, StartedAt = start.AddMinutes(i), LoggedBy = SampleJournal.Mother,
            Text = $"Note {i}", RecordedAt = start.AddMinutes(i),
        })];
        return JsonNode.Parse(SampleJournal.Json(document))!.AsObject();
    }

    private static JsonObject EntryAt(JsonObject document, int index) => document["entries"]!.AsArray()[index]!.AsObject();

    [Fact]
    public void Thousands_of_entries_come_back_in_file_order()
    {
        var document = LargeDocument();
        // "type" last: the quick read refuses it, the careful read (in order) takes it.
        var moved = EntryAt(document, 1_234);
        var type = moved["type"]!.DeepClone();
        moved.Remove("type");
        moved["type"] = type;

        var result = SampleJournal.Read(document.ToJsonString());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var entries = result.Document!.Entries;
        Assert.Equal(Enumerable.Range(1, Count).Select(SampleJournal.Id), entries.Select(e => e.Id));
        Assert.Equal("Note 1235", Assert.IsType<NoteEntry>(entries[1_234]).Text);
    }

    [Fact]
    public void Problems_in_different_chunks_are_reported_in_file_order()
    {
        var document = LargeDocument();
        EntryAt(document, 4_321)["type"] = "dance";
        EntryAt(document, 700)["startedAt"] = 12;
        EntryAt(document, 3)["text"] = new JsonArray();

        var result = SampleJournal.Read(document.ToJsonString());

        Assert.Null(result.Document);
        Assert.Equal(["entries[3].text", "entries[700].startedAt", "entries[4321].type"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_file_cut_off_inside_the_entries_reports_their_problems_first()
    {
        var document = LargeDocument();
        EntryAt(document, 2_000)["startedAt"] = "yesterday";
        var json = document.ToJsonString();
        var cut = json[..(json.IndexOf(SampleJournal.Id(4_000).ToString(), StringComparison.Ordinal) + 10)];

        var result = SampleJournal.Read(cut);

        Assert.Null(result.Document);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("entries[2000].startedAt", result.Errors[0].Field);
        Assert.Contains("cut off", result.Errors[1].Message, StringComparison.Ordinal);
    }
}
