using Microsoft.AspNetCore.Mvc;
using SecureBase.Storage;
using SecureBase.Storage.Guidance;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>One desire decision: the rule step by step, the long-term costs, everyone's vote, the outcome and its date.</summary>
public sealed class DesireModel(DesireDecisions desires, HouseholdService households) : MemberPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DesireView Decision { get; private set; } = null!;
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync(bool agrees) =>
        await ChangeAsync(() => desires.VoteAsync(Household.Id, Id, Me.Id, agrees), agrees ? "Your yes is noted." : "Your no is noted. One no means no.");

    public async Task<IActionResult> OnPostAnswersAsync(bool? feasible, bool duringFrustration, bool reactionToRule) =>
        await ChangeAsync(() => desires.AnswerAsync(Household.Id, Id, new DesireAnswers(feasible, duringFrustration, reactionToRule)), "Answers saved.");

    public async Task<IActionResult> OnPostRevisitAsync() =>
        await ChangeAsync(() => desires.RevisitAsync(Household.Id, Id), "Opened again: everyone can vote anew.");

    private async Task<IActionResult> ChangeAsync(Func<Task<Outcome<DesireView>>> change, string done)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var outcome = await change();
        if (outcome.Status == OutcomeStatus.NotFound) return NotFound();
        TempData["Flash"] = outcome.IsOk ? done : outcome.Message;
        return Redirect($"/Guidance/Desire/{Id}");
    }

    private async Task<bool> LoadAsync()
    {
        if (await desires.GetAsync(Household.Id, Id) is not { } decision) return false;
        Decision = decision;
        ChildName = (await households.GetChildAsync(Household.Id, decision.ChildId))?.Name ?? "";
        return true;
    }
}
