using SecureBase.Care.Journal;

namespace SecureBase.Guidance.Desires;

/// <summary>A long-term cost of fulfilling a desire, in plain words.</summary>
public sealed record DesireCost(string Text);

/// <summary>What fulfilling each known desire tends to cost later, so the household decides with open eyes.</summary>
public static class DesireCosts
{
    private static readonly DesireCost Habit = new(
        "Babies get used quickly to what we offer: fulfilling a desire even once can start a habit that is hard to undo, and it often opens the way to the next one.");

    public static IReadOnlyList<DesireCost> For(DesireKind kind) => kind switch
    {
        DesireKind.SleepInParentsBed =>
        [
            Habit,
            new("Sharing the parents' bed carries a risk of suffocation for a baby."),
            new("A younger or older sibling may feel jealous of the place in the parents' bed."),
            new("The couple loses a private space of its own, possibly for years."),
        ],
        DesireKind.RideBeforeSleep => [Habit, new("Falling asleep may come to need a ride every time, at any hour.")],
        DesireKind.FallAsleepInFrontOfTv => [Habit, new("Falling asleep may come to need the screen on.")],
        DesireKind.CarriedAllTheTime => [Habit, new("Being put down may become hard to accept, and carrying all day is tiring for the caregivers.")],
        DesireKind.RefuseFoodInHighChair => [Habit, new("Meals may move away from the table and become harder to keep regular.")],
        DesireKind.Biting => [Habit, new("A bite that gets what it wants is likely to be tried again.")],
        _ => [Habit],
    };
}
