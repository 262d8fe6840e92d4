using SecureBase.Care.Households;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Children;

public sealed class ChildrenIndexModel(HouseholdService households) : MemberPageModel
{
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = Clock.GetUtcNow();
        Children = await households.ListChildrenAsync(Household.Id);
    }
}
