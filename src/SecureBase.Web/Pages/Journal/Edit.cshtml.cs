using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Storage.Journal;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Journal;

/// <summary>Edits one entry's fields; the change is kept in the audit trail by the journal service.</summary>
public sealed class JournalEditModel(JournalService journal, HouseholdService households) : MemberPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public JournalEntry Entry { get; private set; } = null!;
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public IReadOnlyList<Caregiver> Caregivers { get; private set; } = [];
    public IReadOnlyList<AuditView> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        Input = EntryForm.From(Entry, at => Local(at).DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();

        Input.ApplyTo(Entry, FromLocal, Me.Id);
        var result = await journal.UpdateAsync(Household.Id, Id, Entry, new ChangeAuthor(Me.Id));
        if (result.Status == EntryWriteStatus.NotFound) return NotFound();
        if (!WriteOutcome.Succeeded(result))
        {
            ModelStateErrors.Add(ModelState, result.Errors);
            if (result.Errors.Count == 0) ModelState.AddModelError(string.Empty, WriteOutcome.Message(result, ""));
            return Page();
        }
        TempData["Flash"] = $"Saved: {Words.Describe(result.Entry ?? Entry)}.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync()
    {
        var entry = await journal.GetAsync(Household.Id, Id);
        if (entry is null) return false;
        Entry = entry;
        Children = await households.ListChildrenAsync(Household.Id);
        Caregivers = await households.ListCaregiversAsync(Household.Id);
        History = await journal.GetAuditAsync(Household.Id, Id);
        return true;
    }

    /// <summary>A wall-clock time typed in the household's zone, as an instant.</summary>
    private DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public string NameOf(Guid? caregiverId) =>
        caregiverId is { } id && Caregivers.FirstOrDefault(c => c.Id == id) is { } c ? c.Name : "the system";
}
