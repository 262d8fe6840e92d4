using Microsoft.AspNetCore.Mvc;
using SecureBase.Storage.Guidance;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>The journal edit form's "went against a rule" choice; shown only when the household has rules.</summary>
public sealed class RuleMarkViewComponent(RuleBook rules) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid householdId, Guid? selected) =>
        View((await rules.ListAsync(householdId), selected));
}
