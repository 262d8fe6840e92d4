namespace SecureBase.Alerts.Tests;

public class AlertRoutingTests
{
    private static readonly AlertMember Dad = new(Guid.NewGuid(), "Ben", IsBackup: false);
    private static readonly AlertMember Mum = new(Guid.NewGuid(), "Anna", IsBackup: false);
    private static readonly AlertMember Grandma = new(Guid.NewGuid(), "Rosa", IsBackup: true);
    private static readonly HashSet<DayOfWeek> Weeknights = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero); // 2 March 2026 is a Monday

    [Fact]
    public void The_caregiver_on_the_night_shift_is_woken_first_across_midnight()
    {
        var rota = new[] { new RotaShift(Dad.CaregiverId, Weeknights, new TimeOnly(22, 0), new TimeOnly(6, 0)) };
        var routing = new AlertRouting([Dad, Mum, Grandma], rota, [], TimeZoneInfo.Utc);

        Assert.Equal([Dad.CaregiverId], routing.FirstRecipients(Utc(2, 23)));          // Monday 23:00
        Assert.Equal([Dad.CaregiverId], routing.FirstRecipients(Utc(3, 3)));           // Tuesday 03:00, Monday's shift
        Assert.Equal([Dad.CaregiverId, Mum.CaregiverId], routing.FirstRecipients(Utc(3, 7))); // after the shift
        Assert.Equal([Dad.CaregiverId, Mum.CaregiverId], routing.FirstRecipients(Utc(8, 3))); // Sunday 03:00: Saturday has no shift
    }

    [Fact]
    public void Quiet_hours_keep_a_caregiver_out_of_the_first_round()
    {
        var quiet = new[] { new QuietHours(Mum.CaregiverId, new TimeOnly(21, 0), new TimeOnly(5, 0)) };
        var routing = new AlertRouting([Dad, Mum, Grandma], [], quiet, TimeZoneInfo.Utc);

        Assert.Equal([Dad.CaregiverId], routing.FirstRecipients(Utc(2, 2)));
        Assert.Equal([Dad.CaregiverId, Mum.CaregiverId], routing.FirstRecipients(Utc(2, 12)));
        Assert.Equal(3, routing.EscalatedRecipients().Count);
    }

    [Fact]
    public void When_everyone_is_in_quiet_hours_the_cry_still_reaches_someone()
    {
        var quiet = new[] { new QuietHours(Dad.CaregiverId, new TimeOnly(0, 0), new TimeOnly(6, 0)), new QuietHours(Mum.CaregiverId, new TimeOnly(0, 0), new TimeOnly(6, 0)) };
        var routing = new AlertRouting([Dad, Mum, Grandma], [], quiet, TimeZoneInfo.Utc);

        Assert.Equal(3, routing.FirstRecipients(Utc(2, 3)).Count);
    }

    [Fact]
    public void The_rota_is_read_in_the_households_time_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus3", TimeSpan.FromHours(3), "UTC+3", "UTC+3");
        var rota = new[] { new RotaShift(Mum.CaregiverId, new HashSet<DayOfWeek>(), new TimeOnly(22, 0), new TimeOnly(6, 0)) };
        var routing = new AlertRouting([Dad, Mum], rota, [], zone);

        Assert.Equal([Mum.CaregiverId], routing.FirstRecipients(Utc(2, 20)));   // 23:00 local
        Assert.Equal(2, routing.FirstRecipients(Utc(2, 18)).Count);              // 21:00 local
    }
}
