using Microsoft.Extensions.Time.Testing;
using SecureBase.Web.Features.Insights;

namespace SecureBase.Web.Tests.Insights;

/// <summary>The period picker, in the household's zone, with a fake clock at 23:30 on Sunday 8 March 2026 in Paris.</summary>
public class PeriodChoiceTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    // 22:30 UTC is already 23:30 in Paris (UTC+1): "today" is the household's Sunday, not UTC's.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 8, 22, 30, 0, TimeSpan.Zero));

    private static DateTimeOffset ParisMidnight(int month, int day) => new(2026, month, day, 0, 0, 0, Paris.GetUtcOffset(new DateTime(2026, month, day)));

    [Theory]
    [InlineData("week", null, 3, 2, 3, 9)]
    [InlineData(null, null, 3, 2, 3, 9)]
    [InlineData("day", "2026-03-05", 3, 5, 3, 6)]
    [InlineData("week", "2026-03-31", 3, 25, 4, 1)]
    [InlineData("month", "2026-02-14", 2, 1, 3, 1)]
    public void Day_week_and_month_are_local_days_ending_on_the_date(string? kind, string? date, int fromMonth, int fromDay, int toMonth, int toDay)
    {
        var (period, field, error) = PeriodChoice.Parse(kind, date, null, null, Paris, _clock, 366);

        Assert.True(period is not null, $"{field}: {error}");
        Assert.Equal(ParisMidnight(fromMonth, fromDay), period.From);
        Assert.Equal(ParisMidnight(toMonth, toDay), period.To);
    }

    [Fact]
    public void The_week_across_the_clock_change_has_one_hour_less()
    {
        var (period, _, _) = PeriodChoice.Parse("week", "2026-03-31", null, null, Paris, _clock, 366);

        Assert.Equal(TimeSpan.FromHours((7 * 24) - 1), period!.To - period.From);
    }

    [Fact]
    public void Custom_days_include_both_ends_and_default_to_the_last_seven_days()
    {
        var chosen = PeriodChoice.Parse(null, null, "2026-03-01", "2026-03-03", Paris, _clock, 366).Period!;
        var lastSeven = PeriodChoice.Parse("custom", null, null, null, Paris, _clock, 366).Period!;

        Assert.Equal((ParisMidnight(3, 1), ParisMidnight(3, 4)), (chosen.From, chosen.To));
        Assert.Equal((ParisMidnight(3, 2), ParisMidnight(3, 9)), (lastSeven.From, lastSeven.To));
    }

    [Theory]
    [InlineData("year", null, null, null, "period")]
    [InlineData("day", "8/3/2026", null, null, "date")]
    [InlineData("custom", null, "2026-02-30", null, "from")]
    [InlineData("custom", null, "2026-03-05", "2026-03-04", "to")]
    [InlineData("custom", null, "2025-01-01", "2026-03-04", "to")]
    public void Nonsense_is_refused_naming_the_field(string kind, string? date, string? from, string? to, string field)
    {
        var (period, badField, error) = PeriodChoice.Parse(kind, date, from, to, Paris, _clock, 366);

        Assert.Null(period);
        Assert.Equal(field, badField);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
