namespace SecureBase.Care.Demo;

/// <summary>A day's rhythm for a child of a given age: awake windows, naps, night feeds, solids (minutes unless said).</summary>
internal sealed record DemoAgeBand(
    (double Min, double Max) AwakeMinutes,
    (double Min, double Max) NapMinutes,
    int MaxNaps,
    int NightFeeds,
    bool Solids,
    (double Min, double Max) BottleMillilitres,
    double SolidDiaperChance,
    bool Snacks = false)
{
    public static DemoAgeBand For(int ageDays) => ageDays switch
    {
        < 90 => new((55, 80), (35, 110), 5, 3, false, (60, 110), 0.45),
        < 183 => new((80, 110), (40, 85), 4, 2, false, (120, 180), 0.25),
        < 365 => new((150, 200), (60, 110), 2, 1, true, (170, 230), 0.3),
        _ => new((240, 300), (70, 120), 1, 0, true, (180, 240), 0.35, Snacks: true),
    };
}
