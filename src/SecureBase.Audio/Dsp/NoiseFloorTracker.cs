namespace SecureBase.Audio.Dsp;

/// <summary>
/// Tracks the background level in dB: it follows quiet frames down quickly and creeps up slowly, so a steady fan or
/// white-noise machine becomes "background" within seconds while a cry (which the caller does not feed) never does.
/// </summary>
public sealed class NoiseFloorTracker
{
    private readonly double _fallPerFrame;
    private readonly double _risePerFrame;
    private readonly double _lowestDb;

    /// <summary>Creates a tracker.</summary>
    /// <param name="framesPerSecond">Analysis frames per second.</param>
    /// <param name="fallSeconds">Time constant for following a quieter background, in seconds.</param>
    /// <param name="riseSeconds">Time constant for following a louder background, in seconds.</param>
    /// <param name="lowestDb">The floor never goes below this level, in dBFS (keeps digital silence finite).</param>
    public NoiseFloorTracker(double framesPerSecond, double fallSeconds = 0.1, double riseSeconds = 3, double lowestDb = -90)
    {
        _fallPerFrame = 1 - Math.Exp(-1 / (fallSeconds * framesPerSecond));
        _risePerFrame = 1 - Math.Exp(-1 / (riseSeconds * framesPerSecond));
        _lowestDb = lowestDb;
        FloorDb = lowestDb;
    }

    /// <summary>True once a first level has been fed.</summary>
    public bool Initialised { get; private set; }

    /// <summary>Current background level in dBFS.</summary>
    public double FloorDb { get; private set; }

    /// <summary>Feeds the level of a frame that is not part of a cry, in dBFS.</summary>
    public void Update(double levelDb)
    {
        levelDb = Math.Max(levelDb, _lowestDb);
        if (!Initialised)
        {
            FloorDb = levelDb;
            Initialised = true;
            return;
        }

        double rate = levelDb < FloorDb ? _fallPerFrame : _risePerFrame;
        FloorDb += (levelDb - FloorDb) * rate;
    }

    /// <summary>Back to the initial state.</summary>
    public void Reset()
    {
        FloorDb = _lowestDb;
        Initialised = false;
    }
}
