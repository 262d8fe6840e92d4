using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Storage.Journal;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Journal;

/// <summary>The whole journal, newest first, filtered by child, type and the household's local dates.</summary>
public sealed class JournalIndexModel(JournalService journal, HouseholdService households) : MemberPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public Guid? Child { get; set; }

    [BindProperty(SupportsGet = true)]
    public EntryType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public EntryPage Entries { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> CaregiverNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> ChildNames { get; private set; } = new Dictionary<Guid, string>();
    public int PageCount => Math.Max(1, (Entries.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (From is { } f && To is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
        }
        Children = await households.ListChildrenAsync(Household.Id);
        ChildNames = Children.ToDictionary(c => c.Id, c => c.Name);
        CaregiverNames = (await households.ListCaregiversAsync(Household.Id)).ToDictionary(c => c.Id, c => c.Name);
        if (!ModelState.IsValid) return Page();

        var query = new EntryQuery(
            ChildId: Child,
            From: From is { } from ? StartOf(from) : null,
            To: To is { } to ? StartOf(to.AddDays(1)) : null,
            Type: Type,
            Page: Math.Max(1, PageNumber),
            PageSize: PageSize);
        Entries = await journal.ListAsync(Household.Id, query);
        return Page();
    }

    /// <summary>The instant the household's local day begins.</summary>
    private DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The current filters with another page number, for the pager links.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString() };
        if (Child is { } child) route["child"] = child.ToString();
        if (Type is { } type) route["type"] = type.ToString();
        if (From is { } from) route["from"] = from.ToString("yyyy-MM-dd");
        if (To is { } to) route["to"] = to.ToString("yyyy-MM-dd");
        return route;
    }
}
