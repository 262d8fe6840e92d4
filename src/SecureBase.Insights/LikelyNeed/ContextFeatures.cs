namespace SecureBase.Insights.LikelyNeed;

/// <summary>A cry context cut into buckets, so that "similar contexts" can be counted.</summary>
internal static class ContextFeatures
{
    public const int Count = 4;
    /// <summary>Buckets per feature: time since feed (share of interval), time awake (share of the wake window), time since diaper, time of day.</summary>
    public static readonly int[] Buckets = [7, 5, 5, 4];

    /// <summary>Number of distinct bucket combinations.</summary>
    public const int Combinations = 7 * 5 * 5 * 4;

    public static int[] Of(CryContext c)
    {
        var features = new int[Count];
        Fill(c, features);
        return features;
    }

    /// <summary>One number for a combination of buckets (0 to <see cref="Combinations"/> − 1).</summary>
    public static int Pack(ReadOnlySpan<int> f) => (((((f[0] * 5) + f[1]) * 5) + f[2]) * 4) + f[3];

    public static void Unpack(int code, Span<int> f)
    {
        f[3] = code % 4;
        code /= 4;
        f[2] = code % 5;
        code /= 5;
        f[1] = code % 5;
        f[0] = code / 5;
    }

    public static void Fill(CryContext c, Span<int> features)
    {
        var feed = c.FeedDueShare switch
        {
            null => 0,
            < 0.2 => 1,
            < 0.5 => 2,
            < 0.75 => 3,
            < 0.9 => 4,
            < 1.05 => 5,
            _ => 6,
        };
        var window = ContextRule.WakeWindowHours(c.AgeDays);
        var awake = (c.HoursAwake / window) switch
        {
            null => 0,
            < 0.5 => 1,
            < 0.85 => 2,
            < 1.2 => 3,
            _ => 4,
        };
        var diaper = c.HoursSinceDiaper switch
        {
            null => 0,
            < 1 => 1,
            < 2 => 2,
            < 3 => 3,
            _ => 4,
        };
        features[0] = feed;
        features[1] = awake;
        features[2] = diaper;
        features[3] = (int)c.TimeOfDay;
    }
}
