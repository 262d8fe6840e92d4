using SecureBase.Care.Journal;

namespace SecureBase.Insights;

/// <summary>How one caregiver said they felt during the period: in their answers to cries and in check-ins.</summary>
internal sealed record StateReports(Guid CaregiverId, string Name, IReadOnlyList<CaregiverState> States)
{
    public int Distressing => States.Count(IsDistressing);

    /// <summary>Frightened, overwhelmed or angry: the states that call for support for the caregiver.</summary>
    public static bool IsDistressing(CaregiverState state) => state is CaregiverState.Frightened or CaregiverState.Overwhelmed or CaregiverState.Angry;
}
