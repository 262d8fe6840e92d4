namespace SecureBase.Audio.Detection;

/// <summary>The per-unit features the cry-unit classifier reads, in order.</summary>
public static class CryUnitFeatures
{
    /// <summary>Feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "log-median-f0",        // ln(Hz)
        "log-f0-std",           // standard deviation of ln f0 over the unit
        "log-f0-iqr",           // ln(p75 / p25) of f0
        "pitch-moving-fraction",// share of 10 ms steps where f0 moves 0.1% to 10%
        "pitch-jump-fraction",  // share of steps over 10% (octave slips, note changes)
        "voicing-mean",         // normalised autocorrelation at the period
        "voicing-std",
        "voiced-density",       // cry frames / frames spanned (voice breaks lower it)
        "level-over-floor",     // dB / 10
        "level-std",            // dB / 10
        "brightness",           // RMS frequency, kHz
        "log-f0-slope",         // per second
        "duration",             // seconds so far
        "log-brightness-std",   // spread of ln(RMS frequency): consonants and vowel changes widen it
        "brightness-step",      // mean |Δ ln RMS frequency| per 10 ms step (formant movement)
        "level-step",           // mean |Δ level| per 10 ms step, dB / 10 (syllable amplitude modulation)
        "f0-step",              // mean |Δ ln f0| per 10 ms step under 10 %, in % (fine pitch movement)
        "log-resonance",        // mean ln(Hz) of the dominant resonance (second-order predictor)
        "resonance-step",       // mean |Δ ln resonance| per 10 ms step (formant movement)
        "resonance-radius",     // mean pole radius, 0 to 1 (how sharp the resonance is)

        // Short-time spectrum (session 5, Dsp/SpectralUnitSummary): only computed when a model weighs them.
        "cepstrum-1",           // mean cepstral coefficients 1-6 of ln mel-band power (24 bands, 150-3200 Hz), level removed
        "cepstrum-2",
        "cepstrum-3",
        "cepstrum-4",
        "cepstrum-5",
        "cepstrum-6",
        "cepstrum-std",         // mean standard deviation of cepstra 1-6 over the unit (envelope changes)
        "spectral-flux-10ms",   // mean RMS change of the level-free ln mel envelope between consecutive frames
        "spectral-flux-50ms",   // the same between frames 50 ms apart
        "spectral-flatness",    // mean ln(geometric / arithmetic mean power), 300-3200 Hz
        "high-low-balance",     // mean ln(power 1.6-3.2 kHz / power 0.3-1.6 kHz)
        "harmonic-share",       // mean share of 300-3200 Hz power within 31 Hz of a harmonic of f0
    ];

    /// <summary>Index of the first short-time-spectrum feature; the ones before it need no spectrum.</summary>
    public const int SpectralOffset = 20;

    /// <summary>Length of a feature vector.</summary>
    public static int Count => Names.Count;
}
