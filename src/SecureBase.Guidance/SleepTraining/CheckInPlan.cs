namespace SecureBase.Guidance.SleepTraining;

/// <summary>
/// A graduated check-in plan: for each night, how long to wait before the first, second and later
/// check-ins. The default is the common schedule (minutes): night 1 3/5/10, night 2 5/10/12, night 3
/// 10/12/15, night 4 12/15/17, night 5 15/17/20, and 20/25/30 from night 6 on. Households may edit it.
/// </summary>
public sealed record CheckInPlan
{
    /// <summary>Waits per night (index 0 = night 1); each night's last wait repeats for later check-ins.
    /// The last night's waits repeat for every later night.</summary>
    public IReadOnlyList<IReadOnlyList<TimeSpan>> Nights { get; }

    public CheckInPlan(IReadOnlyList<IReadOnlyList<TimeSpan>> nights)
    {
        ArgumentNullException.ThrowIfNull(nights);
        if (nights.Count == 0) throw new ArgumentException("A plan needs at least one night.", nameof(nights));
        for (var n = 0; n < nights.Count; n++)
        {
            if (nights[n] is null || nights[n].Count == 0) throw new ArgumentException($"Night {n + 1} has no waits.", nameof(nights));
            foreach (var wait in nights[n])
                if (wait < TimeSpan.FromMinutes(1) || wait > TimeSpan.FromMinutes(60))
                    throw new ArgumentException($"Night {n + 1}: waits must be between 1 and 60 minutes.", nameof(nights));
        }
        Nights = nights;
    }

    public static CheckInPlan Default { get; } = FromMinutes([3, 5, 10], [5, 10, 12], [10, 12, 15], [12, 15, 17], [15, 17, 20], [20, 25, 30]);

    public static CheckInPlan FromMinutes(params int[][] nights)
    {
        ArgumentNullException.ThrowIfNull(nights);
        return new CheckInPlan(nights.Select(n => (IReadOnlyList<TimeSpan>)n.Select(m => TimeSpan.FromMinutes(m)).ToArray()).ToArray());
    }

    /// <summary>The wait before check-in number <paramref name="checkIn"/> (1-based) on night <paramref name="night"/> (1-based).</summary>
    public TimeSpan WaitBefore(int night, int checkIn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(night, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkIn, 1);
        var waits = Nights[Math.Min(night, Nights.Count) - 1];
        return waits[Math.Min(checkIn, waits.Count) - 1];
    }
}
