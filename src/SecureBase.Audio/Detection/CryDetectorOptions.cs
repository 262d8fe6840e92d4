namespace SecureBase.Audio.Detection;

/// <summary>
/// Settings of the <see cref="CryDetector"/>. The defaults are the tuned values reported in docs/cry-engine.md;
/// change them only with an evaluation run (`securebase eval`) to back the change.
/// </summary>
public sealed record CryDetectorOptions
{
    /// <summary>Sample rate of the samples given to the detector, in Hz (8000 to 192000). Default 16000.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Lowest fundamental frequency counted as a cry, in Hz. Default 250 (adult speech lies mostly below).</summary>
    public double MinF0Hz { get; init; } = 250;

    /// <summary>Highest fundamental frequency searched, in Hz. Default 1600 (covers hyperphonation onsets).</summary>
    public double MaxF0Hz { get; init; } = 1600;

    /// <summary>
    /// A unit may only open an episode if its median f0 is at least <see cref="MinUnitMeanF0Hz"/> also when read with
    /// this stricter octave preference (0.85 to 1; 0.85 turns the check off): the pitch search normally takes the
    /// shortest period whose correlation peak reaches 85 % of the best one, which guards high cries against
    /// octave-down readings but lets a low voice whose strong formant sits on its 3rd-4th harmonic be read 3-4 times
    /// too high, into the cry range. Default 0.95 (session 4, docs/cry-engine.md). The frames' f0, the units and the
    /// episode's description keep the 0.85 reading: at 0.95 high cries are read an octave low now and then.
    /// </summary>
    public double OpeningOctavePreference { get; init; } = 0.95;

    /// <summary>
    /// Holds the frame pitch on one harmonic through a voiced run (session 7; off by default, see docs/cry-engine.md
    /// "Session 7: pitch continuity"): when the previous frame was voiced (strength ≥ <see cref="VoicingThreshold"/>)
    /// and this frame's reading sits within 10 % of 2-5 times the previous f0, the reading is folded back to the
    /// correlation peak near the previous period if that peak reaches <see cref="PitchContinuityShare"/> of the best
    /// one. Hoarse or low cries whose strong harmonic sits on a formant otherwise jump between f0 and 3·f0.
    /// </summary>
    public bool PitchContinuity { get; init; }

    /// <summary>
    /// With <see cref="PitchContinuity"/>, the share (0.5 to 1) of the best correlation peak that the peak near the
    /// previous frame's period must reach to hold the track. Default 0.85 (chosen on the training split over 0.7 and 1); 1 folds only onto the best peak itself.
    /// </summary>
    public double PitchContinuityShare { get; init; } = 0.85;

    /// <summary>
    /// Minimum voicing strength of a cry frame: the normalised autocorrelation at the pitch period, 0 to 1.
    /// Default 0.45 (noise stays well below, cries are 0.6 to 0.95). Hand rules alone, 0.47-0.48 let dish clatter and
    /// another adult speaker through; with the learned check gating the opening, 0.45 hears hoarse cry onsets earlier
    /// (p95 latency 3.3 s to 2.9 s) without more false alarms (docs/cry-engine.md).
    /// </summary>
    public double VoicingThreshold { get; init; } = 0.45;

    /// <summary>How far above the tracked background a frame must be to count as a cry frame, in dB. Default 3 (voicing, not loudness, does the sorting; a cry at 5 dB SNR is only a few dB over the noise).</summary>
    public double MinLevelOverBackgroundDb { get; init; } = 3;

    /// <summary>Absolute level below which nothing counts as a cry, in dB relative to full scale. Default -80 (some phone recordings are very quiet).</summary>
    public double MinLevelDbfs { get; init; } = -80;

    /// <summary>
    /// How long a cry unit must last before it counts (and can open an episode), in seconds. Default 0.2.
    /// Shorter bursts (speech syllables, squeaks) are ignored. This is most of the detection delay. With the hand rules
    /// alone 0.2 nearly doubled the false alarms of 0.25; the learned check now gates the opening and removes them.
    /// </summary>
    public double MinUnitSeconds { get; init; } = 0.2;

    /// <summary>
    /// A unit that has not shown itself to be a cry within this many seconds never counts, in seconds. Default 1.5.
    /// A cry wavers from its first moments; ringing music-box notes can drift into looking voice-like only much later.
    /// </summary>
    public double MaxSecondsToConfirmUnit { get; init; } = 1.5;

