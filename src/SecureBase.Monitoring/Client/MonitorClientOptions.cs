namespace SecureBase.Monitoring.Client;

/// <summary>Where and how a <see cref="MonitorClient"/> streams a nursery microphone.</summary>
public sealed record MonitorClientOptions
{
    /// <summary>The server's base address, e.g. <c>http://192.168.1.20:5080</c> (http → ws, https → wss).</summary>
    public required Uri Server { get; init; }

    /// <summary>The household the child belongs to.</summary>
    public required Guid HouseholdId { get; init; }

    /// <summary>The child this monitor listens to.</summary>
    public required Guid ChildId { get; init; }

    /// <summary>A device token's secret, sent as <c>Authorization: Bearer</c>. Null when <see cref="ConfigureSocket"/> authenticates otherwise.</summary>
    public string? Token { get; init; }

    /// <summary>Sample rate of the PCM handed to the client, Hz.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Name the caregivers see for this device.</summary>
    public string DeviceName { get; init; } = "Nursery monitor";

    /// <summary>Audio kept while the server has not confirmed it, seconds; older audio is dropped first. At most <see cref="MonitorProtocol.MaxClientBufferSeconds"/>, which the server accepts as one burst.</summary>
    public double MaxBufferedSeconds { get; init; } = MonitorProtocol.MaxClientBufferSeconds;

    /// <summary>Wait before the first reconnect; it doubles after every failed attempt.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnect attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called on every new socket before it connects (cookies, proxies, TLS options).</summary>
    public Action<System.Net.WebSockets.ClientWebSocketOptions>? ConfigureSocket { get; init; }

    /// <summary>The stream's WebSocket address.</summary>
    public Uri StreamUri()
    {
        var scheme = Server.Scheme == Uri.UriSchemeHttps || Server.Scheme == "wss" ? "wss" : "ws";
        var builder = new UriBuilder(Server) { Scheme = scheme, Port = Server.IsDefaultPort ? -1 : Server.Port };
        builder.Path = builder.Path.TrimEnd('/') + $"/api/households/{HouseholdId}/monitor/stream";
        builder.Query = $"childId={ChildId}&rate={SampleRate}&name={Uri.EscapeDataString(DeviceName)}";
        return builder.Uri;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a setting cannot work.</summary>
    public void Validate()
    {
        if (!MonitorProtocol.SupportedRates.Contains(SampleRate))
            throw new ArgumentException($"The sample rate must be one of {string.Join(", ", MonitorProtocol.SupportedRates)} Hz.", nameof(SampleRate));
        if (MaxBufferedSeconds is <= 0 or > MonitorProtocol.MaxClientBufferSeconds) throw new ArgumentException("Buffer between 0 and 30 seconds of audio.", nameof(MaxBufferedSeconds));
        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff) throw new ArgumentException("The backoff must be positive and its maximum at least the first wait.", nameof(MaxBackoff));
    }
}
