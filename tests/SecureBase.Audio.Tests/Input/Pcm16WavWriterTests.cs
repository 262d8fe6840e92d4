using SecureBase.Audio.Input;

namespace SecureBase.Audio.Tests.Input;

/// <summary>The one 16-bit WAV writer: what it writes, the reader reads back as the same samples.</summary>
public class Pcm16WavWriterTests
{
    [Fact]
    public void Float_samples_read_back_within_one_step_and_louder_ones_are_clipped()
    {
        float[] written = [0f, 0.5f, -0.5f, 0.999f, -1f, 1.7f, -3f, 1e-5f];
        byte[] wav = Pcm16WavWriter.ToWav(written, 22050);

        Assert.Equal(44 + (written.Length * 2), wav.Length);
        using var reader = new WavReader(new MemoryStream(wav));
        var read = new float[16];
        int count = reader.Read(read);

        Assert.Equal(22050, reader.SampleRate);
        Assert.Equal(written.Length, reader.FrameCount);
        Assert.Equal(written.Length, count);
        for (int i = 0; i < written.Length; i++)
        {
            float expected = Math.Clamp(written[i], -1f, 1f);
            Assert.InRange(read[i], expected - (1.5f / 32768), expected + (1.5f / 32768));
        }
    }

    [Fact]
    public void Sixteen_bit_samples_are_written_as_they_are()
    {
        short[] written = [0, 1, -1, short.MaxValue, short.MinValue, 12345];
        byte[] wav = Pcm16WavWriter.ToWav(written, 8000);

        using var reader = new WavReader(new MemoryStream(wav));
        var read = new float[8];
        Assert.Equal(written.Length, reader.Read(read));
        for (int i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i], (short)Math.Round(read[i] * 32768));
        }
    }

    [Fact]
    public void A_rate_of_zero_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pcm16WavWriter.ToWav(new float[4], 0));
}
