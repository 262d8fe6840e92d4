namespace SecureBase.Audio.Input;

/// <summary>How one sample of one channel is stored in a PCM byte stream (always little-endian).</summary>
public enum SampleEncoding
{
    /// <summary>8-bit unsigned integer, silence at 128.</summary>
    UnsignedPcm8,

    /// <summary>16-bit signed integer.</summary>
    Pcm16,

    /// <summary>24-bit signed integer, packed in 3 bytes.</summary>
    Pcm24,

    /// <summary>32-bit signed integer.</summary>
    Pcm32,

    /// <summary>32-bit IEEE float, nominally in [-1, 1].</summary>
    IeeeFloat,
}

/// <summary>Properties of <see cref="SampleEncoding"/>.</summary>
public static class SampleEncodingExtensions
{
    /// <summary>Bytes one sample of one channel takes.</summary>
    public static int BytesPerSample(this SampleEncoding encoding) => encoding switch
    {
        SampleEncoding.UnsignedPcm8 => 1,
        SampleEncoding.Pcm16 => 2,
        SampleEncoding.Pcm24 => 3,
        SampleEncoding.Pcm32 => 4,
        SampleEncoding.IeeeFloat => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