    /// <summary>
    /// How long a unit must last to count while an episode is already open, in seconds. Default 0.15: once a baby is
    /// crying, short whimpers belong to the episode.
    /// </summary>
    public double MinUnitSecondsInEpisode { get; init; } = 0.15;

    /// <summary>Median f0 a unit needs to count as a cry unit, in Hz. Default 340 (even high adult voices rarely hold it).</summary>
    public double MinUnitMeanF0Hz { get; init; } = 340;

    /// <summary>
    /// Minimum share of a unit's frame-to-frame steps in which f0 moves by more than 0.1% (jumps over 10%, such as
    /// note changes, do not count). A living voice wavers; steady tones, chimes and music-box notes do not.
    /// Default 0.3.
    /// </summary>
    public double MinPitchMovingFraction { get; init; } = 0.3;

    /// <summary>
    /// Highest mean voicing strength a cry unit may have, 0 to 1. Electronic tones and music boxes are almost perfectly
    /// periodic; a cry, with its breath noise, is not. Default 0.985.
    /// </summary>
    public double MaxUnitMeanVoicing { get; init; } = 0.985;

    /// <summary>
    /// Whether a unit must also convince the logistic cry-unit classifier (sessions 3-6) before it can open an episode.
    /// Default false since session 6b: the tree check (<see cref="UseTreeModel"/>) replaced it. Without an embedded
    /// model the hand rules decide alone.
    /// </summary>
    public bool UseLearnedModel { get; init; }

    /// <summary>A classifier to use instead of the shipped one (e.g. freshly trained); null for the shipped model.</summary>
    public Model.CryUnitModel? Model { get; init; }

    /// <summary>Probability a unit needs from the classifier, 0 to 1; null for the model's own threshold.</summary>
    public double? ModelThreshold { get; init; }

    /// <summary>
    /// Whether a unit must also lie close enough to the short-time spectra of real cries
    /// (<see cref="Model.CrySpectralGate"/>, fitted on cries alone) before it can open an episode. Default false:
    /// on the evaluation sets it removes false alarms without losing a cry (docs/cry-engine.md, session 5), but it
    /// turns down the first unit of the synthetic cry the monitor and web tests use (six pure harmonics, no breath),
    /// and those tests belong to other areas; turning it on is one line once they agree.
    /// </summary>
    public bool UseSpectralGate { get; init; }

    /// <summary>A spectral gate to use instead of the shipped one (turns the gate on); null for the shipped gate.</summary>
    public Model.CrySpectralGate? SpectralGate { get; init; }

    /// <summary>Largest squared spectral distance that may open an episode; null for the gate's own threshold.</summary>
    public double? SpectralGateThreshold { get; init; }

    /// <summary>
    /// Whether a unit must also convince the gradient-boosted tree check (<see cref="Model.CryTreeModel"/>, over the
    /// unit's features and its context, session 6) before it can open an episode. Default true since session 6b
    /// (docs/cry-engine.md): on held-out real non-cry audio it lets through about a seventh of the logistic check's
    /// false alarms and loses no cry. With <see cref="UseLearnedModel"/> off (the default), the trees replace the
    /// logistic check; with both on, a unit needs both.
    /// </summary>
    public bool UseTreeModel { get; init; } = true;

    /// <summary>A tree model to use instead of the shipped one (needs <see cref="UseTreeModel"/>); null for the shipped model.</summary>
    public Model.CryTreeModel? TreeModel { get; init; }

    /// <summary>Raw tree score a unit needs to open an episode; null for the model's own threshold.</summary>
    public double? TreeThreshold { get; init; }

    /// <summary>
    /// Two-tier opening (session 7): the raw tree score at or above which a unit opens an episode at once. A unit that
    /// passes the tree check (<see cref="TreeThreshold"/>) with a lower score is <i>doubtful</i>: it opens nothing alone,
    /// and the episode opens only when a second unit passes every check within <see cref="DoubtfulUnitWindowSeconds"/>
    /// of its end, starting at the doubtful unit's start. Null (the default) turns the rule off: every passing unit
    /// opens at once. Needs <see cref="UseTreeModel"/>; a value at or under the threshold makes every unit confident.
    /// </summary>
    public double? TreeConfidentScore { get; init; }

