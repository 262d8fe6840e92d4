using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SecureBase.Storage.Households;
using SecureBase.Web.Features.Insights;

namespace SecureBase.Web.Pages.Insights;

/// <summary>The printable weekly report: one child, the seven days ending on <see cref="Date"/> (default today).</summary>
public sealed class InsightsReportModel(HouseholdService households, InsightsService insights, IOptions<InsightsWebOptions> options)
    : InsightsPageModel(households, insights, options)
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public Task<IActionResult> OnGetAsync() => LoadAsync("week", Date, null, null);
}
