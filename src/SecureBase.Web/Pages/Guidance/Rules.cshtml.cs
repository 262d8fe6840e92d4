using Microsoft.AspNetCore.Mvc;
using SecureBase.Storage.Guidance;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>The household's rule book: each rule with who agreed and when, and how often an entry went against it.</summary>
public sealed class RulesModel(RuleBook book) : MemberPageModel
{
    public IReadOnlyList<RuleView> Rules { get; private set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    public async Task OnGetAsync() => Rules = await book.ListAsync(Household.Id);

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var outcome = await book.AddAsync(Household.Id, Me, Text);
        if (!outcome.IsOk)
        {
            ModelStateErrors.Add(ModelState, outcome, prefix: "");
            Rules = await book.ListAsync(Household.Id);
            return Page();
        }
        TempData["Flash"] = "Rule added. Everyone else can now agree to it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRewordAsync(Guid ruleId, string? newText)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var outcome = await book.RewordAsync(Household.Id, ruleId, Me, newText);
        TempData["Flash"] = outcome.IsOk
            ? outcome.Value!.AgreedByAll ? "Rule reworded." : "Rule reworded. Everyone else can now agree to the new words."
            : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid ruleId)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        if (!IsParent)
        {
            TempData["Flash"] = "Only a parent can take a rule out of the book; you can reword it, and everyone agrees again.";
            return RedirectToPage();
        }
        var outcome = await book.RemoveAsync(Household.Id, ruleId);
        TempData["Flash"] = outcome.IsOk ? "Rule taken out of the book." : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid ruleId)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var outcome = await book.AgreeAsync(Household.Id, ruleId, Me);
        TempData["Flash"] = outcome.IsOk ? "Thank you: your agreement is noted with today's date." : outcome.Message;
        return RedirectToPage();
    }
}
