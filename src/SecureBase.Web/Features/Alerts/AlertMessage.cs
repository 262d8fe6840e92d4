using SecureBase.Alerts;
using SecureBase.Care.Journal;

namespace SecureBase.Web.Features.Alerts;

/// <summary>
/// What a caregiver's browser receives for an alert. (Id, Version) is the delivery key: a browser shows each
/// version once, however often it is sent.
/// </summary>
public sealed record AlertMessage(
    Guid Id, int Version, Guid HouseholdId, Guid ChildId, string ChildName, string Pronoun, CryStage Stage, bool Urgent,
    AlertStatus Status, bool CryEnded, DateTimeOffset Onset, string? AcknowledgedBy, string? ArrivedBy, string LikelyNeed,
    IReadOnlyList<LikelyNeedMessage> Needs, string Text);

/// <summary>One ranked guess of the likely need, with its reasons.</summary>
public sealed record LikelyNeedMessage(CareAction Action, string Need, IReadOnlyList<string> Reasons);
