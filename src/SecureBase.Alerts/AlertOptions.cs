namespace SecureBase.Alerts;

/// <summary>Escalation settings of a household. Defaults follow the product spec.</summary>
public sealed record AlertOptions
{
    /// <summary>With no "I'm going" within this time, the alert turns urgent and goes to the backups. Default 60 s.</summary>
    public TimeSpan AcknowledgeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an unacknowledged urgent alert is sent again. Default 60 s.</summary>
    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A cry rising above its onset stage makes the alert urgent at once. Default true.</summary>
    public bool EscalateOnRisingStage { get; init; } = true;

    /// <summary>Throws with a clear message when a setting is out of range.</summary>
    public void Validate()
    {
        if (AcknowledgeTimeout < TimeSpan.FromSeconds(10) || AcknowledgeTimeout > TimeSpan.FromMinutes(30))
            throw new ArgumentOutOfRangeException(nameof(AcknowledgeTimeout), AcknowledgeTimeout, "The acknowledgement timeout must be between 10 seconds and 30 minutes.");
        if (RepeatInterval < TimeSpan.FromSeconds(10) || RepeatInterval > TimeSpan.FromMinutes(30))
            throw new ArgumentOutOfRangeException(nameof(RepeatInterval), RepeatInterval, "The repeat interval must be between 10 seconds and 30 minutes.");
    }
}
