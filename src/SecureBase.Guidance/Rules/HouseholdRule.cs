namespace SecureBase.Guidance.Rules;

/// <summary>A caregiver's agreement to a rule: their name and the date, as the rule book shows it.</summary>
public sealed record RuleAgreement(Guid CaregiverId, string Name, DateTimeOffset At);

/// <summary>
/// A rule of the household's short rule book ("we don't carry her to sleep"). Predictable limits give a child
/// security, so a rule counts only once every caregiver has agreed to it; entries may be marked as against it.
/// </summary>
public sealed class HouseholdRule
{
    private readonly List<RuleAgreement> _agreements = [];

    public HouseholdRule(Guid id, string text, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Length > 500) throw new ArgumentException("Please keep a rule under 500 characters.", nameof(text));
        Id = id;
        Text = text.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; }
    public string Text { get; }
    public DateTimeOffset CreatedAt { get; }
    public IReadOnlyList<RuleAgreement> Agreements => _agreements;

    /// <summary>Records a caregiver's agreement; agreeing twice keeps the first date.</summary>
    public void Agree(Guid caregiverId, string name, DateTimeOffset at)
    {
        if (_agreements.Exists(a => a.CaregiverId == caregiverId)) return;
        _agreements.Add(new RuleAgreement(caregiverId, name, at));
    }

    /// <summary>True once every given caregiver has agreed.</summary>
    public bool IsAgreedByAll(IEnumerable<Guid> caregivers) => caregivers.All(id => _agreements.Exists(a => a.CaregiverId == id));
}
