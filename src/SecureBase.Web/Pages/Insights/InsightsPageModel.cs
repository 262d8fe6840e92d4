using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SecureBase.Care.Households;
using SecureBase.Insights;
using SecureBase.Storage.Households;
using SecureBase.Web.Features.Insights;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Insights;

/// <summary>What the Insights page and the weekly report share: the child, the period, the figures and the charts.</summary>
public abstract class InsightsPageModel(HouseholdService households, InsightsService insights, IOptions<InsightsWebOptions> options) : MemberPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Child { get; set; }

    public IReadOnlyList<Child> Children { get; private set; } = [];

    public Child? SelectedChild { get; private set; }

    public ChildInsights? Insights { get; private set; }

    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public InsightsOptions Thresholds => HttpContext.RequestServices.GetRequiredService<InsightsCalculator>().Options;

    /// <summary>The last local day of the period.</summary>
    public DateOnly LastDay => Insights is { } i ? DateOnly.FromDateTime(Local(i.Result.To.AddTicks(-1)).DateTime) : Today;

    public DateOnly FirstDay => Insights is { } i ? DateOnly.FromDateTime(Local(i.Result.From).DateTime) : Today;

    public DateOnly Today => DateOnly.FromDateTime(Local(Clock.GetUtcNow()).DateTime);

    /// <summary>Picks the child (the first when none or another household's is asked), parses the period, computes.</summary>
    protected async Task<IActionResult> LoadAsync(string? kind, string? date, string? from, string? to)
    {
        Children = await households.ListChildrenAsync(Household.Id);
        SelectedChild = Children.FirstOrDefault(c => c.Id == Child) ?? (Children.Count > 0 ? Children[0] : null);
        if (Child is not null && SelectedChild?.Id != Child) ModelState.AddModelError(nameof(Child), "That child is not in your household; here is the first of yours.");
        if (SelectedChild is null) return Page();
        var (period, field, error) = PeriodChoice.Parse(kind, date, from, to, Zone, Clock, options.Value.MaxPeriodDays);
        if (period is null)
        {
            ModelState.AddModelError(field!, error!);
            return Page();
        }
        Insights = await insights.ComputeAsync(Household.Id, SelectedChild.Id, period);
        if (Insights is not null)
        {
            Charts = InsightsCharts.All(Insights.Series, Zone, Thresholds.TargetConnectionMomentsPerDay);
            Response.Headers["Server-Timing"] = Insights.Timing.ServerTiming;
        }
        return Page();
    }

    /// <summary>"Mon 3 – Sun 9 March 2026" for the period.</summary>
    public string PeriodText => FirstDay == LastDay
        ? LastDay.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : $"{FirstDay.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture)} – {LastDay.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
}
