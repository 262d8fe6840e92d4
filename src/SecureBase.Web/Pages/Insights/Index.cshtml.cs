using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SecureBase.Storage.Households;
using SecureBase.Web.Features.Insights;

namespace SecureBase.Web.Pages.Insights;

/// <summary>A child's insights over a chosen day, week, month or custom days.</summary>
public sealed class InsightsIndexModel(HouseholdService households, InsightsService insights, IOptions<InsightsWebOptions> options)
    : InsightsPageModel(households, insights, options)
{
    /// <summary>day, week (7 days ending on <see cref="Date"/>), month or custom.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public string Kind => string.IsNullOrWhiteSpace(Period) ? (From is not null || To is not null ? "custom" : "week") : Period.Trim().ToLowerInvariant();

    public Task<IActionResult> OnGetAsync() => LoadAsync(Period, Date, From, To);
}
