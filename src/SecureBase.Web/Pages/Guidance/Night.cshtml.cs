using Microsoft.AspNetCore.Mvc;
using SecureBase.Storage;
using SecureBase.Storage.Guidance;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>Night mode: what to do now, a timer to the next check-in, and one tap for each thing that happens.</summary>
public sealed class NightModel(SleepCoach coach) : MemberPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public NightView Night { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await coach.GetNightAsync(Household.Id, Id) is not { } night) return NotFound();
        Night = night;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(NightAction action, string? reason)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var outcome = await coach.RecordAsync(Household.Id, Id, action, reason);
        if (outcome.Status == OutcomeStatus.NotFound) return NotFound();
        if (!outcome.IsOk) TempData["Flash"] = outcome.Errors.Count > 0 ? outcome.Errors[0].Message : outcome.Message;
        else if (action == NightAction.End) return Redirect($"/Guidance/Sleep?child={outcome.Value!.ChildId}");
        return Redirect($"/Guidance/Night/{Id}");
    }
}
