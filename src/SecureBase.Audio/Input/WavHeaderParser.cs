using System.Buffers.Binary;

namespace SecureBase.Audio.Input;

/// <summary>
/// Walks the RIFF chunks of a WAV stream up to the start of the audio data, validating the format.
/// Declared sizes are never trusted for allocation: chunks are skipped by seeking or by reading through a
/// small fixed buffer, and every size is checked against what the stream really holds.
/// </summary>
internal static class WavHeaderParser
{
    private const ushort FormatPcm = 0x0001;
    private const ushort FormatIeeeFloat = 0x0003;
    private const ushort FormatExtensible = 0xFFFE;

    // A file with more chunks than this before its audio is not a WAV recording; stop walking early.
    private const int MaxChunksBeforeData = 4096;

    // The tail shared by every KSDATAFORMAT_SUBTYPE GUID (the first two bytes carry the format tag).
    private static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>The result of parsing: the format and how many data bytes follow (null = until the end of the stream).</summary>
    internal readonly record struct Header(WavFormat Format, long? DataBytes, bool DeclaredLongerThanFile);

    public static Header Parse(Stream stream)
    {
        Span<byte> riff = stackalloc byte[12];
        if (stream.ReadAtLeast(riff, riff.Length, throwOnEndOfStream: false) < riff.Length)
        {
            throw new AudioFormatException("The file is too short to be a WAV file.");
        }

        string riffId = ChunkId(riff[..4]);
        if (riffId is "RF64" or "BW64")
        {
            throw new AudioFormatException($"{riffId} WAV files (larger than 4 GB) are not supported; convert the file to a regular WAV.");
        }

        if (riffId == "RIFX")
        {
            throw new AudioFormatException("Big-endian WAV files (RIFX) are not supported.");
        }

        if (riffId != "RIFF" || ChunkId(riff[8..12]) != "WAVE")
        {
            throw new AudioFormatException("This is not a WAV file (the RIFF/WAVE header is missing).");
        }

        WavFormat? format = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        for (int chunkIndex = 0; chunkIndex < MaxChunksBeforeData; chunkIndex++)
        {
            if (stream.ReadAtLeast(chunkHeader, chunkHeader.Length, throwOnEndOfStream: false) < chunkHeader.Length)
            {
                throw new AudioFormatException(format is null
                    ? "The WAV file ends before its format (fmt) chunk."
                    : "The WAV file ends before its audio (data) chunk.");
            }

            string id = ChunkId(chunkHeader[..4]);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            switch (id)
            {
                case "fmt ":
                    if (format is not null)
                    {
                        throw new AudioFormatException("The WAV file has two format (fmt) chunks.");
                    }

                    format = ReadFormatChunk(stream, size);
                    break;
                case "data":
                    if (format is null)
                    {
                        throw new AudioFormatException("The WAV file's audio (data) chunk comes before its format (fmt) chunk.");
                    }

                    return DataHeader(stream, format, size);
                default:
                    Skip(stream, size + (size & 1), id);
                    break;
            }
        }

        throw new AudioFormatException($"The WAV file has more than {MaxChunksBeforeData} chunks before its audio; it looks damaged.");
    }

    private static Header DataHeader(Stream stream, WavFormat format, uint declaredSize)
    {
        if (!stream.CanSeek)
        {
            // Streaming writers (pipes) put 0 or 0xFFFFFFFF in the size: read until the stream ends.
            return declaredSize is 0 or uint.MaxValue
                ? new Header(format, null, false)
                : new Header(format, declaredSize, false);
        }

        long available = Math.Max(0, stream.Length - stream.Position);
        if (declaredSize == uint.MaxValue || declaredSize > available)
        {
            // A lying or placeholder size: read what is really there, never what is claimed.
            return new Header(format, available, declaredSize != uint.MaxValue);
        }

        return new Header(format, declaredSize, false);
    }

