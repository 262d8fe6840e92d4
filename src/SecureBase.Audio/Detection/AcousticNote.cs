namespace SecureBase.Audio.Detection;

/// <summary>
/// An observation about an episode's sound, with the figure behind it. Never a diagnosis: the text says what was
/// heard and that it is worth mentioning to a pediatrician if it keeps happening.
/// </summary>
/// <param name="Id">Stable identifier: "hyperphonation", "short-units", "irregular-units" or "high-initial-pitch".</param>
/// <param name="Text">Warm, plain sentence for caregivers.</param>
/// <param name="Value">The figure the note is based on (Hz, seconds or a ratio, as the text says).</param>
public sealed record AcousticNote(string Id, string Text, double Value);