    /// <summary>
    /// With <see cref="TreeConfidentScore"/> set: how long after a doubtful unit's end a second passing unit may come
    /// and still open the episode with it, in seconds. Default 2.
    /// </summary>
    public double DoubtfulUnitWindowSeconds { get; init; } = 2;

    /// <summary>
    /// With <see cref="TreeConfidentScore"/> set: whether a doubtful unit still being heard opens the episode at once
    /// when its score later reaches the confident score. Default true (session 7): judging a unit only by its score
    /// when it first passed (false) cut no more false alarms on the training split for the cries and latency it cost.
    /// </summary>
    public bool RescoreDoubtfulUnit { get; init; } = true;

    /// <summary>
    /// With <see cref="TreeConfidentScore"/> set: what a doubtful unit needs to open an episode. Default
    /// <see cref="Detection.DoubtfulOpening.SecondUnit"/>. The patch modes need the patch model
    /// (<see cref="UsePatchModel"/> or <see cref="PatchModel"/>), which then judges doubtful units only.
    /// </summary>
    public DoubtfulOpening DoubtfulOpening { get; init; }

    /// <summary>
    /// Whether a unit that passes every other check must also have a log-mel patch of the last ~0.6 s that the patch
    /// model (<see cref="Model.CryPatchModel"/>) calls crying before it can open an episode. Default false (session 6,
    /// docs/cry-engine.md "Session 6: patch").
    /// </summary>
    public bool UsePatchModel { get; init; }

    /// <summary>
    /// A patch model to use instead of the shipped one (turns the check on); null for the shipped model. Either kind:
    /// the dense network or the convolutional one (session 8, src/SecureBase.Audio/Model/cry-patch-conv-model.json).
    /// </summary>
    public Model.CryPatchModel? PatchModel { get; init; }

    /// <summary>Probability a patch needs to open an episode, 0 to 1; null for the patch model's own threshold.</summary>
    public double? PatchThreshold { get; init; }

    /// <summary>
    /// Weighs the tree check and the patch model together instead of asking each in turn (session 8; null, the
    /// default, keeps them separate): a unit the trees judge opens an episode when (tree score − tree threshold) +
    /// this weight × (logit of the patch probability − logit of <see cref="PatchThreshold"/>, or of the model's own
    /// threshold) is at least 0. A unit the trees are sure of can then outvote a doubtful patch, and the reverse.
    /// Needs a patch model (<see cref="UsePatchModel"/> or <see cref="PatchModel"/>); 0 to 100.
    /// </summary>
    public double? PatchWeightWithTrees { get; init; }

    /// <summary>
    /// Whether loud sound may open an episode on the patch model's word alone, without a voiced unit (session 8; off by
    /// default, docs/cry-engine.md "Session 8: scanning"): before an episode is open, once sound has stayed
    /// <see cref="PatchScanMinLevelOverBackgroundDb"/> over the background for <see cref="PatchScanMinLoudSeconds"/>,
    /// the patch of the last ~0.6 s is asked every <see cref="PatchScanEverySeconds"/>; <see cref="PatchScanConsecutive"/>
    /// answers in a row at or over <see cref="PatchScanThreshold"/> open the episode at the start of the loud run. Cries
    /// that begin hoarse, breathy or broken have no unit a pitch tracker accepts for seconds. Uses the patch model of
    /// <see cref="PatchModel"/> (or the shipped one); the unit verifier stays governed by <see cref="UsePatchModel"/>.
    /// </summary>
    public bool UsePatchScan { get; init; }

    /// <summary>Probability each scanned patch must reach, 0 to 1. Default 0.9 (stricter than a unit's verifier: no pitch rule vouches for the sound).</summary>
    public double PatchScanThreshold { get; init; } = 0.9;

    /// <summary>Scanned patches in a row that must reach <see cref="PatchScanThreshold"/>. Default 2.</summary>
    public int PatchScanConsecutive { get; init; } = 2;

    /// <summary>Time between two scanned patches, in seconds. Default 0.05.</summary>
    public double PatchScanEverySeconds { get; init; } = 0.05;

    /// <summary>How far over the background a frame must be to count as loud for the scan, in dB. Default 10.</summary>
    public double PatchScanMinLevelOverBackgroundDb { get; init; } = 10;

    /// <summary>How long sound must have been loud before the first patch is asked, in seconds. Default 0.3.</summary>
    public double PatchScanMinLoudSeconds { get; init; } = 0.3;

