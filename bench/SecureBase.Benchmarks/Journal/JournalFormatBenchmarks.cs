using BenchmarkDotNet.Attributes;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Benchmarks.Journal;

/// <summary>
/// Reading (with every validation rule) and writing the journal format for a two-year demo journal
/// (twins, ~37,600 entries, ~24 MB indented), and the CSV export of all types.
/// Run: dotnet run -c Release --project bench/SecureBase.Benchmarks -- --filter '*JournalFormat*'
/// </summary>
[MemoryDiagnoser]
public class JournalFormatBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private JournalDocument _document = null!;
    private byte[] _json = [];
    private JournalReadOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = DemoJournal.CreateLong(Now, TimeSpan.FromDays(730), seed: 1);
        using var stream = new MemoryStream();
        JournalDocumentWriter.Write(_document, stream);
        _json = stream.ToArray();
        _options = new JournalReadOptions { TimeProvider = new FixedTime(Now) };
        var check = JournalDocumentReader.Read(new MemoryStream(_json), _options);
        if (!check.IsValid) throw new InvalidOperationException("The benchmark journal does not validate: " + check.Errors[0]);
        Console.WriteLine($"// journal: {_document.Entries.Count:N0} entries, {_json.Length / 1e6:0.0} MB");
    }

    [Benchmark]
    public JournalDocument? Read() => JournalDocumentReader.Read(new MemoryStream(_json, writable: false), _options).Document;

    [Benchmark]
    public long Write()
    {
        var sink = new CountingStream();
        JournalDocumentWriter.Write(_document, sink);
        return sink.Length;
    }

    [Benchmark]
    public int CsvAllTypes() => JournalCsv.WriteAll(_document).Sum(f => f.Content.Length);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Counts bytes without keeping them, so the figure is the writer's own cost.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
