using System.Text.Json.Nodes;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

public class ReaderRefusalTests
{
    private static JsonObject SampleNode() => JsonNode.Parse(SampleJournal.Json(SampleJournal.Create()))!.AsObject();

    private static JournalReadResult ReadNode(JsonNode node, JournalReadOptions? options = null) => SampleJournal.Read(node.ToJsonString(), options);

    private static ValidationError Single(JournalReadResult result)
    {
        Assert.Null(result.Document);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    /// <summary>The sample's entry of a type, as JSON, to tamper with.</summary>
    private static JsonObject Entry(JsonObject document, string type) =>
        document["entries"]!.AsArray().Select(e => e!.AsObject()).First(e => (string?)e["type"] == type);

    private static int IndexOf(JsonObject document, JsonObject entry) => document["entries"]!.AsArray().IndexOf(entry);

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("{\"format\": \"securebase-journal\", \"version\": 1,, }")]
    public void Not_json_is_refused_plainly(string text)
    {
        var error = Single(SampleJournal.Read(text));
        Assert.Equal("document", error.Field);
        Assert.True(error.Message.Contains("not valid JSON", StringComparison.Ordinal) || error.Message.Contains("empty", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Truncated_file_is_called_cut_off()
    {
        var json = SampleJournal.Json(SampleJournal.Create());
        var error = Single(SampleJournal.Read(json[..(json.Length / 2)]));
        Assert.Contains("cut off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_array_is_not_a_journal()
    {
        var error = Single(SampleJournal.Read("[1, 2, 3]"));
        Assert.Contains("one JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_format_is_refused()
    {
        var node = SampleNode();
        node["format"] = "baby-buddy";
        var error = Single(ReadNode(node));
        Assert.Equal("format", error.Field);
        Assert.Contains("baby-buddy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_format_is_refused()
    {
        var node = SampleNode();
        node.Remove("format");
        var error = Single(ReadNode(node));
        Assert.Equal("format", error.Field);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Unknown_version_is_refused_naming_the_supported_one(int version)
    {
        var node = SampleNode();
        node["version"] = version;
        var error = Single(ReadNode(node));
        Assert.Equal("version", error.Field);
        Assert.Contains($"version {version}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Supported versions: {JournalDocument.CurrentVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_as_text_or_missing_is_refused()
    {
        var node = SampleNode();
        node["version"] = "1";
        Assert.Equal("version", Single(ReadNode(node)).Field);
        node.Remove("version");
        var error = Single(ReadNode(node));
        Assert.Equal("version", error.Field);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_time_names_the_field_and_the_expected_form()
    {
        var node = SampleNode();
        var feed = Entry(node, "feed");
        feed["startedAt"] = "yesterday";
        var error = Single(ReadNode(node));
        Assert.Equal($"entries[{IndexOf(node, feed)}].startedAt", error.Field);
        Assert.Contains("ISO 8601", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_types_in_nested_fields_are_located()
    {
        var node = SampleNode();
        var cry = Entry(node, "cry");
        cry["responses"]![0]!["talked"] = "yes";
        var error = Single(ReadNode(node));
        Assert.Equal($"entries[{IndexOf(node, cry)}].responses[0].talked", error.Field);
        Assert.Equal("Expected true or false.", error.Message);
    }

    [Fact]
    public void An_amount_that_is_not_a_number_is_refused()
    {
        var node = SampleNode();
        var feed = Entry(node, "feed");
        feed["amount"] = new JsonObject();
        var error = Single(ReadNode(node));
        Assert.Equal($"entries[{IndexOf(node, feed)}].amount", error.Field);
        Assert.Equal("Expected a number.", error.Message);
    }

    [Fact]
    public void Enum_values_out_of_range_list_the_allowed_ones()
    {
        var node = SampleNode();
        var feed = Entry(node, "feed");
        feed["kind"] = "juice";
        var error = Single(ReadNode(node));
        Assert.Equal($"entries[{IndexOf(node, feed)}].kind", error.Field);
        Assert.Contains("breastLeft", error.Message, StringComparison.Ordinal);
        Assert.Contains("formula", error.Message, StringComparison.Ordinal);

        feed["kind"] = 4; // numbers are not accepted for enums
        Assert.Equal($"entries[{IndexOf(node, feed)}].kind", Single(ReadNode(node)).Field);
    }

    [Fact]
    public void Unknown_or_missing_entry_type_is_refused()
    {
        var node = SampleNode();
        var diaper = Entry(node, "diaper");
        var index = IndexOf(node, diaper);
        diaper["type"] = "bath";
        var error = Single(ReadNode(node));
        Assert.Equal($"entries[{index}].type", error.Field);
        Assert.Contains("\"bath\"", error.Message, StringComparison.Ordinal);
        diaper.Remove("type");
        Assert.Equal($"entries[{index}].type", Single(ReadNode(node)).Field);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var node = SampleNode();
        var note = Entry(node, "note");
        note.Remove("text");
        var error = Single(ReadNode(node));
        Assert.Equal($"entries[{IndexOf(node, note)}].text", error.Field);
        Assert.Equal("This field is required.", error.Message);
    }

    [Fact]
    public void A_caregiver_without_a_role_is_refused_rather_than_made_a_parent()
    {
        var node = SampleNode();
        node["caregivers"]![1]!.AsObject().Remove("role");
        var error = Single(ReadNode(node));
        Assert.Equal("caregivers[1].role", error.Field);
    }

    [SkippableFact]
    public void An_unknown_time_zone_is_refused()
    {
        Skip.If(!TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out _), "No time zone data on this machine.");
        var document = SampleJournal.Create();
        document.Household = document.Household with { TimeZone = "Mars/Olympus_Mons" };
        Assert.Equal("household.timeZone", Single(SampleJournal.Read(SampleJournal.Write(document))).Field);
        document.Household = document.Household with { TimeZone = "Europe/Paris" };
        Assert.True(SampleJournal.Read(SampleJournal.Write(document)).IsValid);
    }

    [Fact]
    public void Duplicate_entry_ids_are_refused()
    {
        var document = SampleJournal.Create();
        document.Entries[5].Id = document.Entries[2].Id;
        var result = SampleJournal.Read(SampleJournal.Write(document));
        Assert.Null(result.Document);
        Assert.Contains(result.Errors, e => e.Field.EndsWith(".id", StringComparison.Ordinal) && e.Message.Contains("already has this id", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_caregiver_and_child_ids_are_refused()
    {
        var document = SampleJournal.Create();
        document.Caregivers.Add(document.Caregivers[0] with { Name = "Copy" });
        document.Children.Add(document.Children[0] with { Name = "Twin" });
        var result = SampleJournal.Read(SampleJournal.Write(document));
        Assert.Null(result.Document);
        Assert.Contains(result.Errors, e => e.Field.StartsWith("caregivers[", StringComparison.Ordinal) && e.Message.Contains("Another caregiver", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field.StartsWith("children[", StringComparison.Ordinal) && e.Message.Contains("Another child", StringComparison.Ordinal));
    }

    [Fact]
    public void Entries_referring_to_unknown_children_or_caregivers_are_refused()
    {
        var document = SampleJournal.Create();
        var stranger = Guid.NewGuid();
        document.Entries[0].ChildId = stranger;
        document.Entries[1].DoneBy = stranger;
        document.Entries.OfType<CryEpisodeEntry>().Single().Responses[0].CaregiverId = stranger;
        var result = SampleJournal.Read(SampleJournal.Write(document));
        Assert.Null(result.Document);
        var fields = result.Errors.Select(e => e.Field).ToList();
        Assert.Contains("entries[0].childId", fields);
        Assert.Contains("entries[1].doneBy", fields);
        Assert.Contains("entries[3].responses[0].caregiverId", fields);
    }

    [Fact]
    public void Invalid_entries_are_refused_with_the_validator_messages()
    {
        var document = SampleJournal.Create();
        var feed = (FeedEntry)document.Entries[0];
        feed.EndedAt = feed.StartedAt.AddMinutes(-5);
        feed.Amount = 5000;
        var result = SampleJournal.Read(SampleJournal.Write(document));
        Assert.Null(result.Document);
        Assert.Contains(new ValidationError("entries[0].endedAt", "The end is before the start."), result.Errors);
        Assert.Contains(result.Errors, e => e.Field == "entries[0].amount");
    }

    [Fact]
    public void Future_entries_are_judged_by_the_injected_clock()
    {
        var document = SampleJournal.Create();
        document.Entries.Add(new DiaperEntry { Id = Guid.NewGuid(), ChildId = SampleJournal.Baby, StartedAt = SampleJournal.Now.AddHours(1), LoggedBy = SampleJournal.Mother });
        var bytes = SampleJournal.Write(document);
        var now = SampleJournal.Read(bytes);
        Assert.Contains(now.Errors, e => e.Message == "The start is in the future.");
        var later = SampleJournal.Read(bytes, SampleJournal.Options() with { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SampleJournal.Now.AddHours(2)) });
        Assert.True(later.IsValid, string.Join("\n", later.Errors));
    }

    [Fact]
    public void Overlapping_sleeps_within_the_document_are_refused()
    {
        var document = SampleJournal.Create();
        var sleep = document.Entries.OfType<SleepEntry>().Single();
        document.Entries.Add(new SleepEntry { Id = SampleJournal.Id(99), ChildId = SampleJournal.Baby, StartedAt = sleep.StartedAt.AddMinutes(30), EndedAt = sleep.EndedAt!.Value.AddMinutes(30), LoggedBy = SampleJournal.Mother });
        var result = SampleJournal.Read(SampleJournal.Write(document));
        var overlaps = result.Errors.Where(e => e.Message.Contains("overlaps", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, overlaps.Count); // both sleeps are named
    }

    [Fact]
    public void A_long_sleep_that_contains_later_ones_is_caught()
    {
        var document = SampleJournal.Create();
        var start = SampleJournal.Now.AddDays(-3);
        document.Entries.Add(new SleepEntry { Id = SampleJournal.Id(90), ChildId = SampleJournal.Baby, StartedAt = start, EndedAt = start.AddHours(10), LoggedBy = SampleJournal.Mother });
        document.Entries.Add(new SleepEntry { Id = SampleJournal.Id(91), ChildId = SampleJournal.Baby, StartedAt = start.AddHours(1), EndedAt = start.AddHours(2), LoggedBy = SampleJournal.Mother });
        document.Entries.Add(new SleepEntry { Id = SampleJournal.Id(92), ChildId = SampleJournal.Baby, StartedAt = start.AddHours(5), EndedAt = start.AddHours(6), LoggedBy = SampleJournal.Mother });
        var result = SampleJournal.Read(SampleJournal.Write(document));
        Assert.Equal(3, result.Errors.Count(e => e.Message.Contains("overlaps", StringComparison.Ordinal)));
    }

    [Fact]
    public void Sleeps_of_different_children_may_overlap()
    {
        var document = SampleJournal.Create();
        var twin = Guid.Parse("55555555-5555-4555-8555-555555555555");
        document.Children.Add(new JournalChild(twin, "Leo", new DateOnly(2025, 11, 1), "him", null, null));
        var sleep = document.Entries.OfType<SleepEntry>().Single();
        document.Entries.Add(new SleepEntry { Id = SampleJournal.Id(99), ChildId = twin, StartedAt = sleep.StartedAt, EndedAt = sleep.EndedAt, LoggedBy = SampleJournal.Mother });
        Assert.True(SampleJournal.Read(SampleJournal.Write(document)).IsValid);
    }

    [Fact]
    public void Errors_are_capped_with_a_count_of_the_rest()
    {
        var document = SampleJournal.Create();
        for (var i = 0; i < 150; i++)
            document.Entries.Add(new DiaperEntry { Id = SampleJournal.Id(1000 + i), ChildId = Guid.NewGuid(), StartedAt = SampleJournal.Now.AddMinutes(-i), LoggedBy = SampleJournal.Mother });
        var result = SampleJournal.Read(SampleJournal.Write(document));
        Assert.Equal(101, result.Errors.Count);
        Assert.Equal(new ValidationError("document", "…and 50 more problems not listed here."), result.Errors[^1]);
    }

    [Fact]
    public void Too_many_entries_are_refused_before_the_rest_is_read()
    {
        var document = SampleJournal.Create();
        var result = SampleJournal.Read(SampleJournal.Write(document), SampleJournal.Options(maxEntries: 5));
        var error = Single(result);
        Assert.Equal("entries", error.Field);
        Assert.Contains("more than 5 entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused()
    {
        var bytes = SampleJournal.Write(SampleJournal.Create());
        var error = Single(SampleJournal.Read(bytes, SampleJournal.Options() with { MaxBytes = bytes.Length / 2 }));
        Assert.Equal("document", error.Field);
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_huge_value_is_refused_without_growing_the_buffer_further()
    {
        var node = SampleNode();
        Entry(node, "note")["text"] = new string('a', 200_000);
        var error = Single(ReadNode(node, SampleJournal.Options() with { MaxValueBytes = 64 * 1024 }));
        Assert.StartsWith("entries[", error.Field, StringComparison.Ordinal);
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_with_the_type_after_other_fields_are_read_too()
    {
        var node = SampleNode();
        foreach (var entry in node["entries"]!.AsArray().Select(e => e!.AsObject()))
        {
            var type = entry["type"]!.GetValue<string>();
            entry.Remove("type");
            entry["type"] = type; // now the last field
        }
        var result = ReadNode(node);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(SampleJournal.Write(SampleJournal.Create()), SampleJournal.Write(result.Document!));
    }

    [Fact]
    public void Unknown_top_level_fields_are_skipped()
    {
        var node = SampleNode();
        node["comment"] = new JsonObject { ["nested"] = new JsonArray(1, 2, new JsonObject { ["deep"] = true }) };
        Assert.True(ReadNode(node).IsValid);
    }

    [Fact]
    public void Trailing_garbage_after_the_document_is_refused()
    {
        var json = SampleJournal.Json(SampleJournal.Create()) + "{}";
        Assert.Contains("not valid JSON", Single(SampleJournal.Read(json)).Message, StringComparison.Ordinal);
    }
}