    /// <summary>A quieter stretch up to this long does not end a loud run, in seconds. Default 0.15 (a cry's catch of breath).</summary>
    public double PatchScanMaxQuietSeconds { get; init; } = 0.15;

    /// <summary>
    /// A frame this far below the loudest frame of the current unit does not continue it, in dB. Default 30.
    /// Speech rises and falls by 20-40 dB from syllable to syllable; a cry unit holds its level.
    /// </summary>
    public double MaxDropInUnitDb { get; init; } = 30;

    /// <summary>
    /// A voice break is bridged only while its level stays within this many dB of the unit's loudest frame; a deeper
    /// dip ends the unit at once, in dB. A cry's voice breaks are loud (the baby is still pushing air), whereas speech
    /// drops 25-40 dB between syllables (stops, closures), and bridging can join syllables into one long, wavering,
    /// cry-like unit. Default 120, which is off: at 20 dB it removed 4 of 23 false alarms on the evaluation sets
    /// (synthetic voices and a music box) but also one held-out cry, taking recall under its 0.97 target
    /// (docs/cry-engine.md, "Figures").
    /// </summary>
    public double MaxBridgedDipDb { get; init; } = 120;

    /// <summary>Longest voice break bridged inside one cry unit, in seconds. Default 0.06.</summary>
    public double MaxGapInUnitSeconds { get; init; } = 0.06;

    /// <summary>A unit at least this long makes the episode "crying" (sustained), in seconds. Default 0.8.</summary>
    public double CryingUnitSeconds { get; init; } = 0.8;

    /// <summary>
    /// Seconds without a long unit (only short units heard) after which a crying episode calms back to fussing.
    /// Default 4.
    /// </summary>
    public double CalmDownSeconds { get; init; } = 4;

    /// <summary>
    /// Intense needs the last pause to be at most this long, in seconds (continuous crying). Default 0.6.
    /// </summary>
    public double IntenseMaxPauseSeconds { get; init; } = 0.6;

    /// <summary>
    /// Intense needs the current unit to be this much louder than the episode's first long unit, in dB (rising).
    /// Default 6.
    /// </summary>
    public double IntenseRiseDb { get; init; } = 6;

    /// <summary>Seconds without any cry unit after which an episode ends. Default 5.</summary>
    public double EpisodeEndSilenceSeconds { get; init; } = 5;

    /// <summary>Mean f0 above which an episode is noted as hyperphonated, in Hz. Default 1000.</summary>
    public double HyperphonationF0Hz { get; init; } = 1000;

    /// <summary>Initial f0 above which a high initial pitch is noted, in Hz. Default 700.</summary>
    public double HighInitialF0Hz { get; init; } = 700;

    /// <summary>Mean unit duration below which units are noted as unusually short, in seconds. Default 0.5.</summary>
    public double ShortUnitSeconds { get; init; } = 0.5;

    /// <summary>Rhythm irregularity above which units are noted as irregular. Default 0.6.</summary>
    public double IrregularRhythm { get; init; } = 0.6;

    /// <summary>
    /// Whether a run of short voiced fragments may open an episode (session 5, docs/cry-engine.md "Session 5:
    /// latency"): late cries start as broken, breathy whimpers whose voiced fragments are each shorter than
    /// <see cref="MinUnitSeconds"/>, and used to open only at the first long unit, seconds later. Default false: on the
    /// evaluation sets it cuts the p95 latency (3.32 s to 2.92 s) and raises recall, with no more false alarms on the
    /// three sets and the raised speech, but 11 more (1919 to 1930; held-out 494 to 501) on the real Debian set.
    /// </summary>
    public bool UseOpeningPool { get; init; }

    /// <summary>
    /// Before an episode is open, pooled frames are gathered across voice breaks up to this long, in seconds.
    /// Default 0.4 (chosen on the training split; 0.2-0.5 gave the same false alarms).
    /// </summary>
    public double OpeningPoolGapSeconds { get; init; } = 0.4;

    /// <summary>
    /// Voicing strength a frame needs to join the pool, 0 to 1 (its f0 and level must qualify as for a cry frame).
    /// Default 0.35, under <see cref="VoicingThreshold"/>: breathy onset frames count too (the mean voicing, the
    /// low-voice veto and the learned check keep noise and voices out).
    /// </summary>
    public double OpeningPoolVoicingThreshold { get; init; } = 0.35;

