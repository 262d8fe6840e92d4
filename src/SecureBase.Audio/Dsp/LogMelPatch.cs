namespace SecureBase.Audio.Dsp;

/// <summary>
/// Keeps the last fraction of a second of a signal and turns it, on demand, into a channel-normalised log-mel
/// <b>patch</b>: <see cref="Frames"/> frames every hop × <see cref="Bands"/> mel bands, time-major
/// (<c>patch[t * Bands + b]</c>, t = 0 the oldest frame). Writing costs one copy of the new samples; the spectra are
/// computed only when a patch is asked for, and a frame already analysed for an earlier patch is not analysed again,
/// so consecutive requests a frame apart cost one FFT each. Allocation-free after construction.
/// </summary>
/// <remarks>
/// <para>Normalisation (why): a different microphone or room multiplies each band's power by a roughly constant
/// factor, i.e. adds a constant per band in log-mel; subtracting each band's mean over the patch removes it (and the
/// overall level with it). Values more than <see cref="DynamicRangeNats"/> below the patch's loudest cell are raised
/// to that floor first, so silence and the decimator's stop band do not dominate the means.</para>
/// <para>Units: log values are natural logs of power (1 nat ≈ 4.34 dB).</para>
/// </remarks>
public sealed class LogMelPatch
{
    /// <summary>Cells quieter than the patch's loudest by more than this (natural log of power, ≈ 39 dB) are raised to it.</summary>
    public const float DynamicRangeNats = 9f;

    private readonly MelSpectrum _spectrum;
    private readonly int _hop;
    private readonly int _frameLength;
    private readonly float[] _ring;
    private readonly float[] _frame;
    private readonly float[] _columns;
    private readonly long[] _columnEnd;
    private long _written;

    /// <summary>Creates a patch buffer.</summary>
    /// <param name="sampleRate">Rate of the samples written, in Hz.</param>
    /// <param name="frameLength">Samples per analysis frame (32 ms in the detector).</param>
    /// <param name="hop">Samples between frames (10 ms in the detector).</param>
    /// <param name="bands">Mel bands.</param>
    /// <param name="frames">Frames per patch (64 at a 10 ms hop = 0.64 s).</param>
    /// <param name="lowHz">Lower edge of the first band, in Hz.</param>
    /// <param name="highHz">Upper edge of the last band, in Hz.</param>
    public LogMelPatch(int sampleRate, int frameLength, int hop, int bands, int frames, double lowHz, double highHz)
    {
        if (hop < 1 || frames < 1 || frameLength < hop)
        {
            throw new ArgumentException("A patch needs a hop of at least one sample, at least one frame, and frames no shorter than the hop.");
        }

        _spectrum = new MelSpectrum(sampleRate, frameLength, bands, lowHz, highHz);
        _hop = hop;
        _frameLength = frameLength;
        _ring = new float[(frames * hop) + frameLength];
        _frame = new float[frameLength];
        Bands = bands;
        Frames = frames;
        _columns = new float[frames * bands];
        _columnEnd = new long[frames];
        Reset();
    }

    /// <summary>Mel bands per frame.</summary>
    public int Bands { get; }

    /// <summary>Frames per patch.</summary>
    public int Frames { get; }

    /// <summary>Values per patch (<see cref="Frames"/> × <see cref="Bands"/>).</summary>
    public int Length => Frames * Bands;

    /// <summary>Samples written since construction or <see cref="Reset"/>.</summary>
    public long Written => _written;

    /// <summary>Appends the newest samples. Allocation-free.</summary>
    public void Write(ReadOnlySpan<float> samples)
    {
        if (samples.Length > _ring.Length)
        {
            _written += samples.Length - _ring.Length;
            samples = samples[^_ring.Length..];
        }

        int at = (int)(_written % _ring.Length);
        int first = Math.Min(samples.Length, _ring.Length - at);
        samples[..first].CopyTo(_ring.AsSpan(at));
        samples[first..].CopyTo(_ring);
        _written += samples.Length;
    }

    /// <summary>Forgets the signal.</summary>
    public void Reset()
    {
        Array.Clear(_ring);
        _columnEnd.AsSpan().Fill(long.MinValue);
        _written = 0;
    }

    /// <summary>
    /// Writes the normalised patch of the frames ending at the newest sample (the newest frame ends exactly there, the
    /// others every hop before it; samples before the start of the stream count as silence). Allocation-free.
    /// </summary>
    /// <param name="patch">At least <see cref="Length"/> values.</param>
    public void Fill(Span<float> patch)
    {
        if (patch.Length < Length)
        {
            throw new ArgumentException($"A patch needs {Length} values.", nameof(patch));
        }

        int bands = Bands;
        float loudest = float.MinValue;
        for (int t = 0; t < Frames; t++)
        {
            long end = _written - ((long)(Frames - 1 - t) * _hop);
            ReadOnlySpan<float> column = Column(end);
            column.CopyTo(patch.Slice(t * bands, bands));
            foreach (float v in column)
            {
                loudest = Math.Max(loudest, v);
            }
        }

        float floor = loudest - DynamicRangeNats;
        Span<float> values = patch[..Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Max(values[i], floor);
        }

        for (int b = 0; b < bands; b++)
        {
            float sum = 0;
            for (int t = 0; t < Frames; t++)
            {
                sum += values[(t * bands) + b];
            }

            float mean = sum / Frames;
            for (int t = 0; t < Frames; t++)
            {
                values[(t * bands) + b] -= mean;
            }
        }
    }

    /// <summary>The log-mel column of the frame ending at sample <paramref name="end"/>, from the cache when it is there.</summary>
    private ReadOnlySpan<float> Column(long end)
    {
        int slot = (int)(((end / _hop) % Frames + Frames) % Frames);
        Span<float> column = _columns.AsSpan(slot * Bands, Bands);
        if (_columnEnd[slot] == end)
        {
            return column;
        }

        long start = end - _frameLength;
        for (int i = 0; i < _frameLength; i++)
        {
            long at = start + i;
            _frame[i] = at < 0 || at < _written - _ring.Length ? 0f : _ring[(int)(at % _ring.Length)];
        }

        _spectrum.Analyse(_frame);
        _spectrum.LogMel.CopyTo(column);
        _columnEnd[slot] = end;
        return column;
    }
}
