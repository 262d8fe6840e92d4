using Microsoft.Extensions.Time.Testing;
using SecureBase.Guidance.SleepTraining;

namespace SecureBase.Guidance.Tests.SleepTraining;

public class SleepTrainingNightTests
{
    private static readonly DateTimeOffset Bedtime = new(2026, 3, 1, 19, 30, 0, TimeSpan.Zero);
    private static readonly BedtimeChecklist Ready = new(Fed: true, EnoughTimeTogetherToday: true, EmotionalNeedsMet: true, Tired: true, Bathed: true);

    [Theory]
    [InlineData(1, 3, 5, 10)]
    [InlineData(2, 5, 10, 12)]
    [InlineData(3, 10, 12, 15)]
    [InlineData(4, 12, 15, 17)]
    [InlineData(5, 15, 17, 20)]
    [InlineData(6, 20, 25, 30)]
    [InlineData(12, 20, 25, 30)]
    public void Default_plan_follows_the_common_schedule_across_nights(int night, int first, int second, int later)
    {
        var plan = CheckInPlan.Default;

        Assert.Equal(TimeSpan.FromMinutes(first), plan.WaitBefore(night, 1));
        Assert.Equal(TimeSpan.FromMinutes(second), plan.WaitBefore(night, 2));
        Assert.Equal(TimeSpan.FromMinutes(later), plan.WaitBefore(night, 3));
        Assert.Equal(TimeSpan.FromMinutes(later), plan.WaitBefore(night, 7));
    }

    [Fact]
    public void The_night_does_not_start_until_every_need_is_met()
    {
        var night = new SleepTrainingNight(1, CheckInPlan.Default, new FakeTimeProvider(Bedtime));

        var refusal = Assert.Throws<InvalidOperationException>(() => night.Start(Ready with { Fed = false, Bathed = false }));

        Assert.Contains("a feed", refusal.Message);
        Assert.Contains("bath", refusal.Message);
        Assert.Equal(NightPhase.NotStarted, night.Phase);
    }

    [Fact]
    public void Timer_tells_when_to_go_in_and_each_check_in_starts_a_longer_wait()
    {
        var clock = new FakeTimeProvider(Bedtime);
        var night = new SleepTrainingNight(1, CheckInPlan.Default, clock);
        night.Start(Ready);

        clock.Advance(TimeSpan.FromMinutes(2));
        night.CryStarted();
        Assert.Equal(NightPhase.WaitingToCheckIn, night.Advice().Phase);
        Assert.Equal(TimeSpan.FromMinutes(3), night.Advice().WaitRemaining);

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(NightPhase.CheckInDue, night.Advice().Phase);
        Assert.Contains("Go in now", night.Advice().Text);

        night.CheckInDone();
        Assert.Equal(TimeSpan.FromMinutes(5), night.Advice().WaitRemaining);
        clock.Advance(TimeSpan.FromMinutes(5));
        night.CheckInDone();
        Assert.Equal(TimeSpan.FromMinutes(10), night.Advice().WaitRemaining);
        clock.Advance(TimeSpan.FromMinutes(10));
        night.CheckInDone();
        Assert.Equal(TimeSpan.FromMinutes(10), night.Advice().WaitRemaining);

        clock.Advance(TimeSpan.FromMinutes(4));
        night.FellAsleep();

        Assert.Equal(3, night.CheckIns.Count);
        Assert.Equal([1, 2, 3], night.CheckIns.Select(c => c.Number));
        Assert.Equal(Bedtime + TimeSpan.FromMinutes(5), night.CheckIns[0].At);
        Assert.Equal(TimeSpan.FromMinutes(24), night.TimeToFallAsleep);
    }

    [Fact]
    public void Crying_that_stops_before_the_wait_ends_needs_no_check_in()
    {
        var clock = new FakeTimeProvider(Bedtime);
        var night = new SleepTrainingNight(2, CheckInPlan.Default, clock);
        night.Start(Ready);
        night.CryStarted();
        clock.Advance(TimeSpan.FromMinutes(4));
        night.CryStopped();
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(NightPhase.Settling, night.Advice().Phase);
        Assert.Empty(night.CheckIns);
        Assert.Throws<InvalidOperationException>(night.CheckInDone);
    }

    [Fact]
    public void A_later_waking_restarts_from_the_nights_first_wait()
    {
        var clock = new FakeTimeProvider(Bedtime);
        var night = new SleepTrainingNight(3, CheckInPlan.Default, clock);
        night.Start(Ready);
        night.CryStarted();
        clock.Advance(TimeSpan.FromMinutes(10));
        night.CheckInDone();
        clock.Advance(TimeSpan.FromMinutes(12));
        night.CheckInDone();
        clock.Advance(TimeSpan.FromMinutes(1));
        night.FellAsleep();

        clock.Advance(TimeSpan.FromHours(4));
        night.CryStarted();

        Assert.Equal(2, night.Waking);
        Assert.Equal(TimeSpan.FromMinutes(10), night.Advice().WaitRemaining);
        clock.Advance(TimeSpan.FromMinutes(10));
        night.CheckInDone();
        Assert.Equal(new CheckInRecord(night.CheckIns[^1].At, 1, 2), night.CheckIns[^1]);
        Assert.Equal(TimeSpan.FromMinutes(23), night.TimeToFallAsleep);
    }

    [Fact]
    public void Pausing_for_an_unwell_child_stops_the_timer_and_advises_comfort()
    {
        var clock = new FakeTimeProvider(Bedtime);
        var night = new SleepTrainingNight(1, CheckInPlan.Default, clock);
        night.Start(Ready);
        night.CryStarted();

        night.Pause("she feels warm");

        var advice = night.Advice();
        Assert.Equal(NightPhase.Paused, advice.Phase);
        Assert.Null(advice.GoInAt);
        Assert.Contains("unwell", advice.Text);
    }

    [Fact]
    public void An_edited_plan_is_used_and_bad_plans_are_refused()
    {
        var plan = CheckInPlan.FromMinutes([2, 4]);

        Assert.Equal(TimeSpan.FromMinutes(4), plan.WaitBefore(9, 5));
        Assert.Throws<ArgumentException>(() => CheckInPlan.FromMinutes([0, 5]));
        Assert.Throws<ArgumentException>(() => CheckInPlan.FromMinutes());
    }

    [Fact]
    public void Progress_over_the_week_compares_the_first_and_latest_nights()
    {
        var progress = SleepTrainingProgress.From(
        [
            new NightSummary(2, new DateOnly(2026, 3, 2), TimeSpan.FromMinutes(30), 3, false),
            new NightSummary(1, new DateOnly(2026, 3, 1), TimeSpan.FromMinutes(45), 4, false),
            new NightSummary(3, new DateOnly(2026, 3, 3), null, 1, true),
        ]);

        Assert.Equal(TimeSpan.FromMinutes(45), progress.FirstNightToSleep);
        Assert.Equal(TimeSpan.FromMinutes(30), progress.LatestNightToSleep);
        Assert.Equal(3.5, progress.AverageCheckIns);
        Assert.Contains("45 m on night 1 and 30 m on night 2", progress.Summary);
    }
}
