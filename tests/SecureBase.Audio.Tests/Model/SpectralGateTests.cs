using SecureBase.Audio.Detection;
using SecureBase.Audio.Model;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Model;

/// <summary>
/// The one-class spectral gate: its distance is the Mahalanobis distance from the cries, it only opens episodes for
/// units close enough, it leaves very high (hyperphonated) units alone, and the shipped one is on by default.
/// </summary>
public class SpectralGateTests
{
    private const int Rate = 16000;

    [Fact]
    public void The_distance_is_the_squared_mahalanobis_distance_over_the_named_features()
    {
        // Two features with precision [[2, 0.5], [0.5, 1]] around (1, -1).
        var gate = Gate(["harmonic-share", "spectral-flux-10ms"], [1f, -1f], [2f, 0.5f, 0.5f, 1f], threshold: 1);
        float[] features = new float[CryUnitFeatures.Count];
        features[Index("harmonic-share")] = 2;      // +1 from the mean
        features[Index("spectral-flux-10ms")] = 1;  // +2 from the mean

        // (1, 2) · [[2, .5], [.5, 1]] · (1, 2) = 2 + 2·0.5·2 + 4 = 8
        Assert.Equal(8f, gate.Distance(features), 4);
    }

    [Fact]
    public void A_gate_that_nothing_passes_keeps_a_cry_from_opening_and_a_wide_one_lets_it_through()
    {
        float[] cry = new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, 450, 3, 1.0, 0.4, levelDbfs: -20)).Silence(6).Build();
        var far = Gate(["harmonic-share"], [50f], [1f], threshold: 1);
        var near = Gate(["harmonic-share"], [0.8f], [1f], threshold: 1);

        Assert.Empty(Detect(cry, Rate, options: new CryDetectorOptions { SpectralGate = far }).Episodes);
        Assert.Single(Detect(cry, Rate, options: new CryDetectorOptions { SpectralGate = near }).Episodes);
        Assert.Single(Detect(cry, Rate, options: new CryDetectorOptions { SpectralGate = far, SpectralGateThreshold = 1e5 }).Episodes);
    }

    [Fact]
    public void Units_above_the_gate_band_are_not_judged()
    {
        // Hyperphonated cries (over 1000 Hz) are rare in the training cries; the gate must not shut them out.
        float[] high = new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, 1200, 4, 0.8, 0.4, levelDbfs: -20)).Silence(6).Build();
        var farBanded = Gate(["harmonic-share"], [50f], [1f], threshold: 1, band: 1000);
        var farEverywhere = Gate(["harmonic-share"], [50f], [1f], threshold: 1);

        Assert.Single(Detect(high, Rate, options: new CryDetectorOptions { SpectralGate = farBanded }).Episodes);
        Assert.Empty(Detect(high, Rate, options: new CryDetectorOptions { SpectralGate = farEverywhere }).Episodes);
    }

    [Fact]
    public void The_shipped_gate_is_embedded_reads_the_spectrum_and_is_off_by_default()
    {
        CrySpectralGate? gate = CrySpectralGate.Shipped;

        Assert.NotNull(gate);
        Assert.False(new CryDetectorOptions().UseSpectralGate);
        Assert.Equal(CrySpectralGateTrainer.DefaultFeatures, gate.Features);
        Assert.Equal(CrySpectralGateTrainer.DefaultMaxMedianF0Hz, gate.MaxMedianF0Hz);
        Assert.Contains("no non-cry data", gate.Provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_file_round_trips_and_a_broken_one_is_refused()
    {
        var gate = Gate(["harmonic-share", "spectral-flatness"], [0.7f, -3f], [4f, 0f, 0f, 2f], threshold: 9, band: 1000);
        using var buffer = new MemoryStream();
        gate.Save(buffer);
        buffer.Position = 0;
        CrySpectralGate loaded = CrySpectralGate.Load(buffer);
        float[] features = Enumerable.Range(0, CryUnitFeatures.Count).Select(i => 0.1f * i).ToArray();

        Assert.Equal(gate.Distance(features), loaded.Distance(features));
        Assert.Equal(1000f, loaded.MaxMedianF0Hz);
        Assert.Throws<InvalidDataException>(() => Gate(["no-such-feature"], [0f], [1f], threshold: 1));
        Assert.Throws<InvalidDataException>(() => Gate(["harmonic-share"], [0f], [1f, 2f], threshold: 1));
        Assert.Throws<InvalidDataException>(() => Gate(["harmonic-share"], [0f], [float.NaN], threshold: 1));
    }

    [Fact]
    public void Options_refuse_a_negative_gate_threshold()
    {
        Assert.Throws<ArgumentException>(() => new CryDetector(new CryDetectorOptions { SpectralGateThreshold = -1 }));
    }

    [Fact]
    public void Fitting_twice_with_the_same_seed_writes_the_same_gate_and_its_threshold_lets_the_chosen_share_through()
    {
        string root = Path.Combine(Path.GetTempPath(), "securebase-gate-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            string cries = Path.Combine(root, "cries");
            Directory.CreateDirectory(cries);
            var babies = Enumerable.Range(0, 40).Select(i => $"{i:X8}-0000-0000-0000-000000000000-1430000000-1.0-f-26-hu.wav")
                .Where(name => !SecureBase.Audio.Evaluation.DonateACrySplit.IsTest(name)).Take(3).ToList();
            for (int i = 0; i < 3; i++)
            {
                float[] cry = new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, 400 + (40 * i), 3, 1.0, 0.4, levelDbfs: -20)).Silence(3).Build();
                WavWriter.Write(Path.Combine(cries, babies[i]), cry, Rate);
            }

            string first = Path.Combine(root, "a.json");
            string second = Path.Combine(root, "b.json");
            CrySpectralGate gate = CrySpectralGateTrainer.Train(cries, first, seed: 5, quantile: 0.9);
            CrySpectralGateTrainer.Train(cries, second, seed: 5, quantile: 0.9);

            Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
            Assert.Equal(CrySpectralGateTrainer.DefaultFeatures, gate.Features);
            Assert.True(gate.Threshold > 0);
            // The fitted cries themselves open episodes through their own gate.
            float[] again = new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, 440, 3, 1.0, 0.4, levelDbfs: -20)).Silence(6).Build();
            Assert.Single(Detect(again, Rate, options: new CryDetectorOptions { SpectralGate = gate, UseLearnedModel = false }).Episodes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_stream_with_the_gate_on_allocates_nothing_per_chunk()
    {
        // Units pending before an episode opens pay for the spectrum on every cry frame; none of it may allocate.
        var cry = new SignalBuilder(Rate).Silence(1).Append(CrySynth.Units(Rate, 450, 6, 1.0, 0.3)).Silence(6).Build();
        var detector = new CryDetector(new CryDetectorOptions { UseSpectralGate = true, SpectralGateThreshold = 1e-3 });
        var sink = new SecureBase.Audio.Evaluation.EventRecorder();
        detector.Process(cry, sink); // warm-up

        long fewest = Allocations.FewestWhileStreaming(detector, cry, sink);

        Assert.Empty(sink.Events); // the gate (threshold near 0) kept every unit pending: the costliest path throughout
        Assert.Equal(0, fewest);
    }

    private static int Index(string name) => CryUnitFeatures.Names.ToList().IndexOf(name);

    private static CrySpectralGate Gate(string[] features, float[] mean, float[] precision, float threshold, float? band = null) =>
        new CrySpectralGate { Features = features, Mean = mean, Precision = precision, Threshold = threshold, MaxMedianF0Hz = band }.Prepare();
}
