using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Monitor;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages;

/// <summary>
/// Today: the chosen child's entries of the household's local day, newest first, and the quick-log buttons.
/// Open to anonymous visitors only to send them to first-run setup or to sign-in (see <see cref="MemberPageModel"/>).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(JournalService journal, HouseholdService households, MonitorRegistry monitors) : MemberPageModel
{
    [BindProperty(SupportsGet = true, Name = "child")]
    public Guid? ChildId { get; set; }

    public IReadOnlyList<Child> Children { get; private set; } = [];
    public Child? Current { get; private set; }
    public IReadOnlyList<JournalEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<JournalEntry> RunningTimers { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> CaregiverNames { get; private set; } = new Dictionary<Guid, string>();
    public FeedEntry? LastFeed { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>The household's nursery devices and what a caregiver should know about them (lost, silent, low battery).</summary>
    public IReadOnlyList<MonitorHealthResponse> Monitors { get; private set; } = [];

    public static IReadOnlyList<FeedKind> FeedChoices { get; } =
        [FeedKind.BreastLeft, FeedKind.BreastRight, FeedKind.BottleBreastMilk, FeedKind.Formula, FeedKind.BreastBoth, FeedKind.Solids];

    public static IReadOnlyList<CareAction> CryChoices { get; } =
        [CareAction.Feed, CareAction.Diaper, CareAction.HoldSoothe, CareAction.Burp, CareAction.HelpToSleep, CareAction.Comfort, CareAction.Play, CareAction.Other];

    public async Task<IActionResult> OnGetAsync()
    {
        Now = Clock.GetUtcNow();
        Children = await households.ListChildrenAsync(Household.Id);
        Current = Children.FirstOrDefault(c => c.Id == ChildId) ?? (Children.Count > 0 ? Children[0] : null);
        CaregiverNames = (await households.ListCaregiversAsync(Household.Id)).ToDictionary(c => c.Id, c => c.Name);
        Monitors = MonitorHealthView.For(monitors, Household.Id, Now);
        if (Current is null) return Page();

        var today = await journal.ListAsync(Household.Id, new EntryQuery(ChildId: Current.Id, From: StartOfLocalDay(Now), PageSize: EntryQuery.MaxPageSize));
        Timeline = today.Items;
        RunningTimers = (await journal.ListRunningTimersAsync(Household.Id)).Where(e => e.ChildId == Current.Id).ToList();
        var feeds = await journal.ListAsync(Household.Id, new EntryQuery(ChildId: Current.Id, Type: EntryType.Feed, PageSize: 1));
        LastFeed = feeds.Items.OfType<FeedEntry>().FirstOrDefault();
        return Page();
    }

    public Task<IActionResult> OnPostFeedAsync(Guid entryId, Guid childId, FeedKind kind) =>
        LogAsync(new FeedEntry { Id = entryId, ChildId = childId, Kind = kind, StartedAt = Clock.GetUtcNow(), EndedAt = Clock.GetUtcNow() }, childId);

    public Task<IActionResult> OnPostDiaperAsync(Guid entryId, Guid childId, bool wet, bool solid) =>
        LogAsync(new DiaperEntry { Id = entryId, ChildId = childId, Wet = wet, Solid = solid, StartedAt = Clock.GetUtcNow() }, childId);

    /// <summary>A cry answered by the signed-in caregiver, logged after the fact: one response, resolved by one action.</summary>
    public Task<IActionResult> OnPostCryAsync(Guid entryId, Guid childId, CareAction resolvedBy)
    {
        var now = Clock.GetUtcNow();
        var cry = new CryEpisodeEntry
        {
            Id = entryId,
            ChildId = childId,
            StartedAt = now,
            SettledAt = now,
            Source = CrySource.Manual,
            PeakStage = CryStage.Fussing,
            Responses =
            [
                new CryResponse
                {
                    CaregiverId = Me.Id,
                    ArrivedAt = now,
                    Actions = [new CareActionTaken { Action = resolvedBy, At = now }],
                    ResolvedBy = resolvedBy,
                },
            ],
        };
        return LogAsync(cry, childId);
    }

    public Task<IActionResult> OnPostStartFeedAsync(Guid entryId, Guid childId, FeedKind kind) =>
        LogAsync(new FeedEntry { Id = entryId, ChildId = childId, Kind = kind, StartedAt = Clock.GetUtcNow() }, childId, "feed timer started");

    public Task<IActionResult> OnPostStartSleepAsync(Guid entryId, Guid childId, SleepLocation location) =>
        LogAsync(new SleepEntry { Id = entryId, ChildId = childId, Location = location, StartedAt = Clock.GetUtcNow() }, childId, "sleep timer started");

    public async Task<IActionResult> OnPostStopAsync(Guid entryId, Guid childId)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var result = await journal.StopTimerAsync(Household.Id, entryId, endedAt: null, new ChangeAuthor(Me.Id));
        TempData["Flash"] = result.Status == EntryWriteStatus.Updated && result.Entry is { } entry
            ? $"Stopped: {Words.Describe(entry)}{(Words.Duration(entry) is { } d ? $", {d}" : "")}."
            : WriteOutcome.Message(result, "timer");
        return RedirectToPage(new { child = childId });
    }

    private async Task<IActionResult> LogAsync(JournalEntry entry, Guid childId, string? what = null)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        var result = await journal.CreateAsync(Household.Id, entry, new ChangeAuthor(Me.Id));
        TempData["Flash"] = WriteOutcome.Message(result, what ?? Words.Describe(entry));
        return RedirectToPage(new { child = childId });
    }
}
