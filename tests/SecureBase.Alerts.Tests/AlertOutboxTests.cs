using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal;

namespace SecureBase.Alerts.Tests;

public class AlertOutboxTests
{
    private static readonly AlertMember Dad = new(Guid.NewGuid(), "Ben", IsBackup: false);
    private static readonly AlertMember Grandma = new(Guid.NewGuid(), "Rosa", IsBackup: true);

    [Fact]
    public void An_alert_missed_while_offline_is_pending_until_confirmed_and_a_change_makes_it_pending_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 19, 0, 0, TimeSpan.Zero));
        var routing = new AlertRouting([Dad, Grandma], [], [], TimeZoneInfo.Utc);
        var alert = new CryAlert(Guid.NewGuid(), Guid.NewGuid(), CryStage.Fussing, clock.GetUtcNow(), routing, new AlertOptions(), clock);
        var outbox = new AlertOutbox();

        Assert.Single(outbox.PendingFor(Dad.CaregiverId, [alert]));
        Assert.Empty(outbox.PendingFor(Grandma.CaregiverId, [alert]));

        outbox.Confirm(Dad.CaregiverId, alert.Id, alert.Version);
        outbox.Confirm(Dad.CaregiverId, alert.Id, alert.Version); // a duplicate confirmation changes nothing
        Assert.Empty(outbox.PendingFor(Dad.CaregiverId, [alert]));

        clock.Advance(TimeSpan.FromSeconds(61));
        alert.Tick();

        Assert.Single(outbox.PendingFor(Dad.CaregiverId, [alert]));
        Assert.Single(outbox.PendingFor(Grandma.CaregiverId, [alert]));
        outbox.Confirm(Dad.CaregiverId, alert.Id, alert.Version - 1);
        Assert.Single(outbox.PendingFor(Dad.CaregiverId, [alert]));
    }
}
