using SecureBase.Audio.Input;

namespace SecureBase.Audio.Tests.Input;

public class WavReaderTests
{
    private static readonly double[] KnownValues = [0.0, 0.5, -0.5, 0.25, -1.0, 0.999, -0.125];

    public static TheoryData<ushort, ushort, bool, double> Layouts => new()
    {
        // format tag, bits, extensible, tolerance (one quantisation step)
        { 1, 8, false, 1.0 / 128 },
        { 1, 16, false, 1.0 / 32768 },
        { 1, 24, false, 1.0 / 8388608 },
        { 1, 32, false, 1e-7 },
        { 3, 32, false, 1e-7 },
        { 1, 16, true, 1.0 / 32768 },
        { 1, 24, true, 1.0 / 8388608 },
        { 3, 32, true, 1e-7 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Mono_samples_decode_to_their_known_values(ushort formatTag, ushort bits, bool extensible, double tolerance)
    {
        var builder = new WavBuilder { FormatTag = formatTag, BitsPerSample = bits, Extensible = extensible, SampleRate = 44100 };
        builder.WithSamples(KnownValues);

        using var reader = new WavReader(new MemoryStream(builder.Build()));
        float[] samples = ReadAll(reader);

        Assert.Equal(44100, reader.SampleRate);
        Assert.Equal(extensible, reader.Format.IsExtensible);
        Assert.Equal(KnownValues.Length, samples.Length);
        for (int i = 0; i < KnownValues.Length; i++)
        {
            Assert.InRange(samples[i], KnownValues[i] - tolerance, KnownValues[i] + tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Stereo_is_averaged_to_mono(ushort formatTag, ushort bits, bool extensible, double tolerance)
    {
        var builder = new WavBuilder { FormatTag = formatTag, BitsPerSample = bits, Extensible = extensible, Channels = 2 };
        builder.WithSamples(0.5, -0.5, 0.5, 0.25, -1.0, -0.5, 0.75, 0.75);

        using var reader = new WavReader(new MemoryStream(builder.Build()));
        float[] samples = ReadAll(reader);

        double[] expected = [0.0, 0.375, -0.75, 0.75];
        Assert.Equal(expected.Length, samples.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.InRange(samples[i], expected[i] - tolerance, expected[i] + tolerance);
        }
    }

    [Fact]
    public void Unknown_chunks_are_skipped_including_odd_sizes_and_padding()
    {
        var builder = new WavBuilder();
        builder.ChunksBeforeFmt.Add(("JUNK", new byte[13]));
        builder.ChunksBeforeData.Add(("LIST", "INFOISFT\u0005\0\0\0abcd\0"u8.ToArray()));
        builder.ChunksBeforeData.Add(("fact", new byte[4]));
        builder.WithSamples(0.5, -0.5);

        using var reader = new WavReader(new MemoryStream(builder.Build()));

        Assert.Equal([0.5f, -0.5f], ReadAll(reader));
    }

    [Fact]
    public void Reads_in_caller_sized_blocks_and_reports_duration()
    {
        double[] values = Enumerable.Range(0, 10_000).Select(i => Math.Sin(i * 0.01) * 0.5).ToArray();
        var builder = new WavBuilder { SampleRate = 8000 }.WithSamples(values);
        using var reader = new WavReader(new MemoryStream(builder.Build()));

        Assert.Equal(10_000, reader.FrameCount);
        Assert.Equal(1.25, reader.DurationSeconds!.Value, 6);
        var block = new float[333];
        int total = 0, read;
        while ((read = reader.Read(block)) > 0)
        {
            Assert.True(read <= block.Length);
            for (int i = 0; i < read; i++)
            {
                Assert.InRange(block[i], values[total + i] - (1.0 / 32768), values[total + i] + (1.0 / 32768));
            }

            total += read;
        }

        Assert.Equal(10_000, total);
    }

    [Fact]
    public void A_data_chunk_longer_than_the_file_reads_what_is_there()
    {
        var builder = new WavBuilder { DeclaredDataSize = 0xF000_0000 }.WithSamples(0.25, 0.5, 0.75);
        byte[] bytes = builder.Build();
        Array.Resize(ref bytes, bytes.Length - 1); // cut in the middle of the last sample

        using var reader = new WavReader(new MemoryStream(bytes));

        Assert.True(reader.IsTruncated);
        Assert.Equal([0.25f, 0.5f], ReadAll(reader));
    }

    [Fact]
    public void A_non_seekable_stream_is_read_until_it_ends()
    {
        var builder = new WavBuilder { DeclaredDataSize = uint.MaxValue }.WithSamples(0.25, -0.25, 0.5);
        using var reader = new WavReader(new ForwardOnlyStream(builder.Build()));

        Assert.Null(reader.FrameCount);
        Assert.Equal([0.25f, -0.25f, 0.5f], ReadAll(reader));
    }

    [Fact]
    public void Float_samples_out_of_range_or_not_a_number_are_made_safe()
    {
        var builder = new WavBuilder { FormatTag = 3, BitsPerSample = 32 }.WithSamples(double.NaN, 4.0, -7.5, double.PositiveInfinity);
        using var reader = new WavReader(new MemoryStream(builder.Build()));

        Assert.Equal([0f, 1f, -1f, 1f], ReadAll(reader));
    }

    [Theory]
    [InlineData(0u, "sample rate 0 Hz")]
    [InlineData(999_999u, "sample rate 999999 Hz")]
    [InlineData(uint.MaxValue, "sample rate 4294967295 Hz")]
    public void Absurd_sample_rates_are_refused(uint rate, string expected)
    {
        var builder = new WavBuilder { SampleRate = rate }.WithSamples(0.1);

        var error = Assert.Throws<AudioFormatException>(() => new WavReader(new MemoryStream(builder.Build())));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_channels_are_refused()
    {
        var builder = new WavBuilder { Channels = 0, BlockAlignOverride = 2 }.WithSamples(0.1);

        var error = Assert.Throws<AudioFormatException>(() => new WavReader(new MemoryStream(builder.Build())));

        Assert.Contains("0 audio channels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_align_that_does_not_match_is_refused()
    {
        var builder = new WavBuilder { Channels = 2, BlockAlignOverride = 3 }.WithSamples(0.1, 0.1);

        var error = Assert.Throws<AudioFormatException>(() => new WavReader(new MemoryStream(builder.Build())));

        Assert.Contains("block align (3 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((ushort)1, (ushort)12, "12-bit PCM")]
    [InlineData((ushort)3, (ushort)64, "64-bit float")]
    [InlineData((ushort)0x55, (ushort)16, "compressed (format 0x0055)")]
    public void Unsupported_encodings_are_named(ushort tag, ushort bits, string expected)
    {
        var builder = new WavBuilder { FormatTag = tag, BitsPerSample = bits, BlockAlignOverride = 2 };

        var error = Assert.Throws<AudioFormatException>(() => new WavReader(new MemoryStream(builder.Build())));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_declared_chunk_before_the_data_is_an_error_not_an_allocation()
    {
        var builder = new WavBuilder().WithSamples(0.1);
        builder.ChunksBeforeData.Add(("LIST", new byte[10]));
        byte[] bytes = builder.Build();
        int listSize = IndexOf(bytes, "LIST"u8) + 4;
        BitConverter.GetBytes(0xFFFF_FFF0u).CopyTo(bytes, listSize);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<AudioFormatException>(() => new WavReader(new MemoryStream(bytes)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("ends inside its 'LIST' chunk", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 200_000, $"allocated {allocated} bytes");
    }

    [Theory]
    [InlineData("RIFX", "Big-endian")]
    [InlineData("RF64", "RF64")]
    [InlineData("OggS", "not a WAV file")]
    public void Other_containers_are_named(string magic, string expected)
    {
        byte[] bytes = new WavBuilder().WithSamples(0.1).Build();
        System.Text.Encoding.ASCII.GetBytes(magic).CopyTo(bytes, 0);

        var error = Assert.Throws<AudioFormatException>(() => new WavReader(new MemoryStream(bytes)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_chunk_before_the_format_is_refused()
    {
        byte[] bytes = [.. "RIFF"u8, 20, 0, 0, 0, .. "WAVE"u8, .. "data"u8, 2, 0, 0, 0, 1, 2];

        var error = Assert.Throws<AudioFormatException>(() => new WavReader(new MemoryStream(bytes)));

        Assert.Contains("before its format", error.Message, StringComparison.Ordinal);
    }

    internal static float[] ReadAll(IAudioSource source)
    {
        var all = new List<float>();
        var block = new float[1000];
        int read;
        while ((read = source.Read(block)) > 0)
        {
            all.AddRange(block.AsSpan(0, read));
        }

        return [.. all];
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}

/// <summary>A stream that cannot seek and hands out at most 7 bytes per read, like a slow pipe.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, 7), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
