using System.Buffers.Binary;
using System.Text;

namespace SecureBase.Audio.Tests.Input;

/// <summary>Synthesises WAV files byte by byte, including deliberately wrong headers.</summary>
internal sealed class WavBuilder
{
    public ushort FormatTag { get; set; } = 1;
    public ushort Channels { get; set; } = 1;
    public uint SampleRate { get; set; } = 16000;
    public ushort BitsPerSample { get; set; } = 16;
    public ushort? BlockAlignOverride { get; set; }
    public bool Extensible { get; set; }
    public uint? DeclaredDataSize { get; set; }
    public List<(string Id, byte[] Body)> ChunksBeforeFmt { get; } = [];
    public List<(string Id, byte[] Body)> ChunksBeforeData { get; } = [];
    public byte[] Data { get; set; } = [];

    public ushort BlockAlign => BlockAlignOverride ?? (ushort)(Channels * BitsPerSample / 8);

    /// <summary>Encodes interleaved samples in [-1, 1] with the current format settings.</summary>
    public WavBuilder WithSamples(params double[] interleaved)
    {
        int bytes = BitsPerSample / 8;
        var data = new byte[interleaved.Length * bytes];
        bool isFloat = FormatTag == 3;
        for (int i = 0; i < interleaved.Length; i++)
        {
            Span<byte> target = data.AsSpan(i * bytes, bytes);
            double v = interleaved[i];
            if (isFloat)
            {
                BinaryPrimitives.WriteSingleLittleEndian(target, (float)v);
                continue;
            }

            switch (BitsPerSample)
            {
                case 8:
                    target[0] = (byte)Math.Clamp(Math.Round((v * 128) + 128), 0, 255);
                    break;
                case 16:
                    BinaryPrimitives.WriteInt16LittleEndian(target, (short)Math.Clamp(Math.Round(v * 32768), short.MinValue, short.MaxValue));
                    break;
                case 24:
                    int s24 = (int)Math.Clamp(Math.Round(v * 8388608), -8388608, 8388607);
                    target[0] = (byte)s24;
                    target[1] = (byte)(s24 >> 8);
                    target[2] = (byte)(s24 >> 16);
                    break;
                case 32:
                    BinaryPrimitives.WriteInt32LittleEndian(target, (int)Math.Clamp(Math.Round(v * 2147483648.0), int.MinValue, int.MaxValue));
                    break;
                default:
                    throw new InvalidOperationException("unsupported test bit depth");
            }
        }

        Data = data;
        return this;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.ASCII, leaveOpen: true);
        w.Write("RIFF"u8);
        w.Write(0u); // patched below
        w.Write("WAVE"u8);
        foreach (var (id, body) in ChunksBeforeFmt)
        {
            WriteChunk(w, id, body);
        }

        WriteChunk(w, "fmt ", FmtBody());
        foreach (var (id, body) in ChunksBeforeData)
        {
            WriteChunk(w, id, body);
        }

        w.Write("data"u8);
        w.Write(DeclaredDataSize ?? (uint)Data.Length);
        w.Write(Data);
        w.Flush();
        byte[] bytes = ms.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    private byte[] FmtBody()
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write(Extensible ? (ushort)0xFFFE : FormatTag);
        w.Write(Channels);
        w.Write(SampleRate);
        w.Write(SampleRate * BlockAlign);
        w.Write(BlockAlign);
        w.Write(BitsPerSample);
        if (Extensible)
        {
            w.Write((ushort)22);
            w.Write(BitsPerSample); // valid bits
            w.Write(Channels == 2 ? 3u : 4u); // channel mask
            w.Write(FormatTag);
            w.Write(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 });
        }

        w.Flush();
        return ms.ToArray();
    }

    private static void WriteChunk(BinaryWriter w, string id, byte[] body)
    {
        w.Write(Encoding.ASCII.GetBytes(id));
        w.Write((uint)body.Length);
        w.Write(body);
        if ((body.Length & 1) == 1)
        {
            w.Write((byte)0);
        }
    }
}
