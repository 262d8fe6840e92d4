using SecureBase.Care.Journal;

namespace SecureBase.Guidance.Milestones;

/// <summary>An idea for a moment of connection today, and the journal kind to log it as in one tap.</summary>
public sealed record ConnectionIdea(ConnectionKind Kind, string Text);

/// <summary>
/// Age-appropriate ideas for connection moments. Imitation is how babies learn most in their first
/// eighteen months, so the ideas lean on face-to-face smiling, echoing sounds and following the gaze.
/// </summary>
public static class ConnectionIdeas
{
    private static readonly ConnectionIdea[] Newborn =
    [
        new(ConnectionKind.GazeImitation, "Hold your face about 30 cm from theirs and let them study it; follow where their eyes go."),
        new(ConnectionKind.VocalImitation, "When they coo or sigh, answer with the same sound and wait for their turn."),
        new(ConnectionKind.SmileExchange, "Smile slowly, face to face, and give them time to answer."),
    ];

    private static readonly ConnectionIdea[] Infant =
    [
        new(ConnectionKind.SmileExchange, "Face to face, smile and pause: a smile that waits for theirs is a conversation."),
        new(ConnectionKind.VocalImitation, "Copy their babbling back to them as they make it, then add one new sound."),
        new(ConnectionKind.GazeImitation, "Look where they look and name it; copy their eye movements and see if they copy yours."),
        new(ConnectionKind.Play, "Peekaboo: a few rounds, stopping when they look away."),
    ];

    private static readonly ConnectionIdea[] Toddler =
    [
        new(ConnectionKind.Play, "Copy what they do with a toy, then take turns."),
        new(ConnectionKind.Reading, "Share a picture book and point at what they point at."),
        new(ConnectionKind.VocalImitation, "Repeat their words back and add one: 'Ball!' — 'A red ball!'"),
        new(ConnectionKind.GazeImitation, "Follow their gaze and talk about what caught their eye."),
    ];

    /// <summary>Two ideas for the day, rotating daily so they don't repeat every morning.</summary>
    public static IReadOnlyList<ConnectionIdea> ForToday(DateOnly birthDate, DateOnly today)
    {
        var age = today.DayNumber - birthDate.DayNumber;
        var pool = age < 60 ? Newborn : age < 540 ? Infant : Toddler;
        var first = today.DayNumber % pool.Length;
        return [pool[first], pool[(first + 1) % pool.Length]];
    }
}
