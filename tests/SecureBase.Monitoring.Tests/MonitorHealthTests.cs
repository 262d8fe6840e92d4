namespace SecureBase.Monitoring.Tests;

public class MonitorHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_healthy_monitor_gives_no_warning()
    {
        var status = new MonitorStatus(true, Now.AddHours(-1), Now, Now, Now.AddSeconds(-2), 0.8, false);

        Assert.Empty(MonitorHealth.Check(status, "Nursery phone", Now));
    }

    [Fact]
    public void A_lost_connection_is_reported_with_how_long_ago()
    {
        var status = new MonitorStatus(false, Now.AddHours(-1), Now.AddMinutes(-3), Now.AddMinutes(-3), Now.AddMinutes(-3), 0.8, false);

        var warning = Assert.Single(MonitorHealth.Check(status, "Nursery phone", Now));

        Assert.Equal(MonitorProblem.Disconnected, warning.Problem);
        Assert.Contains("3 min", warning.Text);
    }

    [Fact]
    public void A_connected_monitor_that_stopped_sending_is_reported()
    {
        var status = new MonitorStatus(true, Now.AddHours(-1), Now, Now.AddSeconds(-20), Now.AddSeconds(-20), null, null);

        Assert.Equal(MonitorProblem.NoAudio, Assert.Single(MonitorHealth.Check(status, "Nursery phone", Now)).Problem);
    }

    [Fact]
    public void Only_digital_silence_since_connecting_means_a_muted_microphone()
    {
        var status = new MonitorStatus(true, Now.AddMinutes(-1), Now, Now, LastSoundAt: null, null, null);

        Assert.Equal(MonitorProblem.MicrophoneSilent, Assert.Single(MonitorHealth.Check(status, "Nursery phone", Now)).Problem);
        Assert.Empty(MonitorHealth.Check(status with { ConnectedAt = Now.AddSeconds(-10) }, "Nursery phone", Now));
    }

    [Fact]
    public void Low_battery_is_reported_unless_charging()
    {
        var status = new MonitorStatus(true, Now.AddHours(-1), Now, Now, Now, 0.09, false);

        Assert.Equal(MonitorProblem.BatteryLow, Assert.Single(MonitorHealth.Check(status, "Nursery phone", Now)).Problem);
        Assert.Empty(MonitorHealth.Check(status with { Charging = true }, "Nursery phone", Now));
    }
}
