using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Storage;
using SecureBase.Storage.Access;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.People;

/// <summary>The household's caregivers and their roles, and invitations to join (parents manage both).</summary>
public sealed class PeopleIndexModel(HouseholdService households, InvitationService invitations, Features.Rota.HouseholdRota rotas) : MemberPageModel
{
    public IReadOnlyList<Caregiver> Caregivers { get; private set; } = [];
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>The invitation just created: its link and code are shown this once.</summary>
    public CreatedInvitation? Created { get; private set; }
    public string? CreatedLink { get; private set; }

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [BindProperty]
    public CaregiverForm Add { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var outcome = await invitations.CreateAsync(Household.Id, Invite.Role, Invite.Name, Me.Id);
        if (outcome.IsOk)
        {
            Created = outcome.Value;
            CreatedLink = $"{Request.Scheme}://{Request.Host}{Url.Page("/Invitations/Accept", new { token = Created!.LinkSecret })}";
        }
        else
        {
            ModelStateErrors.Add(ModelState, outcome, nameof(Invite));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeInvitationAsync(Guid id)
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var outcome = await invitations.RevokeAsync(Household.Id, id);
        TempData["Flash"] = outcome.IsOk ? "The invitation was withdrawn." : outcome.Message;
        return RedirectToPage();
    }

    /// <summary>Adds someone without an account, whose care others log (a grandparent, a nanny without a phone).</summary>
    public async Task<IActionResult> OnPostAddAsync()
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var outcome = await households.AddCaregiverAsync(Household.Id, new CaregiverInput(Add.Name, Add.Role, Add.IsBackup));
        if (!outcome.IsOk)
        {
            ModelStateErrors.Add(ModelState, outcome, nameof(Add));
            await LoadAsync();
            return Page();
        }
        TempData["Flash"] = $"{outcome.Value!.Name} was added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, string name, CaregiverRole role, bool isBackup)
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var outcome = await households.UpdateCaregiverAsync(Household.Id, id, new CaregiverInput(name, role, isBackup));
        TempData["Flash"] = outcome.IsOk ? $"{outcome.Value!.Name}: saved." : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (RefuseUnlessParent() is { } refused) return refused;
        var outcome = await households.RemoveCaregiverAsync(Household.Id, id);
        rotas.Invalidate(Household.Id); // their rota lines went with them
        TempData["Flash"] = outcome.IsOk
            ? $"{outcome.Value!.Name} no longer has access. What they logged stays in the journal."
            : outcome.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Now = Clock.GetUtcNow();
        Caregivers = await households.ListCaregiversAsync(Household.Id);
        Invitations = IsParent ? await invitations.ListAsync(Household.Id) : [];
    }
}

public sealed class InviteInput
{
    public CaregiverRole Role { get; set; } = CaregiverRole.Caregiver;

    [StringLength(200)]
    public string? Name { get; set; }
}

/// <summary>Checked by the household service (name required), so other forms on the page are not held up by it.</summary>
public sealed class CaregiverForm
{
    public string Name { get; set; } = "";

    public CaregiverRole Role { get; set; } = CaregiverRole.Caregiver;

    public bool IsBackup { get; set; }
}
