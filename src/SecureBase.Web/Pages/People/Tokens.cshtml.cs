using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Storage.Access;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.People;

/// <summary>
/// Personal API tokens (act as you, for scripts) and device tokens (a nursery monitor for one child; parents only).
/// A token's secret is shown once, when it is created.
/// </summary>
public sealed class TokensModel(TokenService tokens, HouseholdService households) : MemberPageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> CaregiverNames { get; private set; } = new Dictionary<Guid, string>();
    public CreatedToken? Created { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string name, ApiTokenKind kind, Guid? childId)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        if (kind == ApiTokenKind.Device && RefuseUnlessParent() is { } notParent) return notParent;
        var user = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var outcome = await tokens.CreateAsync(Household.Id, kind, name ?? "", Me.Id, user, kind == ApiTokenKind.Device ? childId : null);
        if (outcome.IsOk) Created = outcome.Value;
        else ModelStateErrors.Add(ModelState, outcome, "Token");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var token = await tokens.GetAsync(Household.Id, id);
        if (token is null) return NotFound();
        // Your own personal tokens are yours to revoke; any other token is a parent's call.
        var mine = token.Kind == ApiTokenKind.Personal && token.CaregiverId == Me.Id;
        if (!mine && RefuseUnlessParent() is { } refused) return refused;
        await tokens.RevokeAsync(Household.Id, id);
        TempData["Flash"] = $"\"{token.Name}\" is revoked and stops working now.";
        return RedirectToPage();
    }

    public bool CanRevoke(ApiToken token) => token.RevokedAt is null && (IsParent || (token.Kind == ApiTokenKind.Personal && token.CaregiverId == Me.Id));

    private async Task LoadAsync()
    {
        var all = await tokens.ListAsync(Household.Id);
        // Parents see every token of the household; others see their own.
        Tokens = IsParent ? all : all.Where(t => t.CaregiverId == Me.Id).ToList();
        Children = await households.ListChildrenAsync(Household.Id);
        CaregiverNames = (await households.ListCaregiversAsync(Household.Id)).ToDictionary(c => c.Id, c => c.Name);
    }
}
