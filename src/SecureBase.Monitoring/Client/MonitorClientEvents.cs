namespace SecureBase.Monitoring.Client;

/// <summary>What the server says about the stream: the last frame it kept, the sound level (dBFS) and the detector's stage.</summary>
public readonly record struct MonitorServerState(uint Sequence, double LevelDbfs, string Stage);

/// <summary>The connection dropped or was closed.</summary>
/// <param name="Reason">The server's close reason, or what went wrong on the network.</param>
/// <param name="Refused">True when the server refused the stream (policy violation, bad request): reconnecting will not help by itself.</param>
/// <param name="RetryIn">The wait before the next attempt; null when the client stops.</param>
public sealed record MonitorDisconnect(string Reason, bool Refused, TimeSpan? RetryIn);
