using SecureBase.Care.Journal;

namespace SecureBase.Guidance.Desires;

/// <summary>One caregiver's vote, and when it was cast.</summary>
public sealed record DesireVote(Guid CaregiverId, bool Agrees, DateTimeOffset At);

/// <summary>The result of applying the rule, with every reason that applied.</summary>
public sealed record DesireVerdict(DesireOutcome Outcome, IReadOnlyList<string> Reasons);

/// <summary>
/// A household decision about a desire (not a need: needs are always met promptly). The rule: a desire is
/// fulfilled only if it is feasible, every caregiver agrees (one "no" means no), and it is not a reaction to
/// the child's frustration or to a rule the household set. The decision and each vote are kept, so it can be
/// revisited later.
/// </summary>
public sealed class DesireDecision
{
    private readonly List<DesireVote> _votes = [];

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChildId { get; init; }
    public DesireKind Kind { get; init; }
    /// <summary>The household's own words for a custom desire, or a note on a known one.</summary>
    public string? Description { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    /// <summary>Null until someone answers "is it feasible for us?".</summary>
    public bool? Feasible { get; set; }
    /// <summary>The child is crying out of frustration right now: the moment to decide is later.</summary>
    public bool DuringFrustration { get; set; }
    /// <summary>The desire pushes against a rule the household set.</summary>
    public bool ReactionToRule { get; set; }
    public IReadOnlyList<DesireVote> Votes => _votes;

    /// <summary>Records (or changes) a caregiver's vote.</summary>
    public void Vote(Guid caregiverId, bool agrees, DateTimeOffset at)
    {
        _votes.RemoveAll(v => v.CaregiverId == caregiverId);
        _votes.Add(new DesireVote(caregiverId, agrees, at));
    }

    /// <summary>Applies the rule for the household's current caregivers (viewers do not vote). Pure: the caller stores the verdict and its date.</summary>
    public DesireVerdict Evaluate(IReadOnlyCollection<Guid> votingCaregivers)
    {
        ArgumentNullException.ThrowIfNull(votingCaregivers);
        var reasons = new List<string>();
        if (DuringFrustration)
            reasons.Add("This is being decided while the child is crying out of frustration; giving in now teaches that crying gets the desire. Decide again when everyone is calm.");
        if (ReactionToRule)
            reasons.Add("This would bend a rule the household agreed on; predictable limits help a child feel safe.");
        if (Feasible == false)
            reasons.Add("The household said it is not feasible for you.");
        var noes = _votes.Where(v => !v.Agrees && votingCaregivers.Contains(v.CaregiverId)).ToList();
        if (noes.Count > 0)
            reasons.Add(noes.Count == 1 ? "One caregiver said no, and one no means no." : $"{noes.Count} caregivers said no, and one no means no.");

        if (reasons.Count > 0)
            return new DesireVerdict(DesireOutcome.DoNotFulfil, reasons);

        var missing = votingCaregivers.Count(id => !_votes.Exists(v => v.CaregiverId == id));
        if (Feasible is null) reasons.Add("Is it feasible for your household? Not answered yet.");
        if (missing > 0) reasons.Add(missing == 1 ? "Waiting for one caregiver's vote." : $"Waiting for {missing} caregivers' votes.");
        if (reasons.Count > 0) return new DesireVerdict(DesireOutcome.Pending, reasons);

        return new DesireVerdict(DesireOutcome.Fulfil, ["Feasible, and every caregiver agreed."]);
    }
}
