using System.Buffers.Binary;
using SecureBase.Audio.Input;

namespace SecureBase.Audio.Tests.Input;

/// <summary>
/// Thousands of damaged WAV files (mutated headers, lying sizes, truncations, random bytes) from a fixed seed:
/// each must either read or fail with <see cref="AudioFormatException"/>, quickly and without an allocation
/// proportional to any declared size.
/// </summary>
public class WavReaderFuzzTests
{
    private const int Cases = 5000;
    private const long MaxBytesPerCase = 256 * 1024;
    private static readonly uint[] InterestingValues = [0, 1, 2, 3, 7, 8, 15, 16, 40, 0x7FFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFF0, 0xFFFF_FFFF];

    [Fact]
    public async Task Mutated_files_give_only_format_errors_in_bounded_time_and_memory()
    {
        byte[][] seeds = Seeds();
        var failures = new List<string>();
        int formatErrors = 0, readOk = 0;

        // The loop runs on its own thread so that a hang fails the test instead of stalling the run.
        var run = Task.Run(() =>
        {
            var random = new Random(20261130);
            for (int i = 0; i < Cases; i++)
            {
                (byte[] bytes, string kind) = Mutate(seeds[random.Next(seeds.Length)], random);
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    _ = ReadEverything(new MemoryStream(bytes, writable: false), bytes.Length);
                    readOk++;
                }
                catch (AudioFormatException)
                {
                    formatErrors++;
                }
                catch (Exception e)
                {
                    failures.Add($"case {i} ({kind}): {e.GetType().Name}: {e.Message}");
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated > MaxBytesPerCase)
                {
                    failures.Add($"case {i} ({kind}): allocated {allocated} bytes");
                }
            }
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        Task finished = await Task.WhenAny(run, Task.Delay(Timeout.Infinite, timeout.Token));
        Assert.True(finished == run, "the fuzz run did not finish in 120 s (a hang?)");
        await run;
        Assert.Empty(failures);
        // Both outcomes must really be exercised, or the mutations are not doing their job.
        Assert.True(formatErrors > Cases / 10, $"only {formatErrors} format errors");
        Assert.True(readOk > Cases / 10, $"only {readOk} files read");
    }

    [Fact]
    public void A_4_GB_data_chunk_on_a_100_byte_file_reads_the_real_bytes_without_allocating_4_GB()
    {
        byte[] bytes = new WavBuilder { DeclaredDataSize = 0xFFFF_FFF0 }.WithSamples(new double[28]).Build();
        Assert.Equal(100, bytes.Length);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long seekable = ReadEverything(new MemoryStream(bytes), bytes.Length);
        long pipe = ReadEverything(new ForwardOnlyStream(bytes), bytes.Length);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(28, seekable);
        Assert.Equal(28, pipe);
        Assert.True(allocated < MaxBytesPerCase, $"allocated {allocated} bytes");
    }

    private static long ReadEverything(Stream stream, int fileLength)
    {
        using var reader = new WavReader(stream);
        Span<float> block = stackalloc float[256];
        long total = 0;
        int read;
        while ((read = reader.Read(block)) > 0)
        {
            total += read;
            if (total > fileLength)
            {
                throw new InvalidOperationException("read more samples than the file has bytes");
            }
        }

        return total;
    }

    private static byte[][] Seeds()
    {
        double[] tone = Enumerable.Range(0, 40).Select(i => Math.Sin(i * 0.3) * 0.7).ToArray();
        var withChunks = new WavBuilder { BitsPerSample = 8 }.WithSamples(tone);
        withChunks.ChunksBeforeFmt.Add(("JUNK", new byte[5]));
        withChunks.ChunksBeforeData.Add(("LIST", new byte[12]));
        return
        [
            new WavBuilder().WithSamples(tone).Build(),
            new WavBuilder { Channels = 2, BitsPerSample = 24, Extensible = true, SampleRate = 48000 }.WithSamples(tone).Build(),
            new WavBuilder { FormatTag = 3, BitsPerSample = 32, SampleRate = 8000 }.WithSamples(tone).Build(),
            new WavBuilder { BitsPerSample = 32, Channels = 2 }.WithSamples(tone).Build(),
            withChunks.Build(),
        ];
    }

    private static (byte[] Bytes, string Kind) Mutate(byte[] seed, Random random)
    {
        byte[] bytes = (byte[])seed.Clone();
        switch (random.Next(6))
        {
            case 0:
                for (int n = random.Next(1, 6); n > 0; n--)
                {
                    bytes[random.Next(Math.Min(bytes.Length, 80))] = (byte)random.Next(256);
                }

                return (bytes, "header bytes flipped");
            case 1:
                int at = random.Next(Math.Min(bytes.Length, 80) - 4);
                uint value = random.Next(3) == 0 ? (uint)random.NextInt64(0, uint.MaxValue) : InterestingValues[random.Next(InterestingValues.Length)];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), value);
                return (bytes, $"uint32 {value} at {at}");
            case 2:
                return (bytes[..random.Next(bytes.Length)], "truncated");
            case 3:
                var noise = new byte[random.Next(0, 300)];
                random.NextBytes(noise);
                return (noise, "random bytes");
            case 4:
                var tail = new byte[random.Next(0, 200)];
                random.NextBytes(tail);
                return ([.. bytes.AsSpan(0, 12), .. tail], "random chunks after RIFF header");
            default:
                int offset = random.Next(12, Math.Min(bytes.Length, 80) - 2);
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)InterestingValues[random.Next(InterestingValues.Length)]);
                return (bytes[..random.Next(offset, bytes.Length + 1)], "uint16 field changed and cut");
        }
    }
}
