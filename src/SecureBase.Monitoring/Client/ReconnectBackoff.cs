namespace SecureBase.Monitoring.Client;

/// <summary>Exponential backoff between reconnect attempts: the first wait, doubling, capped; reset after a connection succeeds.</summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    /// <param name="initial">The first wait.</param>
    /// <param name="max">The longest wait.</param>
    public ReconnectBackoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _next = initial;
    }

    /// <summary>The wait before the next attempt; each call doubles the following one up to the cap.</summary>
    public TimeSpan Next()
    {
        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, _next.Ticks * 2));
        return wait;
    }

    /// <summary>A connection worked: the next failure waits the first wait again.</summary>
    public void Reset() => _next = _initial;
}
