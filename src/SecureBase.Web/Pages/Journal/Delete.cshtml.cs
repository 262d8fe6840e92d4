using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Journal;
using SecureBase.Storage;
using SecureBase.Storage.Journal;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Journal;

/// <summary>Asks before deleting an entry; the journal service keeps the deleted entry in the audit trail.</summary>
public sealed class JournalDeleteModel(JournalService journal) : MemberPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public JournalEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var entry = await journal.GetAsync(Household.Id, Id);
        if (entry is null) return NotFound();
        Entry = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var result = await journal.DeleteAsync(Household.Id, Id, new ChangeAuthor(Me.Id));
        TempData["Flash"] = WriteOutcome.Message(result, "");
        return RedirectToPage("Index");
    }
}
