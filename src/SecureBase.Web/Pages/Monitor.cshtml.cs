using SecureBase.Care.Households;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages;

/// <summary>The nursery monitor: an old phone or tablet near the crib listens and streams to the server.</summary>
public sealed class MonitorModel(HouseholdService households) : MemberPageModel
{
    public IReadOnlyList<Child> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Children = await households.ListChildrenAsync(Household.Id, cancellationToken);
}
