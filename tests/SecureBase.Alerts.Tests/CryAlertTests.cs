using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal;

namespace SecureBase.Alerts.Tests;

public class CryAlertTests
{
    private static readonly DateTimeOffset Evening = new(2026, 3, 2, 19, 0, 0, TimeSpan.Zero); // a Monday
    private static readonly AlertMember Dad = new(Guid.NewGuid(), "Ben", IsBackup: false);
    private static readonly AlertMember Mum = new(Guid.NewGuid(), "Anna", IsBackup: false);
    private static readonly AlertMember Grandma = new(Guid.NewGuid(), "Rosa", IsBackup: true);

    private static AlertRouting Routing(IReadOnlyList<RotaShift>? rota = null, IReadOnlyList<QuietHours>? quiet = null) =>
        new([Dad, Mum, Grandma], rota ?? [], quiet ?? [], TimeZoneInfo.Utc);

    private static CryAlert Raise(FakeTimeProvider clock, AlertRouting? routing = null, CryStage stage = CryStage.Fussing) =>
        new(Guid.NewGuid(), Guid.NewGuid(), stage, clock.GetUtcNow(), routing ?? Routing(), new AlertOptions(), clock);

    [Fact]
    public void Without_a_rota_the_non_backup_caregivers_are_told_first()
    {
        var alert = Raise(new FakeTimeProvider(Evening));

        Assert.Equal([Dad.CaregiverId, Mum.CaregiverId], alert.Recipients);
        Assert.False(alert.IsUrgent);
    }

    [Fact]
    public void No_acknowledgement_within_60_seconds_makes_it_urgent_for_everyone_then_it_repeats()
    {
        var clock = new FakeTimeProvider(Evening);
        var alert = Raise(clock);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(alert.Tick());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(alert.Tick());

        Assert.True(alert.IsUrgent);
        Assert.Contains(Grandma.CaregiverId, alert.Recipients);
        Assert.Equal(AlertEventKind.Escalated, alert.Timeline[^1].Kind);

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(alert.Tick());
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(alert.Tick());
        Assert.Equal(AlertEventKind.Repeated, alert.Timeline[^1].Kind);
    }

    [Fact]
    public void An_acknowledged_alert_never_escalates()
    {
        var clock = new FakeTimeProvider(Evening);
        var alert = Raise(clock);
        clock.Advance(TimeSpan.FromSeconds(20));
        alert.Acknowledge(Dad.CaregiverId);

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(alert.Tick());
        Assert.False(alert.IsUrgent);
        Assert.Null(alert.NextDueAt);
        Assert.Equal(Evening.AddSeconds(20), alert.AcknowledgedAt);
    }

    [Fact]
    public void A_cry_rising_above_its_onset_stage_escalates_at_once()
    {
        var clock = new FakeTimeProvider(Evening);
        var alert = Raise(clock);
        clock.Advance(TimeSpan.FromSeconds(15));

        alert.ChangeStage(CryStage.Crying);

        Assert.True(alert.IsUrgent);
        Assert.Equal(3, alert.Recipients.Count);
        Assert.Equal("the cry rose to crying", alert.Timeline[^1].Detail);
    }

    [Fact]
    public void A_rising_stage_after_someone_is_on_the_way_does_not_escalate()
    {
        var clock = new FakeTimeProvider(Evening);
        var alert = Raise(clock);
        alert.Acknowledge(Mum.CaregiverId);

        alert.ChangeStage(CryStage.Intense);

        Assert.False(alert.IsUrgent);
        Assert.Equal(CryStage.Intense, alert.Stage);
    }

    [Fact]
    public void Arriving_implies_going_and_only_the_first_answer_counts()
    {
        var clock = new FakeTimeProvider(Evening);
        var alert = Raise(clock);
        clock.Advance(TimeSpan.FromSeconds(12));

        Assert.True(alert.Arrive(Mum.CaregiverId));
        Assert.False(alert.Acknowledge(Dad.CaregiverId));

        Assert.Equal(Mum.CaregiverId, alert.AcknowledgedBy);
        Assert.Equal(Evening.AddSeconds(12), alert.ArrivedAt);
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Acknowledged, AlertEventKind.Arrived], alert.Timeline.Select(e => e.Kind));
    }

    [Fact]
    public void Every_change_bumps_the_version_used_as_the_delivery_key()
    {
        var clock = new FakeTimeProvider(Evening);
        var alert = Raise(clock);
        var versions = new List<int> { alert.Version };
        alert.ChangeStage(CryStage.Crying); versions.Add(alert.Version);
        alert.Acknowledge(Dad.CaregiverId); versions.Add(alert.Version);
        alert.EndCry(); versions.Add(alert.Version);
        alert.Resolve(Dad.CaregiverId); versions.Add(alert.Version);

        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Equal(versions.Order(), versions);
        Assert.False(alert.Resolve(Dad.CaregiverId));
    }

    [Fact]
    public void Options_out_of_range_are_refused_up_front()
    {
        var clock = new FakeTimeProvider(Evening);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CryAlert(Guid.NewGuid(), Guid.NewGuid(), CryStage.Fussing, Evening, Routing(), new AlertOptions { AcknowledgeTimeout = TimeSpan.Zero }, clock));
    }
}
