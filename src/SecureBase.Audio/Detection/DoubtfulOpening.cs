namespace SecureBase.Audio.Detection;

/// <summary>What a doubtful unit (tree score under <see cref="CryDetectorOptions.TreeConfidentScore"/>) needs to open an episode.</summary>
public enum DoubtfulOpening
{
    /// <summary>A second unit passing every check within <see cref="CryDetectorOptions.DoubtfulUnitWindowSeconds"/> of its end.</summary>
    SecondUnit,

    /// <summary>The patch model's agreement at that moment (asked again on each frame of the unit); nothing else.</summary>
    Patch,

    /// <summary>The patch model's agreement at once, or else a second passing unit within the window.</summary>
    PatchOrSecondUnit,
}
