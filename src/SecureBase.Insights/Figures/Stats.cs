namespace SecureBase.Insights;

/// <summary>Small statistics helpers; inputs are not modified.</summary>
public static class Stats
{
    /// <summary>The median (mean of the two middle values for an even count), or null for no values.</summary>
    public static double? Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);

    /// <summary>The <paramref name="p"/> quantile (0–1) with linear interpolation between closest ranks, or null for no values.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return null;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return PercentileOfSorted(sorted, p);
    }

    /// <summary>The <paramref name="p"/> quantile of values already sorted ascending, or null for none.</summary>
    public static double? PercentileOfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) return null;
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// <summary>Share of items matching, or null when there are none.</summary>
    public static double? Share(int matching, int total) => total == 0 ? null : (double)matching / total;
}
