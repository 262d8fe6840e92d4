using SecureBase.Guidance.Rules;

namespace SecureBase.Guidance.Tests.Rules;

public class HouseholdRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rule_counts_once_every_caregiver_agreed_and_keeps_the_first_agreement_date()
    {
        var mother = Guid.NewGuid();
        var father = Guid.NewGuid();
        var rule = new HouseholdRule(Guid.NewGuid(), "  We don't fall asleep in front of the TV.  ", Now);

        rule.Agree(mother, "Anna", Now);
        Assert.False(rule.IsAgreedByAll([mother, father]));
        rule.Agree(father, "Ben", Now.AddDays(1));
        rule.Agree(father, "Ben", Now.AddDays(2));

        Assert.True(rule.IsAgreedByAll([mother, father]));
        Assert.Equal(Now.AddDays(1), rule.Agreements.Single(a => a.CaregiverId == father).At);
        Assert.Equal("We don't fall asleep in front of the TV.", rule.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_rule_is_refused(string text)
    {
        Assert.ThrowsAny<ArgumentException>(() => new HouseholdRule(Guid.NewGuid(), text, Now));
    }
}
