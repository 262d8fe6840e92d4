using Microsoft.Extensions.Time.Testing;

namespace SecureBase.Monitoring.Tests.Client;

/// <summary>
/// A fake clock that counts the timers created on it, so a test can wait until the code under test has started its
/// wait before moving the clock. Advancing first is a race: a timer created after the advance starts counting from the
/// new time and never fires when the test expects it to.
/// </summary>
internal sealed class TimerCountingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    /// <summary>How many timers (each <c>Task.Delay</c> on this clock is one) have been created so far.</summary>
    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }

    /// <summary>Waits (polling the real clock, up to <paramref name="patience"/>) until <paramref name="count"/> timers exist.</summary>
    public async Task WaitForTimersAsync(int count, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (TimersCreated < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Expected {count} timers on the fake clock, saw {TimersCreated}.");
            await Task.Delay(5);
        }
    }
}
