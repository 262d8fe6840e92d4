using SecureBase.Care.Journal;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>The desires and outcomes in plain words.</summary>
public static class DesireWords
{
    public static IReadOnlyList<DesireKind> Kinds { get; } =
        [DesireKind.RideBeforeSleep, DesireKind.SleepInParentsBed, DesireKind.RefuseFoodInHighChair, DesireKind.FallAsleepInFrontOfTv, DesireKind.CarriedAllTheTime, DesireKind.Biting, DesireKind.Custom];

    public static string Of(DesireKind kind, string? description = null) => kind switch
    {
        DesireKind.RideBeforeSleep => "A ride before sleep",
        DesireKind.SleepInParentsBed => "Sleeping in our bed",
        DesireKind.RefuseFoodInHighChair => "Not eating in the high chair",
        DesireKind.FallAsleepInFrontOfTv => "Falling asleep in front of the TV",
        DesireKind.CarriedAllTheTime => "Being carried all the time",
        DesireKind.Biting => "Biting",
        _ => string.IsNullOrWhiteSpace(description) ? "Something else" : description,
    };

    public static string Of(DesireOutcome outcome) => outcome switch
    {
        DesireOutcome.Fulfil => "Yes, we fulfil it",
        DesireOutcome.DoNotFulfil => "No, not for now",
        _ => "Still deciding",
    };
}
