using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Guidance.Milestones;

/// <summary>A gentle prompt about a milestone not yet logged. Never a diagnosis.</summary>
public sealed record MilestonePrompt(MilestoneKind Milestone, int AgeDays, string Text);

/// <summary>
/// Watches the two early social milestones. A social smile usually appears from about 3 months and
/// laughter between 3 and 6 months; when one is not logged by about 4 or 7 months, the household is
/// invited to mention it at the next pediatric visit.
/// </summary>
public static class MilestoneWatch
{
    /// <summary>Age (days) from which a missing social smile is mentioned: about 4 months.</summary>
    public const int SocialSmilePromptDays = 122;

    /// <summary>Age (days) from which missing laughter is mentioned: about 7 months.</summary>
    public const int LaughterPromptDays = 213;

    public static IReadOnlyList<MilestonePrompt> Check(Child child, IEnumerable<MilestoneEntry> logged, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(logged);
        var kinds = logged.Where(m => m.ChildId == child.Id).Select(m => m.Kind).ToHashSet();
        var age = today.DayNumber - child.BirthDate.DayNumber;
        var prompts = new List<MilestonePrompt>();
        if (age >= SocialSmilePromptDays && !kinds.Contains(MilestoneKind.SocialSmile))
            prompts.Add(new MilestonePrompt(MilestoneKind.SocialSmile, age,
                $"We haven't seen a first social smile logged for {child.Name} yet. Babies usually start smiling back at a face " +
                "around three months. If you have seen it, log it; if not, it is worth mentioning at the next pediatric visit."));
        if (age >= LaughterPromptDays && !kinds.Contains(MilestoneKind.Laughter))
            prompts.Add(new MilestonePrompt(MilestoneKind.Laughter, age,
                $"No first laugh is logged for {child.Name} yet. Laughter usually comes between three and six months. " +
                "If it hasn't happened, it is worth mentioning at the next pediatric visit."));
        return prompts;
    }
}
