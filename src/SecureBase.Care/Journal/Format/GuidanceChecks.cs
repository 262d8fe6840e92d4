namespace SecureBase.Care.Journal.Format;

/// <summary>
/// The rules of the journal's guidance section: unique ids, references to the document's children, caregivers,
/// plans and cry entries, known enum values, plan waits of 1–60 minutes, night events in time order, and list sizes.
/// Used by the document reader and by the storage import.
/// </summary>
public static class GuidanceChecks
{
    /// <summary>Longest rule text or desire description, in characters.</summary>
    public const int MaxTextLength = 500;
    /// <summary>Most items of one kind (rules, decisions, plans, nights) in one document.</summary>
    public const int MaxItems = 5000;
    /// <summary>Most items in one list inside an item (votes, agreements, events, linked cries, plan nights).</summary>
    public const int MaxListLength = 500;

    /// <summary>Every problem, with the path of its field ("guidance.rules[2].text").</summary>
    public static IReadOnlyList<ValidationError> Validate(JournalGuidance guidance, IReadOnlySet<Guid> children, IReadOnlySet<Guid> caregivers, IReadOnlySet<Guid> entries)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(caregivers);
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<ValidationError>();
        void Fail(string field, string message) => errors.Add(new ValidationError(field, message));
        if (guidance.Rules is null || guidance.DesireDecisions is null || guidance.SleepTrainingPlans is null || guidance.SleepTrainingNights is null)
        {
            Fail("guidance", "Each guidance list must be a list ([ … ]), possibly empty.");
            return errors;
        }
        foreach (var (name, count) in new[] { ("rules", guidance.Rules.Count), ("desireDecisions", guidance.DesireDecisions.Count), ("sleepTrainingPlans", guidance.SleepTrainingPlans.Count), ("sleepTrainingNights", guidance.SleepTrainingNights.Count) })
            if (count > MaxItems) Fail($"guidance.{name}", $"At most {MaxItems:N0} items are accepted.");
        if (errors.Count > 0) return errors;

