using System.Text;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

public class WriterPrecisionTests
{
    [Fact]
    public void Times_are_written_in_utc_at_microsecond_precision()
    {
        var at = new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567);
        var document = new JournalDocument
        {
            Household = new JournalHousehold(Guid.NewGuid(), "Home", "UTC"),
            Entries = [new NoteEntry { Id = Guid.NewGuid(), StartedAt = at, Text = "hi" }],
        };
        using var stream = new MemoryStream();

        JournalDocumentWriter.Write(document, stream);

        Assert.Contains("\"startedAt\": \"2026-03-01T19:00:00.123456+00:00\"", Encoding.UTF8.GetString(stream.ToArray()));
    }
}
