using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecureBase.Care.Households;
using SecureBase.Storage.Households;

namespace SecureBase.Web.Pages.Shared;

/// <summary>
/// Base of every page a household member sees: finds the signed-in user's caregiver record and household
/// before any handler runs, so handlers never touch another household's data.
/// </summary>
[Authorize]
public abstract class MemberPageModel : PageModel
{
    /// <summary>The signed-in caregiver.</summary>
    public Caregiver Me { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public bool CanLog => Me.Role != CaregiverRole.Viewer;

    public bool IsParent => Me.Role == CaregiverRole.Parent;

    protected TimeProvider Clock => HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>The household's local time zone, for "today" and the times shown.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var households = HttpContext.RequestServices.GetRequiredService<HouseholdService>();
        // A person in several households sees the first by name (the UI has no household switcher yet).
        var memberships = userId is null ? [] : await households.MembershipsAsync(userId);
        var membership = memberships.Count > 0 ? memberships[0] : null;
        if (membership is null)
        {
            // Nobody here yet: first run. Otherwise (signed out, or no longer a member) start again from sign-in.
            context.Result = await households.AnyHouseholdAsync()
                ? new RedirectToPageResult("/Account/SignIn", new { returnUrl = Request.Path + Request.QueryString })
                : new RedirectToPageResult("/Setup");
            return;
        }
        Me = membership.Caregiver;
        Household = membership.Household;
        Zone = FindZone(Household.TimeZone);
        await next();
    }

    /// <summary>The household's local time of an instant.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>Start of the household's local day containing <paramref name="at"/>, as an instant.</summary>
    protected DateTimeOffset StartOfLocalDay(DateTimeOffset at)
    {
        var local = Local(at);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>Refuses a change from a read-only member, kindly; returns null when allowed.</summary>
    protected IActionResult? RefuseUnlessCanLog() =>
        CanLog ? null : Refuse("You can read everything here; only parents and caregivers can change it.");

    /// <summary>Refuses a household change from anyone but a parent, kindly; returns null when allowed.</summary>
    protected IActionResult? RefuseUnlessParent() =>
        IsParent ? null : Refuse("Only a parent of the household can change this.");

    // A 403 would send the browser to the sign-in page (the cookie's access-denied path); say why instead.
    private RedirectResult Refuse(string message)
    {
        TempData["Flash"] = message;
        return Redirect("/");
    }

    internal static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
