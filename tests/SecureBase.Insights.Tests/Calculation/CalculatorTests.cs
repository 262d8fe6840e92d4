using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal;
using SecureBase.Insights.Tests.Scenarios;

namespace SecureBase.Insights.Tests.Calculation;

public class CalculatorTests
{
    private static readonly TimeZoneInfo s_paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateOnly s_day = new(2026, 11, 10);

    private static (JournalBuilder Builder, JournalChild Child, JournalCaregiver Anna) Household()
    {
        var b = new JournalBuilder("unit", "Unit household");
        var anna = b.Caregiver("Anna");
        var child = b.Child("Sarah", new DateOnly(2026, 7, 10), "her");
        return (b, child, anna);
    }

    private static CryResponse Answer(JournalCaregiver by, DateTimeOffset arrived, CaregiverState? state = CaregiverState.Calm) =>
        new() { CaregiverId = by.Id, ArrivedAt = arrived, Talked = true, EyeContact = true, Warm = true, State = state };

    [Theory]
    [InlineData(nameof(InsightsOptions.MinResponses))]
    [InlineData(nameof(InsightsOptions.GoodAttunedShare))]
    [InlineData(nameof(InsightsOptions.DelayedLatencySeconds))]
    [InlineData("hours")]
    public void Nonsense_settings_are_refused_with_a_clear_message(string setting)
    {
        var options = setting switch
        {
            nameof(InsightsOptions.MinResponses) => new InsightsOptions { MinResponses = 0 },
            nameof(InsightsOptions.GoodAttunedShare) => new InsightsOptions { GoodAttunedShare = 1.5 },
            nameof(InsightsOptions.DelayedLatencySeconds) => new InsightsOptions { DelayedLatencySeconds = 10 },
            _ => new InsightsOptions { NightStartsAtHour = 17 },
        };
        var error = Assert.Throws<ArgumentException>(() => new InsightsCalculator(options));
        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void Periods_follow_the_household_day_including_daylight_saving()
    {
        var day = InsightsPeriod.Day(new DateOnly(2026, 3, 29), s_paris);
        Assert.Equal(TimeSpan.FromHours(23), day.To - day.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), day.From);
        var month = InsightsPeriod.Month(2026, 2, s_paris);
        Assert.Equal(28, (month.To - month.From).TotalDays);
        var week = InsightsPeriod.LastDays(new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 23, 30, 0, TimeSpan.Zero)), 7, s_paris);
        // 23:30 UTC is already 11 November in Paris, so the week runs 5–11 November.
        Assert.Equal(InsightsPeriod.StartOfLocalDay(new DateOnly(2026, 11, 5), s_paris), week.From);
        Assert.Equal(PeriodKind.Week, week.Kind);
        Assert.Throws<ArgumentException>(() => new InsightsPeriod(day.To, day.From));
    }

    [Fact]
    public void A_cry_still_going_unanswered_counts_its_wait_up_to_now()
    {
        var (b, child, anna) = Household();
        var onset = b.At(s_day, 19, 0);
        b.Cry(child, anna, onset, [(CryStage.Fussing, onset)], settled: null);
        var clock = new FakeTimeProvider(onset.AddMinutes(10));

        var result = new InsightsCalculator(time: clock).Compute(b.Build(), "Sarah", InsightsPeriod.Day(s_day, s_paris));

        Assert.Equal(1, result.Cries);
        Assert.Equal(0, result.Answered);
        Assert.Equal(600, result.Promptness.LongestUnansweredSeconds);
        Assert.Null(result.Promptness.MedianLatencySeconds);
        Assert.Contains("0 cries were answered", result.NotEnoughData, StringComparison.Ordinal);
    }

    [Fact]
    public void The_earliest_arrival_is_the_answer_and_escalation_decides_while_fussing()
    {
        var (b, child, anna) = Household();
        var tom = b.Caregiver("Tom");
        var first = b.At(s_day, 23, 0);
        // Anna logged her response first but arrived after Tom; Tom arrived after the cry escalated.
        b.Cry(child, anna, first, [(CryStage.Fussing, first), (CryStage.Crying, first.AddSeconds(60))], first.AddMinutes(10),
            Answer(anna, first.AddSeconds(120)), Answer(tom, first.AddSeconds(90)));
        var second = b.At(s_day, 6, 0);
        b.Cry(child, anna, second, [(CryStage.Fussing, second), (CryStage.Crying, second.AddSeconds(60))], second.AddMinutes(5), Answer(anna, second.AddSeconds(30)));
        var third = b.At(s_day, 12, 0);
        // Began as a full cry: it has no fussing window, so it is left out of the fussing share.
        b.Cry(child, anna, third, [(CryStage.Crying, third)], third.AddMinutes(5), Answer(anna, third.AddSeconds(10)));

        var result = new InsightsCalculator().Compute(b.Build(), "Sarah", InsightsPeriod.Day(s_day, s_paris));

        Assert.Equal(30, result.Promptness.MedianLatencySeconds);
        Assert.Equal(0.5, result.Promptness.AnsweredWhileFussingShare);
        Assert.Equal(90, result.Promptness.LongestUnansweredSeconds);
        Assert.Equal(1, result.ByCaregiver.Single(c => c.Name == "Tom").Answered);
        Assert.Equal(["night", "morning", "afternoon"], result.ByTimeOfDay.Select(t => t.Name));
    }

    [Fact]
    public void Distress_counts_check_ins_and_needs_repetition()
    {
        var (b, child, anna) = Household();
        for (var i = 0; i < 2; i++) b.CheckIn(anna, b.At(s_day, 8 + i, 0), CaregiverState.Frightened);
        var onset = b.At(s_day, 19, 0);
        b.Cry(child, anna, onset, [(CryStage.Fussing, onset)], onset.AddMinutes(3), Answer(anna, onset.AddSeconds(20), CaregiverState.Calm));
        var calculator = new InsightsCalculator();
        Assert.DoesNotContain(calculator.Compute(b.Build(), "Sarah", InsightsPeriod.Day(s_day, s_paris)).Patterns, p => p.Id == PatternIds.CaregiverDistress);

        b.CheckIn(anna, b.At(s_day, 21, 0), CaregiverState.Angry);
        var distress = Assert.Single(calculator.Compute(b.Build(), "Sarah", InsightsPeriod.Day(s_day, s_paris)).Patterns, p => p.Id == PatternIds.CaregiverDistress);
        Assert.Contains("frightened 2 times, angry 1 time", distress.Evidence, StringComparison.Ordinal);
        Assert.Contains("out of 4 reports", distress.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_child_is_named_with_the_known_ones()
    {
        var (b, _, _) = Household();
        var error = Assert.Throws<UnknownChildException>(() => new InsightsCalculator().Compute(b.Build(), "Leo", InsightsPeriod.Day(s_day, s_paris)));
        Assert.Contains("\"Leo\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sarah", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var result = new InsightsCalculator(time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)))
            .Compute(ScenarioFiles.Load(ScenarioJournals.TwoHomes), "Sarah", InsightsPeriod.Custom(ScenarioJournals.FortnightStart, ScenarioJournals.FortnightStart.AddDays(13), s_paris));
        using var json = JsonDocument.Parse(InsightsJson.Serialize(result));
        var root = json.RootElement;

        Assert.Equal(187.5, root.GetProperty("promptness").GetProperty("medianLatencySeconds").GetDouble());
        Assert.Equal(0.5, root.GetProperty("promptness").GetProperty("answeredWhileFussingShare").GetDouble());
        Assert.Equal(0.5, root.GetProperty("accuracy").GetProperty("firstActionResolvedShare").GetDouble());
        Assert.Equal(0.5, root.GetProperty("alignment").GetProperty("attunedShare").GetDouble());
        Assert.Equal(50, root.GetProperty("scores").GetProperty("alignment").GetInt32());
        Assert.Equal(0, root.GetProperty("scores").GetProperty("balance").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("scores").GetProperty("continuity").ValueKind);
        Assert.Contains("Balance = 100", root.GetProperty("scores").GetProperty("explanations").GetProperty("balance").GetProperty("howComputed").GetString(), StringComparison.Ordinal);
        var anna = root.GetProperty("byCaregiver").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Anna");
        Assert.Equal(15, anna.GetProperty("promptness").GetProperty("medianLatencySeconds").GetDouble());
        Assert.Equal(1, anna.GetProperty("alignment").GetProperty("attunedShare").GetDouble());
        var ids = root.GetProperty("patterns").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("inconsistent-caregivers", ids);
        Assert.All(root.GetProperty("patterns").EnumerateArray(), p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("evidence").GetString()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("suggestion").GetString()));
            Assert.True(p.GetProperty("tone").GetString() is "encouraging" or "worthALook");
        });
    }

    [Fact]
    public void Not_enough_data_is_written_as_null_with_a_reason()
    {
        var (b, _, _) = Household();
        var result = new InsightsCalculator().Compute(b.Build(), "Sarah", InsightsPeriod.Day(s_day, s_paris));
        using var json = JsonDocument.Parse(InsightsJson.Serialize(result));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("promptness").GetProperty("medianLatencySeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("scores").GetProperty("alignment").ValueKind);
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("notEnoughData").ValueKind);
    }
}
