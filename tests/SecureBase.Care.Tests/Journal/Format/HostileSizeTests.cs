using System.Text;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

/// <summary>A "million entries" file must be refused without reading it all or building a million objects.</summary>
public class HostileSizeTests
{
    [Fact]
    public void A_million_entries_are_refused_after_the_cap_with_bounded_reading()
    {
        using var stream = new GeneratedJournalStream(entries: 1_000_000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = JournalDocumentReader.Read(stream, SampleJournal.Options());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Null(result.Document);
        var error = Assert.Single(result.Errors);
        Assert.Equal("entries", error.Field);
        Assert.Contains("more than 200,000 entries", error.Message, StringComparison.Ordinal);
        // Stopped just after entry 200,001: about a fifth of the file, plus at most one buffer.
        Assert.InRange(stream.BytesServed, 200_000 * stream.BytesPerEntry, 200_001 * stream.BytesPerEntry + 512 * 1024);
        // Far less than materialising a million entries would take (each costs several hundred bytes).
        Assert.True(allocated < 150L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_lower_cap_stops_even_earlier()
    {
        using var stream = new GeneratedJournalStream(entries: 1_000_000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = JournalDocumentReader.Read(stream, SampleJournal.Options(maxEntries: 1000));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Contains("more than 1,000 entries", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.True(stream.BytesServed < 1001 * stream.BytesPerEntry + 512 * 1024, $"read {stream.BytesServed:N0} bytes");
        Assert.True(allocated < 20L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void The_generated_file_is_itself_valid_when_small()
    {
        using var stream = new GeneratedJournalStream(entries: 50);
        var result = JournalDocumentReader.Read(stream, SampleJournal.Options());
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(50, result.Document!.Entries.Count);
    }

    /// <summary>Produces a journal with <c>entries</c> notes on the fly, never holding it in memory, and counts what was read.</summary>
    private sealed class GeneratedJournalStream(int entries) : Stream
    {
        private static readonly byte[] s_head = Encoding.UTF8.GetBytes(
            $"{{\"format\":\"securebase-journal\",\"version\":1,\"household\":{{\"id\":\"{SampleJournal.HouseholdId}\",\"name\":\"Big\",\"timeZone\":\"UTC\"}}," +
            $"\"caregivers\":[{{\"id\":\"{SampleJournal.Mother}\",\"name\":\"Anna\",\"role\":\"parent\",\"isBackup\":false}}],\"children\":[],\"entries\":[");
        private static readonly byte[] s_tail = "]}"u8.ToArray();
        private int _next;
        private byte[] _pending = s_head;
        private int _offset;

        // One entry's bytes, rewritten in place for each entry (only the id digits change), so the test's own
        // allocations do not blur the reader's.
        private readonly byte[] _entry = Encoding.UTF8.GetBytes(
            $",{{\"type\":\"note\",\"id\":\"00000000-0000-4000-8000-000000000000\",\"startedAt\":\"2026-02-01T00:00:00+00:00\",\"loggedBy\":\"{SampleJournal.Mother}\",\"text\":\"hello\",\"recordedAt\":\"2026-02-01T00:00:00+00:00\"}}");
        private const int IdDigitsEnd = 58;

        public int BytesPerEntry => _entry.Length;
        public long BytesServed { get; private set; }

        private byte[] Entry(int i)
        {
            for (int p = IdDigitsEnd - 1, n = i; p >= IdDigitsEnd - 12; p--, n /= 10) _entry[p] = (byte)('0' + n % 10);
            _entry[0] = (byte)(i == 0 ? ' ' : ',');
            return _entry;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_offset == _pending.Length)
                {
                    if (_next < entries) _pending = Entry(_next++);
                    else if (_next == entries) { _pending = s_tail; _next++; }
                    else break;
                    _offset = 0;
                }
                var n = Math.Min(count - written, _pending.Length - _offset);
                Array.Copy(_pending, _offset, buffer, offset + written, n);
                _offset += n;
                written += n;
            }
            BytesServed += written;
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesServed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
