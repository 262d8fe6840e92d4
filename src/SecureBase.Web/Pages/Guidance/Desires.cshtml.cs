using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Guidance;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>Every desire decision of the household, newest first, and the form to open a new one.</summary>
public sealed class DesiresModel(DesireDecisions desires, HouseholdService households) : MemberPageModel
{
    public IReadOnlyList<DesireView> Decisions { get; private set; } = [];
    public IReadOnlyList<Child> Children { get; private set; } = [];

    [BindProperty]
    public DesireForm Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var outcome = await desires.OpenAsync(Household.Id, Me.Id, Input.ChildId, Input.Kind, Input.Description,
            new DesireAnswers(Input.Feasible, Input.DuringFrustration, Input.ReactionToRule));
        if (!outcome.IsOk)
        {
            ModelStateErrors.Add(ModelState, outcome);
            await LoadAsync();
            return Page();
        }
        return Redirect($"/Guidance/Desire/{outcome.Value!.Id}");
    }

    private async Task LoadAsync()
    {
        Decisions = await desires.ListAsync(Household.Id);
        Children = await households.ListChildrenAsync(Household.Id);
    }

    public string ChildName(Guid id) => Children.FirstOrDefault(c => c.Id == id)?.Name ?? "";
}

public sealed class DesireForm
{
    public Guid ChildId { get; set; }
    public DesireKind Kind { get; set; }
    public string? Description { get; set; }
    public bool? Feasible { get; set; }
    public bool DuringFrustration { get; set; }
    public bool ReactionToRule { get; set; }
}
