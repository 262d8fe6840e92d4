using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;
using SecureBase.Audio.Tests.Synthesis;

namespace SecureBase.Audio.Tests.Detection;

/// <summary>
/// The spectral-movement features the cry-unit model reads: a cry unit holds one vowel-like sound, speech changes its
/// sound (formants, level) from syllable to syllable. Measured on the same voice with a steady and a changing timbre.
/// </summary>
public class UnitFeatureTests
{
    private const int Rate = 16000;

    [Fact]
    public void A_voice_that_changes_its_timbre_every_syllable_moves_its_resonance_brightness_and_level_more()
    {
        float[] steady = CrySynth.Burst(Rate, 420, 0.9, levelDbfs: -20, seed: 3);
        float[] changing = AlternateTimbre(steady, segmentSeconds: 0.12);

        float[] steadyFeatures = FeaturesAtEnd(steady);
        float[] changingFeatures = FeaturesAtEnd(changing);

        // Same voice, same f0: only the movement features should tell them apart, by a wide margin.
        Assert.True(changingFeatures[Index("resonance-step")] > 3 * steadyFeatures[Index("resonance-step")],
            $"resonance step {changingFeatures[Index("resonance-step")]} vs {steadyFeatures[Index("resonance-step")]}");
        Assert.True(changingFeatures[Index("brightness-step")] > 2 * steadyFeatures[Index("brightness-step")],
            $"brightness step {changingFeatures[Index("brightness-step")]} vs {steadyFeatures[Index("brightness-step")]}");
        Assert.True(changingFeatures[Index("log-brightness-std")] > 2 * steadyFeatures[Index("log-brightness-std")]);
        Assert.Equal(steadyFeatures[Index("log-median-f0")], changingFeatures[Index("log-median-f0")], 0.03f);
    }

    [Fact]
    public void The_resonance_of_a_dark_voice_lies_lower_than_that_of_a_bright_one()
    {
        float[] bright = CrySynth.Burst(Rate, 420, 0.9, levelDbfs: -20, seed: 4);
        float[] dark = LowPass(bright, 0.97f);

        float darkResonance = FeaturesAtEnd(dark)[Index("log-resonance")];
        float brightResonance = FeaturesAtEnd(bright)[Index("log-resonance")];
        Assert.True(darkResonance < brightResonance - 0.15f, $"{MathF.Exp(darkResonance)} Hz vs {MathF.Exp(brightResonance)} Hz");
    }

    [Fact]
    public void The_shipped_model_is_embedded_and_judges_every_unit_with_its_threshold()
    {
        CryUnitModel? model = CryUnitModel.Shipped;

        Assert.NotNull(model);
        Assert.Null(model.MaxMedianF0Hz);
        Assert.Equal(CryModelTrainer.DecisionThreshold, model.Threshold);
        Assert.Equal(CryUnitFeatures.Names.Take(CryUnitFeatures.SpectralOffset), model.Features); // the spectrum is read by the gate, not the model
        // A steady synthetic cry is one the model lets through; the same voice jumping between timbres is not.
        float[] steady = CrySynth.Burst(Rate, 420, 0.9, levelDbfs: -20, seed: 3);
        Assert.True(model.Probability(FeaturesAtEnd(steady)) > model.Probability(FeaturesAtEnd(AlternateTimbre(steady, 0.12))));
    }

    private static int Index(string name) => CryUnitFeatures.Names.ToList().IndexOf(name);

    /// <summary>The features of the last snapshot the detector takes of the (single) unit in the signal.</summary>
    private static float[] FeaturesAtEnd(float[] burst)
    {
        float[] signal = new SignalBuilder(Rate).Silence(1).Append(burst).Silence(1).Build();
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = Rate, UseLearnedModel = false });
        float[]? last = null;
        detector.UnitObserver = (features, _, _) => last = features.ToArray();
        var sink = new EventRecorder();
        detector.Process(signal, sink);
        detector.Flush(sink);
        Assert.NotNull(last);
        return last;
    }

    /// <summary>Every other segment darkened by a strong low-pass, as a voice moving between vowels would.</summary>
    private static float[] AlternateTimbre(float[] voice, double segmentSeconds)
    {
        float[] dark = LowPass(voice, 0.97f);
        // Bring the darkened copy back to the same loudness so only the timbre changes.
        float gain = MathF.Sqrt(Energy(voice) / Energy(dark));
        int segment = (int)(segmentSeconds * Rate);
        var output = new float[voice.Length];
        for (int i = 0; i < voice.Length; i++)
        {
            output[i] = (i / segment) % 2 == 0 ? voice[i] : gain * dark[i];
        }

        return output;
    }

    private static float[] LowPass(float[] input, float pole)
    {
        var output = new float[input.Length];
        float state = 0;
        for (int i = 0; i < input.Length; i++)
        {
            state = (pole * state) + ((1 - pole) * input[i]);
            output[i] = state;
        }

        // A one-pole low-pass also loses level; keep the loudness so the unit is heard the same way.
        float gain = MathF.Sqrt(Energy(input) / Energy(output));
        for (int i = 0; i < output.Length; i++)
        {
            output[i] *= gain;
        }

        return output;
    }

    private static float Energy(float[] x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += v * v;
        }

        return (float)sum;
    }
}
