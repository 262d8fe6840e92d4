using Microsoft.AspNetCore.Mvc;
using SecureBase.Alerts;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Alerts;
using SecureBase.Storage.Households;
using SecureBase.Storage.Journal;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Cries;

/// <summary>
/// One cry episode as the monitor heard it and the caregivers answered it: its stages, and how long each step took
/// from the onset ("on the way after 12 s, with her after 40 s"). The times come from taps, never typed.
/// </summary>
public sealed class CryDetailModel(JournalService journal, HouseholdService households, AlertStore alerts) : MemberPageModel
{
    /// <summary>The stored alert timeline: raised, sent again, made urgent, "I'm going", "I'm with her", closed.</summary>
    public IReadOnlyList<AlertEvent> Timeline { get; private set; } = [];

    public CryEpisodeEntry Cry { get; private set; } = null!;
    public Child? Child { get; private set; }
    public IReadOnlyDictionary<Guid, string> CaregiverNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only this household's entries are looked up, so another household's id is simply not found.
        if (await journal.GetAsync(Household.Id, id, cancellationToken) is not CryEpisodeEntry cry) return NotFound();
        Cry = cry;
        Child = cry.ChildId is { } childId ? await households.GetChildAsync(Household.Id, childId, cancellationToken) : null;
        CaregiverNames = (await households.ListCaregiversAsync(Household.Id, cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        Timeline = await alerts.TimelineAsync(Household.Id, id, cancellationToken);
        return Page();
    }

    public string NameOf(Guid caregiverId) => CaregiverNames.TryGetValue(caregiverId, out var name) ? name : "someone";

    public string Pronoun => Child?.Pronoun ?? "them";

    /// <summary>One line of the alert timeline, in plain words.</summary>
    public string Describe(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var who = e.CaregiverId is { } id ? NameOf(id) : null;
        return e.Kind switch
        {
            AlertEventKind.Raised => e.Detail is null ? "Alert sent" : $"Alert {e.Detail}",
            AlertEventKind.StageChanged => $"The cry changed to {e.Stage?.ToString().ToLowerInvariant() ?? "another stage"}",
            AlertEventKind.Escalated => $"Sent to everyone{(e.Detail is null ? "" : ": " + e.Detail)}",
            AlertEventKind.Repeated => "Sent again",
            AlertEventKind.Acknowledged => $"{who ?? "Someone"}: I'm going",
            AlertEventKind.Arrived => $"{who ?? "Someone"}: I'm with {Pronoun}",
            AlertEventKind.CryEnded => "The crying stopped",
            AlertEventKind.Resolved => who is null ? "Closed" : $"Closed by {who}",
            _ => e.Kind.ToString(),
        };
    }

    /// <summary>How long after the onset, e.g. "12 s" or "2 min 5 s".</summary>
    public string After(DateTimeOffset at) => Span(at - Cry.StartedAt);

    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var seconds = (int)Math.Round(span.TotalSeconds);
        return seconds < 60 ? $"{seconds} s" : seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds / 60} min {seconds % 60} s";
    }
}
