namespace SecureBase.Audio.Input;

/// <summary>The validated format of a WAV file's audio data.</summary>
/// <param name="Encoding">How each sample is stored.</param>
/// <param name="Channels">Interleaved channels per frame (1 = mono, 2 = stereo, ...).</param>
/// <param name="SampleRate">Frames per second, in Hz.</param>
/// <param name="BlockAlign">Bytes per frame (channels × bytes per sample).</param>
/// <param name="IsExtensible">True when the header used WAVE_FORMAT_EXTENSIBLE.</param>
public sealed record WavFormat(SampleEncoding Encoding, int Channels, int SampleRate, int BlockAlign, bool IsExtensible);
