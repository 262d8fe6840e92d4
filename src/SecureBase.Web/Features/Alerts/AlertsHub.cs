using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace SecureBase.Web.Features.Alerts;

/// <summary>
/// The live channel to every signed-in caregiver: alerts arrive here, and "I'm going" / "I'm with her" go back.
/// On (re)connect a browser receives every alert it has not confirmed, so one missed while offline is shown.
/// </summary>
[Authorize]
public sealed class AlertsHub(AlertCenter alerts) : Hub
{
    public const string Path = "/hubs/alerts";

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return;
        foreach (var message in await alerts.PendingForUserAsync(userId, Context.ConnectionAborted))
            await Clients.Caller.SendAsync("alert", message, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>The browser showed this version: stop re-sending it.</summary>
    public Task Confirm(Guid alertId, int version) => alerts.ConfirmAsync(UserId(), alertId, version, Context.ConnectionAborted);

    /// <summary>"I'm going".</summary>
    public Task<bool> Going(Guid alertId) => alerts.AcknowledgeAsync(UserId(), alertId, arrived: false, Context.ConnectionAborted);

    /// <summary>"I'm with her/him".</summary>
    public Task<bool> Arrived(Guid alertId) => alerts.AcknowledgeAsync(UserId(), alertId, arrived: true, Context.ConnectionAborted);

    private string UserId() => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new HubException("Please sign in again.");
}
