using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SecureBase.Insights;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Insights;

/// <summary>A child's insights as JSON: the same document as <c>securebase insights --format json</c>.</summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        household.MapGet("/children/{childId:guid}/insights", Get).WithTags("Insights")
            .WithSummary("Figures, scores and patterns for one child over household-local days from–to (both included; default the last 7 days).");
        return household;
    }

    private static async Task<Results<JsonHttpResult<InsightsResult>, ValidationProblem, ProblemHttpResult>> Get(
        Guid childId, string? from, string? to, Actor actor, InsightsService insights, TimeProvider time, HttpResponse response,
        IOptions<InsightsWebOptions> options, CancellationToken ct)
    {
        if (await insights.ZoneAsync(actor.HouseholdId, ct) is not { } zone) return Problems.NotFound();
        var (period, field, error) = PeriodChoice.Parse("custom", null, from, to, zone, time, options.Value.MaxPeriodDays);
        if (period is null) return Problems.Validation(field!, error!);
        var result = await insights.ComputeAsync(actor.HouseholdId, childId, period, ct);
        if (result is null) return Problems.NotFound("There is no such child in this household.");
        response.Headers["Server-Timing"] = result.Timing.ServerTiming;
        return TypedResults.Json(result.Result, InsightsJson.Options);
    }
}
