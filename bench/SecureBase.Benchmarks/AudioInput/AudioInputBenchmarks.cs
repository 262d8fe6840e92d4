using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using SecureBase.Audio.Analysis;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Input;

namespace SecureBase.Benchmarks.AudioInput;

/// <summary>
/// Reading and resampling: per-chunk costs in steady state (expected 0 B allocated) and whole 60-second
/// files (allocation constant per file: the reader's one buffer, whatever the length).
/// Run: dotnet run -c Release --project bench/SecureBase.Benchmarks -- --filter '*AudioInput*'
/// </summary>
[MemoryDiagnoser]
public class AudioInputBenchmarks
{
    private const int Chunk = 4096;
    private const int FileSeconds = 60;

    private byte[] _wav16kMono = [];
    private byte[] _wav44kStereo = [];
    private byte[] _pcmChunk = [];
    private float[] _chunk44k = [];
    private float[] _chunk16k = [];
    private float[] _floats = [];
    private float[] _resampled = [];
    private StreamingResampler _resampler44To16 = null!;
    private StreamingResampler _resampler8To16 = null!;
    private AudioPipeline _pipeline = null!;
    private readonly NullSink _sink = new();

    [GlobalSetup]
    public void Setup()
    {
        _wav16kMono = Wav(16000, 1, FileSeconds);
        _wav44kStereo = Wav(44100, 2, FileSeconds);
        _pcmChunk = _wav16kMono.AsSpan(44, Chunk * 2).ToArray();
        _chunk44k = Tone(44100, Chunk);
        _chunk16k = Tone(16000, Chunk);
        _floats = new float[Chunk];
        _resampler44To16 = new StreamingResampler(44100, 16000);
        _resampler8To16 = new StreamingResampler(8000, 16000);
        _resampled = new float[_resampler8To16.MaxOutputLength(Chunk)];
        _pipeline = new AudioPipeline(16000, new CryDetectorOptions());
        _resampler44To16.Process(_chunk44k, _resampled);
        _resampler8To16.Process(_chunk16k, _resampled);
        _pipeline.Push(_chunk16k, _sink);
    }

    /// <summary>16-bit PCM bytes to floats, one 4096-sample chunk.</summary>
    [Benchmark]
    public void ConvertPcm16Chunk() => PcmConverter.ToMono(_pcmChunk, SampleEncoding.Pcm16, 1, Chunk, _floats);

    /// <summary>Resampling one 4096-sample chunk, 44.1 kHz to 16 kHz (exact phase table, L = 160).</summary>
    [Benchmark]
    public int Resample44kTo16kChunk() => _resampler44To16.Process(_chunk44k, _resampled);

    /// <summary>Resampling one 4096-sample chunk, 8 kHz to 16 kHz (the Donate-a-cry rate).</summary>
    [Benchmark]
    public int Resample8kTo16kChunk() => _resampler8To16.Process(_chunk16k, _resampled);

    /// <summary>The whole live path for one 4096-sample chunk at 16 kHz: resampler (pass-through) and detector.</summary>
    [Benchmark]
    public void PipelinePush16kChunk() => _pipeline.Push(_chunk16k, _sink);

    /// <summary>Reading a whole 60-second 16 kHz mono WAV in 4096-sample blocks.</summary>
    [Benchmark]
    public long ReadWav16kMono60s() => ReadAll(_wav16kMono, resampleTo: null);

    /// <summary>Reading and resampling a whole 60-second 44.1 kHz stereo WAV to 16 kHz mono.</summary>
    [Benchmark]
    public long ReadAndResampleWav44kStereo60s() => ReadAll(_wav44kStereo, resampleTo: 16000);

    private long ReadAll(byte[] wav, int? resampleTo)
    {
        using var reader = new WavReader(new MemoryStream(wav, writable: false));
        StreamingResampler? resampler = resampleTo is int rate ? new StreamingResampler(reader.SampleRate, rate) : null;
        long total = 0;
        int read;
        while ((read = reader.Read(_floats)) > 0)
        {
            total += resampler is null ? read : resampler.Process(_floats.AsSpan(0, read), _resampled);
        }

        return total;
    }

    private static float[] Tone(int rate, int count)
    {
        var samples = new float[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / rate));
        }

        return samples;
    }

    private static byte[] Wav(int rate, int channels, int seconds)
    {
        int frames = rate * seconds, dataBytes = frames * channels * 2;
        var wav = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), dataBytes);
        for (int i = 0; i < frames * channels; i++)
        {
            short value = (short)(8000 * Math.Sin(2 * Math.PI * 440 * (i / channels) / rate));
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), value);
        }

        return wav;
    }

    private sealed class NullSink : ICryEventSink
    {
        public void OnEvent(in CryEvent e)
        {
        }
    }
}
