using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Journal;
using SecureBase.Storage.Journal;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>The guidance area: decisions, the sleep coach, the rule book; and the one-tap logs from Today's guidance.</summary>
public sealed class GuidanceIndexModel(JournalService journal) : MemberPageModel
{
    public void OnGet()
    {
    }

    /// <summary>"We had this moment": a connection moment of the idea's kind, now.</summary>
    public Task<IActionResult> OnPostConnectionAsync(Guid entryId, Guid childId, ConnectionKind kind) =>
        LogAsync(new ConnectionEntry { Id = entryId, ChildId = childId, Kind = kind, StartedAt = Clock.GetUtcNow() }, childId, "a moment together");

    /// <summary>"We've seen it": the milestone a prompt asked about, logged today.</summary>
    public Task<IActionResult> OnPostMilestoneAsync(Guid entryId, Guid childId, MilestoneKind kind) =>
        LogAsync(new MilestoneEntry { Id = entryId, ChildId = childId, Kind = kind, StartedAt = Clock.GetUtcNow() }, childId, Words.Describe(new MilestoneEntry { Kind = kind }));

    private async Task<IActionResult> LogAsync(JournalEntry entry, Guid childId, string what)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var result = await journal.CreateAsync(Household.Id, entry, new ChangeAuthor(Me.Id));
        TempData["Flash"] = WriteOutcome.Message(result, what);
        return Redirect($"/?child={childId}");
    }
}
