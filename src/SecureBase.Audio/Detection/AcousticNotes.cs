using System.Globalization;

namespace SecureBase.Audio.Detection;

/// <summary>
/// Turns an episode's features into observations (SPEC C and section 4). They describe what was heard, with the
/// figure, and never name a cause: a single episode means little, a repeated pattern is worth a pediatrician's ear.
/// </summary>
public static class AcousticNotes
{
    private const string KeepsHappening = " Worth mentioning to your pediatrician if it keeps happening.";

    /// <summary>The notes that apply to <paramref name="features"/> under the thresholds of <paramref name="options"/>.</summary>
    public static IReadOnlyList<AcousticNote> For(CryFeatures features, CryDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<AcousticNote>();
        if (features.F0MeanHz is { } mean && mean > options.HyperphonationF0Hz)
        {
            notes.Add(new AcousticNote(
                "hyperphonation",
                $"This cry was very high-pitched for much of the time (average pitch about {Hz(mean)}, above {Hz(options.HyperphonationF0Hz)})." + KeepsHappening,
                Math.Round(mean, 1)));
        }

        if (features.UnitCount >= 3 && features.UnitMeanSeconds is { } unit && unit < options.ShortUnitSeconds)
        {
            notes.Add(new AcousticNote(
                "short-units",
                $"The cry came in unusually short bursts (about {Seconds(unit)} each on average)." + KeepsHappening,
                Math.Round(unit, 3)));
        }

        if (features.UnitCount >= 4 && features.RhythmIrregularity is { } irregularity && irregularity > options.IrregularRhythm)
        {
            notes.Add(new AcousticNote(
                "irregular-units",
                $"The rhythm of the cry bursts was unusually uneven (variation {irregularity.ToString("0.00", CultureInfo.InvariantCulture)}, where 0 is perfectly even)." + KeepsHappening,
                Math.Round(irregularity, 3)));
        }

        if (features.F0InitialHz is { } initial && initial > options.HighInitialF0Hz)
        {
            notes.Add(new AcousticNote(
                "high-initial-pitch",
                $"The cry started at a high pitch (about {Hz(initial)})." + KeepsHappening,
                Math.Round(initial, 1)));
        }

        return notes;
    }

    private static string Hz(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + " Hz";

    private static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
