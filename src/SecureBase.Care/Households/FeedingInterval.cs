namespace SecureBase.Care.Households;

/// <summary>The usual gap between feeds for a child's age, as a range.</summary>
public readonly record struct FeedingInterval(TimeSpan Min, TimeSpan Max)
{
    /// <summary>
    /// Default ranges by age: newborns feed about every 1.5–3 h, which we keep
    /// for the first six months (the spec's scenarios: a 4-month-old is "due by 3 h"); the gap then lengthens.
    /// A child's own override (minutes) wins over the age default.
    /// </summary>
    public static FeedingInterval For(Child child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        var byAge = ForAgeInDays(today.DayNumber - child.BirthDate.DayNumber);
        return new FeedingInterval(
            child.FeedingIntervalMinMinutes is { } min ? TimeSpan.FromMinutes(min) : byAge.Min,
            child.FeedingIntervalMaxMinutes is { } max ? TimeSpan.FromMinutes(max) : byAge.Max);
    }

    public static FeedingInterval ForAgeInDays(int ageDays) => ageDays switch
    {
        < 183 => new(TimeSpan.FromHours(1.5), TimeSpan.FromHours(3)),
        < 365 => new(TimeSpan.FromHours(2.5), TimeSpan.FromHours(4)),
        _ => new(TimeSpan.FromHours(3), TimeSpan.FromHours(5)),
    };
}