    private static WavFormat ReadFormatChunk(Stream stream, uint size)
    {
        if (size < 16)
        {
            throw new AudioFormatException($"The WAV format (fmt) chunk is {size} bytes; at least 16 are needed.");
        }

        // Only the first 40 bytes carry anything we use; the rest (if any) is skipped without buffering it.
        Span<byte> fmt = stackalloc byte[40];
        int wanted = (int)Math.Min(size, 40u);
        if (stream.ReadAtLeast(fmt[..wanted], wanted, throwOnEndOfStream: false) < wanted)
        {
            throw new AudioFormatException("The WAV file ends inside its format (fmt) chunk.");
        }

        Skip(stream, size - (uint)wanted + (size & 1), "fmt ");

        ushort formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        bool extensible = formatTag == FormatExtensible;
        if (extensible)
        {
            formatTag = ReadExtensibleSubFormat(fmt[..wanted]);
        }

        if (channels == 0)
        {
            throw new AudioFormatException("The WAV file says it has 0 audio channels.");
        }

        if (channels > AudioLimits.MaxChannels)
        {
            throw new AudioFormatException($"The WAV file says it has {channels} channels; at most {AudioLimits.MaxChannels} are supported.");
        }

        AudioLimits.ValidateSampleRate(sampleRate);
        SampleEncoding encoding = EncodingOf(formatTag, bitsPerSample);
        int expectedBlockAlign = channels * encoding.BytesPerSample();
        if (blockAlign != expectedBlockAlign)
        {
            throw new AudioFormatException(
                $"The WAV header's block align ({blockAlign} bytes) does not match {channels} channel(s) of {bitsPerSample}-bit samples ({expectedBlockAlign} bytes).");
        }

        return new WavFormat(encoding, channels, (int)sampleRate, blockAlign, extensible);
    }

    private static ushort ReadExtensibleSubFormat(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 40 || BinaryPrimitives.ReadUInt16LittleEndian(fmt[16..]) < 22)
        {
            throw new AudioFormatException("The WAV file uses WAVE_FORMAT_EXTENSIBLE but its format chunk is too short.");
        }

        ReadOnlySpan<byte> guid = fmt.Slice(24, 16);
        if (!guid[2..].SequenceEqual(SubFormatGuidTail))
        {
            throw new AudioFormatException("The WAV file's extensible sub-format is not PCM or float.");
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(guid);
    }

    private static SampleEncoding EncodingOf(ushort formatTag, int bitsPerSample) => (formatTag, bitsPerSample) switch
    {
        (FormatPcm, 8) => SampleEncoding.UnsignedPcm8,
        (FormatPcm, 16) => SampleEncoding.Pcm16,
        (FormatPcm, 24) => SampleEncoding.Pcm24,
        (FormatPcm, 32) => SampleEncoding.Pcm32,
        (FormatIeeeFloat, 32) => SampleEncoding.IeeeFloat,
        (FormatPcm, _) => throw new AudioFormatException($"{bitsPerSample}-bit PCM WAV is not supported (8, 16, 24 and 32-bit are)."),
        (FormatIeeeFloat, _) => throw new AudioFormatException($"{bitsPerSample}-bit float WAV is not supported (32-bit is)."),
        _ => throw new AudioFormatException(
            $"This WAV file is compressed (format 0x{formatTag:X4}); only PCM and float WAV are read natively. Convert it, or install ffmpeg and use another container."),
    };

    private static void Skip(Stream stream, long count, string chunkId)
    {
        if (count == 0)
        {
            return;
        }

        if (stream.CanSeek)
        {
            if (stream.Length - stream.Position < count)
            {
                throw new AudioFormatException($"The WAV file ends inside its '{chunkId.Trim()}' chunk, before the audio.");
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        Span<byte> scratch = stackalloc byte[512];
        while (count > 0)
        {
            int read = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (read == 0)
            {
                throw new AudioFormatException($"The WAV file ends inside its '{chunkId.Trim()}' chunk, before the audio.");
            }

            count -= read;
        }
    }

    // Chunk ids are 4 ASCII characters; anything else is shown as '?' so messages stay printable.
    private static string ChunkId(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }
}
