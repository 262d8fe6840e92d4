using System.Buffers.Binary;

namespace SecureBase.Audio.Input;

/// <summary>
/// Converts interleaved little-endian PCM frames to mono floats in [-1, 1], averaging the channels.
/// Works on caller-provided spans and allocates nothing.
/// </summary>
public static class PcmConverter
{
    /// <summary>
    /// Converts <paramref name="frameCount"/> frames of <paramref name="channels"/> channels from
    /// <paramref name="source"/> into <paramref name="destination"/>.
    /// </summary>
    /// <param name="source">Interleaved frames; at least frameCount × channels × bytes-per-sample bytes.</param>
    /// <param name="encoding">How each sample is stored.</param>
    /// <param name="channels">Channels per frame (1 or more).</param>
    /// <param name="frameCount">Frames to convert.</param>
    /// <param name="destination">Receives one mono sample per frame.</param>
    public static void ToMono(ReadOnlySpan<byte> source, SampleEncoding encoding, int channels, int frameCount, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        int bytesPerSample = encoding.BytesPerSample();
        if (source.Length < (long)frameCount * channels * bytesPerSample || destination.Length < frameCount)
        {
            throw new ArgumentException("The buffers are too small for the requested frame count.");
        }

        if (channels == 1)
        {
            ConvertMono(source, encoding, frameCount, destination);
            return;
        }

        float scale = 1f / channels;
        int frameBytes = channels * bytesPerSample;
        for (int frame = 0; frame < frameCount; frame++)
        {
            ReadOnlySpan<byte> frameData = source.Slice(frame * frameBytes, frameBytes);
            float sum = 0;
            for (int channel = 0; channel < channels; channel++)
            {
                sum += Decode(frameData.Slice(channel * bytesPerSample, bytesPerSample), encoding);
            }

            destination[frame] = sum * scale;
        }
    }

    private static void ConvertMono(ReadOnlySpan<byte> source, SampleEncoding encoding, int count, Span<float> destination)
    {
        switch (encoding)
        {
            case SampleEncoding.Pcm16:
                // The hot path (16-bit mono is what recorders and ffmpeg produce): a tight loop the JIT vectorises well.
                for (int i = 0; i < count; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt16LittleEndian(source.Slice(i * 2, 2)) * (1f / 32768f);
                }

                break;
            case SampleEncoding.UnsignedPcm8:
                for (int i = 0; i < count; i++)
                {
                    destination[i] = (source[i] - 128) * (1f / 128f);
                }

                break;
            default:
                int bytesPerSample = encoding.BytesPerSample();
                for (int i = 0; i < count; i++)
                {
                    destination[i] = Decode(source.Slice(i * bytesPerSample, bytesPerSample), encoding);
                }

                break;
        }
    }

    private static float Decode(ReadOnlySpan<byte> sample, SampleEncoding encoding) => encoding switch
    {
        SampleEncoding.UnsignedPcm8 => (sample[0] - 128) * (1f / 128f),
        SampleEncoding.Pcm16 => BinaryPrimitives.ReadInt16LittleEndian(sample) * (1f / 32768f),
        // Sign-extend the 3 bytes by placing them in the top of an int, then scale by 2^31.
        SampleEncoding.Pcm24 => ((sample[0] << 8) | (sample[1] << 16) | (sample[2] << 24)) * (1f / 2147483648f),
        SampleEncoding.Pcm32 => BinaryPrimitives.ReadInt32LittleEndian(sample) * (1f / 2147483648f),
        SampleEncoding.IeeeFloat => Sanitize(BinaryPrimitives.ReadSingleLittleEndian(sample)),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    // Float files may hold NaN, infinities or overs; the detector is promised samples in [-1, 1].
    private static float Sanitize(float value) => float.IsNaN(value) ? 0f : Math.Clamp(value, -1f, 1f);
}