    /// <summary>
    /// Lowest frame f0 pooled, in Hz. Default 250 (as <see cref="MinF0Hz"/>); lower lets the low frames of a voice
    /// count against its median f0, so a voice read now at its true pitch, now on a harmonic, does not pool into the cry range.
    /// </summary>
    public double OpeningPoolMinF0Hz { get; init; } = 250;

    /// <summary>
    /// A loud frame under <see cref="MinF0Hz"/> with at least this voicing strength, 0 to 1, counts as a low-voice
    /// frame (see <see cref="OpeningPoolLowVoiceLookbackSeconds"/>). Default 0.7.
    /// </summary>
    public double OpeningPoolLowVoiceStrength { get; init; } = 0.7;

    /// <summary>
    /// The pool may not open if a low-voice frame (<see cref="OpeningPoolLowVoiceStrength"/>) was heard in it or this
    /// long before it began, in seconds: a voice read now at its true low pitch, now on a harmonic in the cry range,
    /// shows such frames; a breathy cry onset does not. Default 2 (chosen on the training split with the real
    /// Debian speech).
    /// </summary>
    public double OpeningPoolLowVoiceLookbackSeconds { get; init; } = 2;

    /// <summary>
    /// Mean voicing strength the pooled frames need, 0 to 1. Default 0.5: without it, faint dish clatter barely
    /// over the background pooled into an alarm.
    /// </summary>
    public double OpeningPoolMinMeanVoicing { get; init; } = 0.5;

    /// <summary>Voiced time (pooled frames) the pool needs before it may open an episode, in seconds. Default 0.2, as a unit.</summary>
    public double OpeningPoolVoicedSeconds { get; init; } = 0.2;

    /// <summary>A pool spanning longer than this starts afresh, in seconds (evidence must come close together). Default 2.</summary>
    public double OpeningPoolMaxSeconds { get; init; } = 2;

    /// <summary>Fragments (separate units) the pool needs; a single unit is left to the unit path. Default 2.</summary>
    public int OpeningPoolMinFragments { get; init; } = 2;

    /// <summary>
    /// Probability the learned check must give the pooled frames, 0 to 1. Default 0.5, over the unit path's 0.4:
    /// the model was trained on units, and a pool is a looser thing.
    /// </summary>
    public double OpeningPoolModelThreshold { get; init; } = 0.5;

    /// <summary>Checks every setting and throws an <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (SampleRate is < 8000 or > 192000)
        {
            throw new ArgumentException($"SampleRate must be between 8000 and 192000 Hz; it is {SampleRate}.", nameof(SampleRate));
        }