        var ids = new HashSet<Guid>();
        for (var i = 0; i < guidance.Rules.Count; i++)
        {
            var at = $"guidance.rules[{i}]";
            var rule = guidance.Rules[i];
            if (rule is null) { Fail(at, "This item is empty (null)."); continue; }
            Id($"{at}.id", rule.Id);
            Text($"{at}.text", rule.Text, required: true);
            Caregiver($"{at}.createdBy", rule.CreatedBy);
            if (List($"{at}.agreements", rule.Agreements) is { } agreements)
            {
                var who = new HashSet<Guid>();
                for (var j = 0; j < agreements.Count; j++)
                {
                    var agreement = agreements[j];
                    if (agreement is null) { Fail($"{at}.agreements[{j}]", "This item is empty (null)."); continue; }
                    Caregiver($"{at}.agreements[{j}].caregiverId", agreement.CaregiverId);
                    if (!who.Add(agreement.CaregiverId)) Fail($"{at}.agreements[{j}].caregiverId", "This caregiver already agreed to the rule.");
                    if (string.IsNullOrWhiteSpace(agreement.Name) || agreement.Name.Length > 200) Fail($"{at}.agreements[{j}].name", "Give the name the caregiver agreed under (1–200 characters).");
                }
            }
        }
        for (var i = 0; i < guidance.DesireDecisions.Count; i++)
        {
            var at = $"guidance.desireDecisions[{i}]";
            var decision = guidance.DesireDecisions[i];
            if (decision is null) { Fail(at, "This item is empty (null)."); continue; }
            Id($"{at}.id", decision.Id);
            if (!children.Contains(decision.ChildId)) Fail($"{at}.childId", "This child is not in the file.");
            if (!Enum.IsDefined(decision.Kind)) Fail($"{at}.kind", "Unknown desire.");
            if (!Enum.IsDefined(decision.Outcome)) Fail($"{at}.outcome", "Unknown outcome.");
            Text($"{at}.description", decision.Description, required: decision.Kind == DesireKind.Custom);
            Caregiver($"{at}.openedBy", decision.OpenedBy);
            if (decision.Outcome != DesireOutcome.Pending && decision.DecidedAt is null) Fail($"{at}.decidedAt", "A decided outcome needs the date it was decided.");
            if (decision.DecidedAt is { } decided && decided < decision.OpenedAt) Fail($"{at}.decidedAt", "The decision cannot come before the question was opened.");
            if (List($"{at}.votes", decision.Votes) is { } votes)
            {
                var who = new HashSet<Guid>();
                for (var j = 0; j < votes.Count; j++)
                {
                    if (votes[j] is null) { Fail($"{at}.votes[{j}]", "This item is empty (null)."); continue; }
                    Caregiver($"{at}.votes[{j}].caregiverId", votes[j].CaregiverId);
                    if (!who.Add(votes[j].CaregiverId)) Fail($"{at}.votes[{j}].caregiverId", "Each caregiver votes once.");
                }
            }
        }
        var plans = new HashSet<Guid>();
        for (var i = 0; i < guidance.SleepTrainingPlans.Count; i++)
        {
            var at = $"guidance.sleepTrainingPlans[{i}]";
            var plan = guidance.SleepTrainingPlans[i];
            if (plan is null) { Fail(at, "This item is empty (null)."); continue; }
            if (Id($"{at}.id", plan.Id)) plans.Add(plan.Id);
            if (!children.Contains(plan.ChildId)) Fail($"{at}.childId", "This child is not in the file.");
            var waits = List($"{at}.waitMinutes", plan.WaitMinutes);
            if (waits is { Count: 0 }) Fail($"{at}.waitMinutes", "A plan needs at least one night of waits.");
            for (var n = 0; waits is not null && n < waits.Count; n++)
            {
                if (waits[n] is not { Count: > 0 and <= 20 } night) Fail($"{at}.waitMinutes[{n}]", "Each night needs 1 to 20 waits.");
                else if (night.Exists(m => m is < 1 or > 60)) Fail($"{at}.waitMinutes[{n}]", "Waits are whole minutes between 1 and 60.");
            }
        }
        var nights = new HashSet<(Guid, int)>();
        for (var i = 0; i < guidance.SleepTrainingNights.Count; i++)
        {
            var at = $"guidance.sleepTrainingNights[{i}]";
            var night = guidance.SleepTrainingNights[i];
            if (night is null) { Fail(at, "This item is empty (null)."); continue; }
            Id($"{at}.id", night.Id);
            if (!plans.Contains(night.PlanId)) Fail($"{at}.planId", "This plan is not in the file.");
            if (night.NightNumber is < 1 or > 1000) Fail($"{at}.nightNumber", "Nights count from 1.");
            else if (!nights.Add((night.PlanId, night.NightNumber))) Fail($"{at}.nightNumber", "The plan already has a night with this number.");
            if (night.Checklist is null) Fail($"{at}.checklist", "The bedtime checklist is missing.");
            if (List($"{at}.events", night.Events) is { } events)
            {
                if (events.Count == 0 || events[0]?.Kind != NightEventKind.PutDown) Fail($"{at}.events", "A night starts with putDown.");
                for (var j = 0; j < events.Count; j++)
                {
                    if (events[j] is not { } e) { Fail($"{at}.events[{j}]", "This item is empty (null)."); continue; }
                    if (!Enum.IsDefined(e.Kind)) Fail($"{at}.events[{j}].kind", "Unknown night event.");
                    if (j > 0 && events[j - 1] is { } previous && e.At < previous.At) Fail($"{at}.events[{j}].at", "Events are listed in time order.");
                    if (e.Note is { Length: > MaxTextLength }) Fail($"{at}.events[{j}].note", $"Please keep it under {MaxTextLength} characters.");
                }
            }
            if (List($"{at}.cryEpisodeIds", night.CryEpisodeIds) is { } cries)
                for (var j = 0; j < cries.Count; j++)
                    if (!entries.Contains(cries[j])) Fail($"{at}.cryEpisodeIds[{j}]", "This cry episode is not among the file's entries.");
        }
        return errors;

        bool Id(string field, Guid id)
        {
            if (id == Guid.Empty) { Fail(field, "Every item needs an id (a GUID)."); return false; }
            if (!ids.Add(id)) { Fail(field, "Another guidance item already has this id."); return false; }
            return true;
        }
        void Caregiver(string field, Guid id)
        {
            if (!caregivers.Contains(id)) Fail(field, "This caregiver is not in the file.");
        }
        void Text(string field, string? text, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(text)) Fail(field, "This text is required.");
            else if (text is { Length: > MaxTextLength }) Fail(field, $"Please keep it under {MaxTextLength} characters.");
        }
        List<T>? List<T>(string field, List<T>? list)
        {
            if (list is null) { Fail(field, "Expected a list ([ … ])."); return null; }
            if (list.Count > MaxListLength) { Fail(field, $"At most {MaxListLength} items are accepted here."); return null; }
            return list;
        }
    }
}
