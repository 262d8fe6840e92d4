namespace SecureBase.Insights;

/// <summary>Whether a pattern is something to keep doing or something worth a look.</summary>
public enum PatternTone { Encouraging, WorthALook }

/// <summary>Ids of the patterns, as they appear in the JSON.</summary>
public static class PatternIds
{
    public const string PromptAttuned = "prompt-attuned";
    public const string Delayed = "delayed";
    public const string InconsistentCaregivers = "inconsistent-caregivers";
    public const string InconsistentSituations = "inconsistent-situations";
    public const string Anxious = "anxious";
    public const string CaregiverDistress = "caregiver-distress";
}

/// <summary>
/// A signal seen in the journal: what was seen (with the figures), and a kind, concrete suggestion.
/// A pattern describes answers, never the family or a person; it is not a diagnosis.
/// </summary>
/// <param name="Id">One of <see cref="PatternIds"/>.</param>
/// <param name="Tone">Encouraging, or worth a look.</param>
/// <param name="Title">A short plain title.</param>
/// <param name="Evidence">The figures that raised it, in plain words.</param>
/// <param name="Suggestion">A kind, concrete next step.</param>
/// <param name="Caregiver">The caregiver whose answers it is about, when it is about one person.</param>
public sealed record Pattern(string Id, PatternTone Tone, string Title, string? Caregiver, string Evidence, string Suggestion);
