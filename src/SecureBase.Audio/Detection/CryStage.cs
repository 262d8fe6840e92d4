namespace SecureBase.Audio.Detection;

/// <summary>
/// The stage of a cry episode (SPEC area C). Operational definitions live in <see cref="CryDetector"/> and
/// docs/cry-engine.md.
/// </summary>
public enum CryStage
{
    /// <summary>Whiny, discontinuous vocalising: short cry units with pauses between them.</summary>
    Fussing,

    /// <summary>Sustained crying: at least one long cry unit (see <see cref="CryDetectorOptions.CryingUnitSeconds"/>).</summary>
    Crying,

    /// <summary>Continuous, loud and rising crying: long units, short pauses, louder than the episode's start.</summary>
    Intense,
}
