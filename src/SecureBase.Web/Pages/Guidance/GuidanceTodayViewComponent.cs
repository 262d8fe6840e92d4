using Microsoft.AspNetCore.Mvc;
using SecureBase.Care.Households;
using SecureBase.Web.Features.Guidance;

namespace SecureBase.Web.Pages.Guidance;

/// <summary>Today's guidance block on the Today page: feed rhythm, milestone prompts, the day's connection ideas.</summary>
public sealed class GuidanceTodayViewComponent(TodayGuidance today) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid householdId, Child child, TimeZoneInfo zone, bool canLog) =>
        View(new GuidanceTodayModel(child, zone, canLog, await today.ForAsync(householdId, child, zone)));
}

public sealed record GuidanceTodayModel(Child Child, TimeZoneInfo Zone, bool CanLog, TodayGuidanceView Guidance)
{
    public string LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
