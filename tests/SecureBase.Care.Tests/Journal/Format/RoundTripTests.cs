using System.Text;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

public class RoundTripTests
{
    [Fact]
    public void Write_read_write_is_byte_identical()
    {
        var first = SampleJournal.Write(SampleJournal.Create());
        var read = SampleJournal.Read(first);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        var second = SampleJournal.Write(read.Document!);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
    }

    [Fact]
    public void The_demo_journal_round_trips_byte_for_byte()
    {
        var first = SampleJournal.Write(SecureBase.Care.Demo.DemoJournal.Create(SampleJournal.Now, seed: 5));
        var read = SampleJournal.Read(first);
        Assert.True(read.IsValid, string.Join("\n", read.Errors.Take(5)));
        Assert.Equal(first, SampleJournal.Write(read.Document!));
    }

    [Fact]
    public void Every_field_survives_the_round_trip()
    {
        var read = SampleJournal.Read(SampleJournal.Write(SampleJournal.Create())).Document!;
        Assert.Equal(8, read.Entries.Count);
        var cry = Assert.IsType<CryEpisodeEntry>(read.Entries.Single(e => e.Id == SampleJournal.Id(4)));
        Assert.Equal(CryStage.Crying, cry.PeakStage);
        Assert.Equal(2, cry.Stages.Count);
        Assert.Equal(480, cry.Acoustics!.F0MeanHz);
        var response = cry.Responses[0];
        Assert.Equal([CareAction.Diaper, CareAction.Feed], response.Actions.Select(a => a.Action));
        Assert.Equal(CareAction.Feed, response.ResolvedBy);
        Assert.Equal("cooking, dinner", response.BusyWith);
        Assert.Equal(CaregiverState.Stressed, response.State);
        Assert.Equal(SampleJournal.Now.AddHours(-3).AddSeconds(150), response.ArrivedAt);
        var feed = Assert.IsType<FeedEntry>(read.Entries.Single(e => e.Id == SampleJournal.Id(1)));
        Assert.Equal((150.0, FormulaTemperature.Ok, FeedKind.Formula), (feed.Amount!.Value, feed.Temperature!.Value, feed.Kind));
        Assert.Equal("Anna, \"Mum\"", read.Caregivers.Single(c => c.Id == SampleJournal.Mother).Name);
        Assert.Equal(new DateOnly(2025, 11, 1), read.Children[0].BirthDate);
    }

    [Fact]
    public void Writer_output_does_not_depend_on_input_order_or_time_offsets()
    {
        var ordered = SampleJournal.Create();
        var shuffled = SampleJournal.Create();
        shuffled.Entries.Reverse();
        shuffled.Caregivers.Reverse();
        foreach (var entry in shuffled.Entries) entry.StartedAt = entry.StartedAt.ToOffset(TimeSpan.FromHours(2));
        Assert.Equal(SampleJournal.Write(ordered), SampleJournal.Write(shuffled));
        // The input document is left as it was.
        Assert.Equal(SampleJournal.Id(8), shuffled.Entries[0].Id);
    }

    [Fact]
    public void Writer_orders_entries_by_start_then_id_and_writes_utc()
    {
        var document = SampleJournal.Create();
        var tie = document.Entries[0].StartedAt;
        document.Entries.Add(new DiaperEntry { Id = SampleJournal.Id(0), ChildId = SampleJournal.Baby, StartedAt = tie, LoggedBy = SampleJournal.Mother, RecordedAt = tie });
        var canonical = JournalDocumentWriter.Canonical(document);
        Assert.Equal(SampleJournal.Id(0), canonical.Entries[0].Id);
        Assert.Equal(SampleJournal.Id(1), canonical.Entries[1].Id);
        var json = SampleJournal.Json(document);
        Assert.Contains("\"startedAt\": \"2026-03-01T06:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Async_read_and_write_match_the_sync_ones()
    {
        var document = SampleJournal.Create();
        using var stream = new MemoryStream();
        await JournalDocumentWriter.WriteAsync(document, stream);
        Assert.Equal(SampleJournal.Write(document), stream.ToArray());
        stream.Position = 0;
        var read = await JournalDocumentReader.ReadAsync(stream, SampleJournal.Options());
        Assert.True(read.IsValid);
        Assert.Equal(stream.ToArray(), SampleJournal.Write(read.Document!));
    }

    [Fact]
    public void Reader_handles_entries_split_across_many_small_reads()
    {
        var bytes = SampleJournal.Write(SampleJournal.Create());
        var read = JournalDocumentReader.Read(new TrickleStream(bytes, chunk: 7), SampleJournal.Options());
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(bytes, SampleJournal.Write(read.Document!));
    }

    /// <summary>Returns at most a few bytes per read, like a slow network upload.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
