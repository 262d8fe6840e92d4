using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests;

/// <summary>One of each guidance item in a household, created through the API (for the isolation walk and the round trip).</summary>
public sealed record GuidanceSamples(Guid RuleId, Guid DecisionId, Guid PlanId, Guid NightId)
{
    public static async Task<GuidanceSamples> CreateAsync(TestHousehold home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var rule = await Json(await home.Client.PostAsJsonAsync(home.Url("/guidance/rules"), new { text = "We don't carry her to sleep" }));
        var decision = await Json(await home.Client.PostAsJsonAsync(home.Url("/guidance/desires"),
            new { childId = home.ChildId, kind = "sleepInParentsBed", feasible = true, duringFrustration = false, reactionToRule = false }));
        await Json(await home.Client.PostAsJsonAsync(home.Url($"/guidance/desires/{decision.GetProperty("id").GetGuid()}/votes"), new { agrees = false }));
        var plan = await Json(await home.Client.PutAsJsonAsync(home.Url($"/guidance/children/{home.ChildId}/sleep-plan"), new { waitMinutes = new[] { new[] { 2, 4 }, new[] { 5, 8, 12 } } }));
        var night = await Json(await home.Client.PostAsJsonAsync(home.Url($"/guidance/children/{home.ChildId}/nights"),
            new { fed = true, enoughTimeTogetherToday = true, emotionalNeedsMet = true, tired = true, bathed = true }));
        var nightId = night.GetProperty("id").GetGuid();
        await Json(await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "cryStarted" }));
        await Json(await home.Client.PostAsJsonAsync(home.Url($"/guidance/nights/{nightId}/events"), new { action = "checkIn" }));
        return new GuidanceSamples(rule.GetProperty("id").GetGuid(), decision.GetProperty("id").GetGuid(), plan.GetProperty("id").GetGuid(), nightId);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        await Expect.Status(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
