using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>
/// With <see cref="CryDetectorOptions.MaxBridgedDipDb"/> set, a voice break inside a unit is bridged only while its
/// level stays up: speech falls silent between syllables, a crying baby's voice breaks stay loud.
/// </summary>
public class SyllableDipTests
{
    private const int Rate = 16000;
    private static readonly CryDetectorOptions DipRule = new() { MaxBridgedDipDb = 20 };

    [Fact]
    public void Short_high_syllables_with_silent_gaps_are_not_joined_into_a_cry_unit()
    {
        // Twelve 0.18 s high, wavering syllables, each too short to count alone, 40 ms of silence apart.
        var builder = new SignalBuilder(Rate).Silence(2);
        for (int s = 0; s < 12; s++)
        {
            builder.Append(CrySynth.Burst(Rate, 420, 0.18, levelDbfs: -20, seed: 20 + s)).Silence(0.04);
        }

        float[] syllables = builder.Silence(6).Build();

        var withRule = Detect(syllables, Rate, options: DipRule);
        var bridged = Detect(syllables, Rate);

        Assert.True(withRule.Events.Count == 0, Describe(withRule));
        // Bridging the silent gaps (the default) joins them into one long unit and opens an episode: the rule decides.
        Assert.Contains(bridged.Events, e => e.Kind == CryEventKind.EpisodeStarted);
    }

    [Fact]
    public void A_cry_unit_with_a_loud_breathy_voice_break_stays_one_unit()
    {
        // 0.6 s of voice, a 40 ms break of breath noise about 10 dB under the voice, 0.6 s of voice: one sustained unit.
        float[] breath = NoiseGenerator.White((int)(0.04 * Rate), 3);
        for (int i = 0; i < breath.Length; i++)
        {
            breath[i] *= (float)Math.Pow(10, -30 / 20.0);
        }

        float[] signal = new SignalBuilder(Rate)
            .Silence(2)
            .Append(CrySynth.Burst(Rate, 480, 0.6, levelDbfs: -20, seed: 4))
            .Append(breath)
            .Append(CrySynth.Burst(Rate, 480, 0.6, levelDbfs: -20, seed: 5))
            .Silence(6)
            .Build();

        var episode = Assert.Single(Detect(signal, Rate, options: DipRule).Episodes);

        Assert.Equal(1, episode.Features.UnitCount);
        Assert.Equal(CryStage.Crying, episode.PeakStage);
    }

    [Fact]
    public void The_same_voice_break_in_silence_splits_the_unit_in_two()
    {
        // The same 40 ms break, but silent (a closure, as between syllables): the dip ends the unit there.
        float[] signal = new SignalBuilder(Rate)
            .Silence(2)
            .Append(CrySynth.Burst(Rate, 480, 0.6, levelDbfs: -20, seed: 4))
            .Silence(0.04)
            .Append(CrySynth.Burst(Rate, 480, 0.6, levelDbfs: -20, seed: 5))
            .Silence(6)
            .Build();

        var episode = Assert.Single(Detect(signal, Rate, options: DipRule).Episodes);

        Assert.Equal(2, episode.Features.UnitCount);
        Assert.Equal(CryStage.Fussing, episode.PeakStage);
    }
}