        RequireRange(MinF0Hz, 50, 2000, nameof(MinF0Hz));
        RequireRange(MaxF0Hz, MinF0Hz + 1, 2000, nameof(MaxF0Hz));
        RequireRange(VoicingThreshold, 0.05, 0.99, nameof(VoicingThreshold));
        RequireRange(OpeningOctavePreference, 0.85, 1, nameof(OpeningOctavePreference));
        RequireRange(PitchContinuityShare, 0.5, 1, nameof(PitchContinuityShare));
        RequireRange(MinLevelOverBackgroundDb, 0, 60, nameof(MinLevelOverBackgroundDb));
        RequireRange(MinLevelDbfs, -120, 0, nameof(MinLevelDbfs));
        RequireRange(MinUnitSeconds, 0.05, 2, nameof(MinUnitSeconds));
        RequireRange(MinUnitSecondsInEpisode, 0.03, MinUnitSeconds, nameof(MinUnitSecondsInEpisode));
        RequireRange(MaxSecondsToConfirmUnit, MinUnitSeconds, 60, nameof(MaxSecondsToConfirmUnit));
        RequireRange(MinUnitMeanF0Hz, 0, 2000, nameof(MinUnitMeanF0Hz));
        RequireRange(MinPitchMovingFraction, 0, 1, nameof(MinPitchMovingFraction));
        RequireRange(MaxUnitMeanVoicing, VoicingThreshold, 1, nameof(MaxUnitMeanVoicing));
        RequireRange(MaxDropInUnitDb, 3, 120, nameof(MaxDropInUnitDb));
        RequireRange(MaxGapInUnitSeconds, 0, 0.5, nameof(MaxGapInUnitSeconds));
        RequireRange(MaxBridgedDipDb, 3, 120, nameof(MaxBridgedDipDb));
        RequireRange(CryingUnitSeconds, MinUnitSeconds, 10, nameof(CryingUnitSeconds));
        RequireRange(CalmDownSeconds, 0.5, 120, nameof(CalmDownSeconds));
        RequireRange(IntenseMaxPauseSeconds, 0, 10, nameof(IntenseMaxPauseSeconds));
        RequireRange(IntenseRiseDb, 0, 60, nameof(IntenseRiseDb));
        RequireRange(OpeningPoolGapSeconds, 0.01, 1, nameof(OpeningPoolGapSeconds));
        RequireRange(OpeningPoolVoicingThreshold, 0.05, 0.99, nameof(OpeningPoolVoicingThreshold));
        RequireRange(OpeningPoolMinF0Hz, 50, 2000, nameof(OpeningPoolMinF0Hz));
        RequireRange(OpeningPoolLowVoiceStrength, 0, 1, nameof(OpeningPoolLowVoiceStrength));
        RequireRange(OpeningPoolLowVoiceLookbackSeconds, 0, 10, nameof(OpeningPoolLowVoiceLookbackSeconds));
        RequireRange(OpeningPoolMinMeanVoicing, 0, 1, nameof(OpeningPoolMinMeanVoicing));
        RequireRange(OpeningPoolVoicedSeconds, 0.05, 2, nameof(OpeningPoolVoicedSeconds));
        RequireRange(OpeningPoolMaxSeconds, OpeningPoolVoicedSeconds, 10, nameof(OpeningPoolMaxSeconds));
        RequireRange(OpeningPoolMinFragments, 1, 100, nameof(OpeningPoolMinFragments));
        RequireRange(OpeningPoolModelThreshold, 0, 1, nameof(OpeningPoolModelThreshold));
        if (ModelThreshold is { } threshold)
        {
            RequireRange(threshold, 0, 1, nameof(ModelThreshold));
        }

        RequireRange(PatchScanThreshold, 0, 1, nameof(PatchScanThreshold));
        RequireRange(PatchScanConsecutive, 1, 100, nameof(PatchScanConsecutive));
        RequireRange(PatchScanEverySeconds, 0.01, 1, nameof(PatchScanEverySeconds));
        RequireRange(PatchScanMinLevelOverBackgroundDb, 0, 60, nameof(PatchScanMinLevelOverBackgroundDb));
        RequireRange(PatchScanMinLoudSeconds, 0, 5, nameof(PatchScanMinLoudSeconds));
        RequireRange(PatchScanMaxQuietSeconds, 0, 1, nameof(PatchScanMaxQuietSeconds));
        if (PatchWeightWithTrees is { } patchWeight)
        {
            RequireRange(patchWeight, 0, 100, nameof(PatchWeightWithTrees));
            if (!UseTreeModel || !(UsePatchModel || PatchModel is not null))
            {
                throw new ArgumentException("PatchWeightWithTrees weighs the tree check and the patch model together: it needs UseTreeModel and a patch model (UsePatchModel or PatchModel).", nameof(PatchWeightWithTrees));
            }
        }

        if (PatchThreshold is { } patchThreshold)
        {
            RequireRange(patchThreshold, 0, 1, nameof(PatchThreshold));
        }

        if (TreeConfidentScore is { } confident)
        {
            RequireRange(confident, -1000, 1000, nameof(TreeConfidentScore));
        }

        RequireRange(DoubtfulUnitWindowSeconds, 0.05, 30, nameof(DoubtfulUnitWindowSeconds));
        if (SpectralGateThreshold is { } distance)
        {
            RequireRange(distance, 0, 1e6, nameof(SpectralGateThreshold));
        }

        RequireRange(EpisodeEndSilenceSeconds, 0.5, 600, nameof(EpisodeEndSilenceSeconds));
        RequireRange(HyperphonationF0Hz, 100, 5000, nameof(HyperphonationF0Hz));
        RequireRange(HighInitialF0Hz, 100, 5000, nameof(HighInitialF0Hz));
        RequireRange(ShortUnitSeconds, 0, 10, nameof(ShortUnitSeconds));
        RequireRange(IrregularRhythm, 0, 10, nameof(IrregularRhythm));
    }

    private static void RequireRange(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} must be between {min} and {max}; it is {value}.", name);
        }
    }
}
