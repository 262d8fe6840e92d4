using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>Nursery sounds that are not cries must not open an episode.</summary>
public class RejectionTests
{
    private const int Rate = 16000;

    public static TheoryData<string> Sounds => ["male speech 120 Hz", "female speech 210 Hz", "child speech 280 Hz", "tone 440 Hz",
        "tone 880 Hz rich", "tone 1200 Hz", "music box", "music box slow", "lullaby", "white noise", "pink noise", "brown noise"];

    [Theory]
    [MemberData(nameof(Sounds))]
    public void Non_cry_sounds_open_no_episode(string sound)
    {
        const double seconds = 30;
        float[] body = sound switch
        {
            "male speech 120 Hz" => NonCrySynth.Speech(Rate, 120, seconds, seed: 1),
            "female speech 210 Hz" => NonCrySynth.Speech(Rate, 210, seconds, seed: 2),
            "child speech 280 Hz" => NonCrySynth.Speech(Rate, 280, seconds, seed: 3),
            "tone 440 Hz" => NonCrySynth.Tone(Rate, 440, seconds),
            "tone 880 Hz rich" => NonCrySynth.Tone(Rate, 880, seconds, harmonics: 4),
            "tone 1200 Hz" => NonCrySynth.Tone(Rate, 1200, seconds, harmonics: 2),
            "music box" => NonCrySynth.MusicBox(Rate, seconds, 0.3),
            "music box slow" => NonCrySynth.MusicBox(Rate, seconds, 0.6),
            "lullaby" => NonCrySynth.Lullaby(Rate, seconds),
            "white noise" => Scale(NoiseGenerator.White(Rate * (int)seconds, 5), 0.05f),
            "pink noise" => Scale(NoiseGenerator.Pink(Rate * (int)seconds, 6), 0.05f),
            "brown noise" => Scale(NoiseGenerator.Brown(Rate * (int)seconds, 7), 0.05f),
            _ => throw new ArgumentOutOfRangeException(nameof(sound)),
        };
        var signal = new SignalBuilder(Rate).Silence(1).Append(body).Build();

        var recorder = Detect(signal, Rate);

        Assert.True(recorder.Events.Count == 0, $"{sound}: {Describe(recorder)}");
    }

    [Fact]
    public void A_cry_over_a_lullaby_is_still_found()
    {
        var lullaby = NonCrySynth.Lullaby(Rate, 12);
        var cry = new SignalBuilder(Rate).Silence(4).Append(CrySynth.Units(Rate, 480, 4, 1.0, 0.4, levelDbfs: -18)).Silence(2.4).Build();
        for (int i = 0; i < cry.Length; i++)
        {
            cry[i] += lullaby[i];
        }

        var episode = Assert.Single(Detect(cry, Rate).Episodes);

        Assert.InRange(episode.StartSeconds, 3.75, 4.25);
    }

    private static float[] Scale(float[] samples, float gain)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] *= gain;
        }

        return samples;
    }
}
