using SecureBase.Care.Journal;
using SecureBase.Guidance.Desires;

namespace SecureBase.Guidance.Tests.Desires;

public class DesireDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly Guid Mother = Guid.NewGuid();
    private static readonly Guid Father = Guid.NewGuid();
    private static readonly Guid[] Both = [Mother, Father];

    private static DesireDecision Open(DesireKind kind = DesireKind.SleepInParentsBed) => new() { Kind = kind, OpenedAt = Now, Feasible = true };

    [Fact]
    public void Fulfilled_only_when_feasible_and_every_caregiver_agrees()
    {
        var decision = Open();
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, true, Now);

        Assert.Equal(DesireOutcome.Fulfil, decision.Evaluate(Both).Outcome);
    }

    [Fact]
    public void One_no_means_no_even_when_everyone_else_agrees()
    {
        var decision = Open();
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, false, Now);

        var verdict = decision.Evaluate(Both);

        Assert.Equal(DesireOutcome.DoNotFulfil, verdict.Outcome);
        Assert.Contains(verdict.Reasons, r => r.Contains("one no means no"));
    }

    [Fact]
    public void Pending_while_a_caregiver_has_not_voted()
    {
        var decision = Open();
        decision.Vote(Mother, true, Now);

        var verdict = decision.Evaluate(Both);

        Assert.Equal(DesireOutcome.Pending, verdict.Outcome);
        Assert.Contains(verdict.Reasons, r => r.Contains("one caregiver's vote"));
    }

    [Fact]
    public void Pending_while_feasibility_is_not_answered()
    {
        var decision = new DesireDecision { Kind = DesireKind.RideBeforeSleep, OpenedAt = Now };
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, true, Now);

        Assert.Equal(DesireOutcome.Pending, decision.Evaluate(Both).Outcome);
    }

    [Fact]
    public void Not_feasible_means_no()
    {
        var decision = Open();
        decision.Feasible = false;
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, true, Now);

        Assert.Equal(DesireOutcome.DoNotFulfil, decision.Evaluate(Both).Outcome);
    }

    [Fact]
    public void A_decision_taken_during_frustrated_crying_is_flagged_and_refused()
    {
        var decision = Open(DesireKind.CarriedAllTheTime);
        decision.DuringFrustration = true;
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, true, Now);

        var verdict = decision.Evaluate(Both);

        Assert.Equal(DesireOutcome.DoNotFulfil, verdict.Outcome);
        Assert.Contains(verdict.Reasons, r => r.Contains("frustration"));
    }

    [Fact]
    public void A_reaction_to_a_household_rule_is_refused()
    {
        var decision = Open(DesireKind.FallAsleepInFrontOfTv);
        decision.ReactionToRule = true;
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, true, Now);

        Assert.Equal(DesireOutcome.DoNotFulfil, decision.Evaluate(Both).Outcome);
    }

    [Fact]
    public void Changing_a_vote_replaces_the_earlier_one_so_a_decision_can_be_revisited()
    {
        var decision = Open();
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, false, Now);
        decision.Vote(Father, true, Now.AddDays(7));

        Assert.Equal(2, decision.Votes.Count);
        Assert.Equal(DesireOutcome.Fulfil, decision.Evaluate(Both).Outcome);
    }

    [Fact]
    public void Votes_of_people_who_are_no_longer_caregivers_do_not_count()
    {
        var decision = Open();
        decision.Vote(Mother, true, Now);
        decision.Vote(Father, true, Now);
        decision.Vote(Guid.NewGuid(), false, Now);

        Assert.Equal(DesireOutcome.Fulfil, decision.Evaluate(Both).Outcome);
    }

    [Fact]
    public void Co_sleeping_shows_its_particular_long_term_costs()
    {
        var costs = DesireCosts.For(DesireKind.SleepInParentsBed).Select(c => c.Text).ToList();

        Assert.Contains(costs, c => c.Contains("suffocation"));
        Assert.Contains(costs, c => c.Contains("jealous"));
        Assert.Contains(costs, c => c.Contains("private"));
        Assert.Contains(costs, c => c.Contains("habit"));
        Assert.DoesNotContain(DesireCosts.For(DesireKind.Biting), c => c.Text.Contains("suffocation"));
    }
}
