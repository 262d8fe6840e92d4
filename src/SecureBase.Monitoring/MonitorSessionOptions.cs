namespace SecureBase.Monitoring;

/// <summary>Limits of one monitor connection. Defaults suit a phone streaming 16 kHz in 20–100 ms frames.</summary>
public sealed record MonitorSessionOptions
{
    /// <summary>The rate the monitor said it sends, in Hz; must be one of <see cref="MonitorProtocol.SupportedRates"/>.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Longest frame accepted, in seconds of audio. Default 1 s.</summary>
    public double MaxFrameSeconds { get; init; } = 1.0;

    /// <summary>
    /// How far the audio received may run ahead of the wall clock, in seconds: room for a phone to send what it buffered
    /// during a network drop, but a monitor sending faster than real time for longer is flooding. Default 60 s: twice the
    /// <see cref="MonitorProtocol.MaxClientBufferSeconds"/> a monitor replays on reconnect, so the replay plus the frames
    /// captured while it is sent (and a little clock jitter) never reach the limit.
    /// </summary>
    public double MaxBurstSeconds { get; init; } = 2 * MonitorProtocol.MaxClientBufferSeconds;

    /// <summary>Throws with a clear message when a setting is out of range.</summary>
    public void Validate()
    {
        if (!MonitorProtocol.SupportedRates.Contains(SampleRate))
            throw new MonitorProtocolException($"A sample rate of {SampleRate} Hz is not supported; send one of {string.Join(", ", MonitorProtocol.SupportedRates)} Hz (16000 preferred).");
        if (MaxFrameSeconds is <= 0 or > 10) throw new ArgumentOutOfRangeException(nameof(MaxFrameSeconds), "Must be between 0 and 10 seconds.");
        if (MaxBurstSeconds is < 1 or > 600) throw new ArgumentOutOfRangeException(nameof(MaxBurstSeconds), "Must be between 1 and 600 seconds.");
    }
}

/// <summary>A monitor broke the protocol; the message says how, for the device's log and the caregivers.</summary>
public sealed class MonitorProtocolException : Exception
{
    public MonitorProtocolException(string message) : base(message) { }
    public MonitorProtocolException() { }
    public MonitorProtocolException(string message, Exception inner) : base(message, inner) { }
}
