using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal;

namespace SecureBase.Alerts.Tests;

/// <summary>An alert rebuilt from its stored state (after a restart) carries on where it stopped.</summary>
public class CryAlertRestoreTests
{
    private static readonly DateTimeOffset Night = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);
    private static readonly AlertMember Dad = new(Guid.NewGuid(), "Ben", IsBackup: false);
    private static readonly AlertMember Grandma = new(Guid.NewGuid(), "Rosa", IsBackup: true);

    private static AlertRouting Routing() => new([Dad, Grandma], [], [], TimeZoneInfo.Utc);

    [Fact]
    public void A_restored_alert_escalates_at_the_original_deadline_and_keeps_its_timeline_and_version()
    {
        var clock = new FakeTimeProvider(Night);
        var alert = new CryAlert(Guid.NewGuid(), Guid.NewGuid(), CryStage.Fussing, Night, Routing(), new AlertOptions(), clock);
        clock.Advance(TimeSpan.FromSeconds(20));
        alert.ChangeStage(CryStage.Fussing); // no change: nothing recorded
        var state = alert.State;

        // The server was down for 30 s; the restored alert still escalates 60 s after it was raised, not after the restart.
        clock.Advance(TimeSpan.FromSeconds(30));
        var restored = CryAlert.Restore(state, Routing(), new AlertOptions(), clock);
        Assert.Equal(alert.Version, restored.Version);
        Assert.Equal([Dad.CaregiverId], restored.Recipients);
        Assert.Equal(Night.AddSeconds(60), restored.NextDueAt);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(restored.Tick());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(restored.Tick());

        Assert.True(restored.IsUrgent);
        Assert.Equal([Dad.CaregiverId, Grandma.CaregiverId], restored.Recipients);
        Assert.Equal(state.Version + 1, restored.Version);
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Escalated], restored.Timeline.Select(e => e.Kind));
        Assert.Equal(state.Timeline[0], restored.Timeline[0]);
    }

    [Fact]
    public void A_restored_acknowledged_alert_does_not_escalate_and_a_second_going_changes_nothing()
    {
        var clock = new FakeTimeProvider(Night);
        var alert = new CryAlert(Guid.NewGuid(), Guid.NewGuid(), CryStage.Crying, Night, Routing(), new AlertOptions(), clock);
        alert.Acknowledge(Dad.CaregiverId);

        var restored = CryAlert.Restore(alert.State, Routing(), new AlertOptions(), clock);
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(restored.Tick());
        Assert.False(restored.Acknowledge(Grandma.CaregiverId));
        Assert.Equal(Dad.CaregiverId, restored.AcknowledgedBy);
        Assert.True(restored.Arrive(Dad.CaregiverId));
        Assert.Equal(AlertStatus.Arrived, restored.Status);
    }
}
