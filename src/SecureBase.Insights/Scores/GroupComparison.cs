namespace SecureBase.Insights;

/// <summary>How different two groups' answers were (0 = alike, 1 = as different as can be).</summary>
/// <remarks>
/// The difference is the mean of: the gap in answered-while-fussing share, the gap in attuned share, and the gap in
/// median latency divided by <see cref="InsightsOptions.LatencySpreadSeconds"/> (capped at 1). Missing parts are left out.
/// </remarks>
internal sealed record GroupComparison(CareFigures First, CareFigures Second, double Difference)
{
    public static GroupComparison? Of(CareFigures a, CareFigures b, InsightsOptions options)
    {
        if (a.Answered < options.MinResponsesToCompare || b.Answered < options.MinResponsesToCompare) return null;
        var parts = new List<double>(3);
        if (a.Promptness.AnsweredWhileFussingShare is { } fa && b.Promptness.AnsweredWhileFussingShare is { } fb) parts.Add(Math.Abs(fa - fb));
        if (a.Alignment.AttunedShare is { } aa && b.Alignment.AttunedShare is { } ab) parts.Add(Math.Abs(aa - ab));
        if (a.Promptness.MedianLatencySeconds is { } la && b.Promptness.MedianLatencySeconds is { } lb)
            parts.Add(Math.Min(1, Math.Abs(la - lb) / options.LatencySpreadSeconds));
        return parts.Count == 0 ? null : new GroupComparison(a, b, parts.Average());
    }

    /// <summary>Every comparable pair of the groups, most different first.</summary>
    public static List<GroupComparison> AllPairs(IReadOnlyList<CareFigures> groups, InsightsOptions options)
    {
        var pairs = new List<GroupComparison>();
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                if (Of(groups[i], groups[j], options) is { } pair) pairs.Add(pair);
            }
        }
        pairs.Sort((x, y) => y.Difference.CompareTo(x.Difference));
        return pairs;
    }
}
