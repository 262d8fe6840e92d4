using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Input;
using SecureBase.Audio.Model;

namespace SecureBase.Audio.Tests.Model;

/// <summary>
/// Where the patch trainer takes its random patches: in a cry recording, at cry frames only (what the unit verifier is
/// asked about), or, for a scanning model (session 8), wherever the scan would ask: any frame 10 dB over the background.
/// </summary>
public sealed class PatchCollectionTests : IDisposable
{
    private const int Rate = 8000;
    private readonly string _folder = Directory.CreateTempSubdirectory("securebase-collect-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_noisy_unvoiced_cry_start_gives_patches_only_to_a_scanning_model()
    {
        // 1 s of a quiet room, then 4 s of loud noise: no cry frame anywhere, so no unit and no opening either.
        float[] samples = new float[5 * Rate];
        float[] noise = NoiseGenerator.White(4 * Rate, seed: 3);
        for (int i = 0; i < noise.Length; i++)
        {
            samples[Rate + i] = 0.05f * noise[i];
        }

        string path = Path.Combine(_folder, "noisy-start.wav");
        File.WriteAllBytes(path, Pcm16WavWriter.ToWav(samples, Rate));

        var unitPatches = new List<CryPatchTrainer.Example>();
        var scanPatches = new List<CryPatchTrainer.Example>();
        int copy = 0;
        CryPatchTrainer.Collect(path, cry: true, "baby", seed: 1, copies: 1, ref copy, unitPatches);
        CryPatchTrainer.Collect(path, cry: true, "baby", seed: 1, copies: 1, ref copy, scanPatches, scanMoments: true);

        Assert.Empty(unitPatches);
        Assert.NotEmpty(scanPatches);
        Assert.All(scanPatches, e => Assert.True(e.Cry && !e.Opening));
        Assert.InRange(scanPatches.Count, 1, 30);
    }
}
