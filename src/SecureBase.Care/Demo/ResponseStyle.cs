using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>How a caregiver tends to answer a cry, as ranges and probabilities the demo draws from.</summary>
/// <param name="AckSeconds">Onset to "I'm going", seconds.</param>
/// <param name="ArriveSeconds">"I'm going" to "I'm with her", seconds.</param>
/// <param name="Talk">Chance they talk to the baby.</param>
/// <param name="EyeContact">Chance of eye contact.</param>
/// <param name="Warm">Chance of a smile or warm tone.</param>
/// <param name="States">Their state while answering, with weights.</param>
/// <param name="FirstGuessRight">Chance the first action is the one that resolves the cry.</param>
/// <param name="SettleMinutes">Resolving action to settled, minutes.</param>
/// <param name="Colic">A colicky evening: a refused feed first, escalation whatever is done, a long settle.</param>
internal sealed record ResponseStyle(
    (double Min, double Max) AckSeconds,
    (double Min, double Max) ArriveSeconds,
    double Talk, double EyeContact, double Warm,
    (CaregiverState State, double Weight)[] States,
    double FirstGuessRight,
    (double Min, double Max) SettleMinutes,
    bool Colic = false)
{
    public static ResponseStyle Prompt { get; } = new((3, 12), (5, 20), 0.95, 0.9, 0.92,
        [(CaregiverState.Calm, 0.8), (CaregiverState.Tired, 0.2)], 0.8, (1, 5));

    public static ResponseStyle PromptAtNight { get; } = Prompt with { States = [(CaregiverState.Calm, 0.4), (CaregiverState.Tired, 0.6)], EyeContact = 0.7 };

    /// <summary>At once, but under stress: the baby's long colicky settle and a caregiver who needs support.</summary>
    public static ResponseStyle Anxious { get; } = new((2, 6), (4, 10), 0.85, 0.6, 0.45,
        [(CaregiverState.Anxious, 0.4), (CaregiverState.Overwhelmed, 0.35), (CaregiverState.Stressed, 0.25)], 0, (20, 45), Colic: true);

    public static ResponseStyle Free { get; } = new((8, 30), (15, 50), 0.75, 0.7, 0.75,
        [(CaregiverState.Calm, 0.6), (CaregiverState.Tired, 0.4)], 0.65, (2, 7));

    public static ResponseStyle FreeAtNight { get; } = Free with { States = [(CaregiverState.Calm, 0.3), (CaregiverState.Tired, 0.7)] };

    /// <summary>Answered late, after the cry escalated, with little talk or eye contact.</summary>
    public static ResponseStyle Busy { get; } = new((60, 200), (90, 240), 0.25, 0.2, 0.15,
        [(CaregiverState.Stressed, 0.55), (CaregiverState.Tired, 0.35), (CaregiverState.Angry, 0.1)], 0.35, (6, 15));

    public static ResponseStyle Gentle { get; } = new((15, 40), (30, 70), 0.95, 0.9, 0.95,
        [(CaregiverState.Calm, 0.9), (CaregiverState.Tired, 0.1)], 0.7, (2, 6));
}
