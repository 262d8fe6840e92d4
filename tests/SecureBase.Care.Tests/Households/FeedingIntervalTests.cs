using SecureBase.Care.Households;

namespace SecureBase.Care.Tests.Households;

public class FeedingIntervalTests
{
    private static readonly DateOnly Birth = new(2026, 1, 1);

    private static Child Baby(int? min = null, int? max = null) =>
        new() { Name = "Sarah", BirthDate = Birth, FeedingIntervalMinMinutes = min, FeedingIntervalMaxMinutes = max };

    [Theory]
    [InlineData(0, 1.5, 3)]
    [InlineData(122, 1.5, 3)] // the spec's 4-month-old is "due by 3 h"
    [InlineData(182, 1.5, 3)]
    [InlineData(183, 2.5, 4)]
    [InlineData(364, 2.5, 4)]
    [InlineData(365, 3, 5)]
    [InlineData(900, 3, 5)]
    public void Default_interval_lengthens_with_age(int ageDays, double minHours, double maxHours)
    {
        var interval = FeedingInterval.For(Baby(), Birth.AddDays(ageDays));
        Assert.Equal(TimeSpan.FromHours(minHours), interval.Min);
        Assert.Equal(TimeSpan.FromHours(maxHours), interval.Max);
    }

    [Fact]
    public void A_child_override_wins_over_the_age_default()
    {
        var interval = FeedingInterval.For(Baby(min: 120, max: 150), Birth.AddDays(30));
        Assert.Equal(TimeSpan.FromMinutes(120), interval.Min);
        Assert.Equal(TimeSpan.FromMinutes(150), interval.Max);
        // Either bound alone can be overridden.
        Assert.Equal(TimeSpan.FromHours(1.5), FeedingInterval.For(Baby(max: 200), Birth.AddDays(30)).Min);
    }
}
