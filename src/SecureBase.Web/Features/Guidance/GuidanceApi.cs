using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Journal;
using SecureBase.Guidance.SleepTraining;
using SecureBase.Storage;
using SecureBase.Storage.Guidance;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Guidance;

public sealed record RuleRequest(string? Text);

public sealed record DesireRequest(Guid ChildId, DesireKind Kind, string? Description, bool? Feasible, bool DuringFrustration, bool ReactionToRule);

public sealed record DesireAnswersRequest(bool? Feasible, bool DuringFrustration, bool ReactionToRule);

public sealed record VoteRequest(bool Agrees);

public sealed record SleepPlanRequest(IReadOnlyList<IReadOnlyList<int>>? WaitMinutes);

public sealed record NightStartRequest(bool Fed, bool EnoughTimeTogetherToday, bool EmotionalNeedsMet, bool Tired, bool Bathed);

public sealed record NightEventRequest(NightAction Action, string? Reason);

/// <summary>
/// Guidance (SPEC G): today's feeding rhythm, milestone prompts and connection ideas; the household rule book; desire
/// decisions with everyone's vote; the sleep-training coach. Reads for every member, changes for parents and caregivers.
/// </summary>
public static class GuidanceApi
{
    public static RouteGroupBuilder MapGuidanceApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var guidance = household.MapGroup("/guidance").WithTags("Guidance");
        guidance.MapGet("/children/{childId:guid}/today", Today);

        guidance.MapGet("/rules", async (Actor actor, RuleBook rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(actor.HouseholdId, ct)));
        guidance.MapPost("/rules", async (RuleRequest request, Actor actor, RuleBook rules, HouseholdService households, CancellationToken ct) =>
            Problems.OkOr(await rules.AddAsync(actor.HouseholdId, await MeAsync(actor, households, ct), request.Text, ct), r => r));
        guidance.MapPut("/rules/{ruleId:guid}", async (Guid ruleId, RuleRequest request, Actor actor, RuleBook rules, HouseholdService households, CancellationToken ct) =>
            Problems.OkOr(await rules.RewordAsync(actor.HouseholdId, ruleId, await MeAsync(actor, households, ct), request.Text, ct), r => r));
        guidance.MapDelete("/rules/{ruleId:guid}", RemoveRule);
        guidance.MapPost("/rules/{ruleId:guid}/agreements", async (Guid ruleId, Actor actor, RuleBook rules, HouseholdService households, CancellationToken ct) =>
            Problems.OkOr(await rules.AgreeAsync(actor.HouseholdId, ruleId, await MeAsync(actor, households, ct), ct), r => r));

        guidance.MapGet("/desires", async (Actor actor, DesireDecisions desires, CancellationToken ct) => TypedResults.Ok(await desires.ListAsync(actor.HouseholdId, ct)));
        guidance.MapGet("/desires/{decisionId:guid}", async Task<Results<Ok<DesireView>, ProblemHttpResult>> (Guid decisionId, Actor actor, DesireDecisions desires, CancellationToken ct) =>
            await desires.GetAsync(actor.HouseholdId, decisionId, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("There is no such decision in this household."));
        guidance.MapPost("/desires", async (DesireRequest request, Actor actor, DesireDecisions desires, CancellationToken ct) =>
            Problems.OkOr(await desires.OpenAsync(actor.HouseholdId, actor.CaregiverId, request.ChildId, request.Kind, request.Description,
                new DesireAnswers(request.Feasible, request.DuringFrustration, request.ReactionToRule), ct), d => d));
        guidance.MapPut("/desires/{decisionId:guid}", async (Guid decisionId, DesireAnswersRequest request, Actor actor, DesireDecisions desires, CancellationToken ct) =>
            Problems.OkOr(await desires.AnswerAsync(actor.HouseholdId, decisionId, new DesireAnswers(request.Feasible, request.DuringFrustration, request.ReactionToRule), ct), d => d));
        guidance.MapPost("/desires/{decisionId:guid}/votes", async (Guid decisionId, VoteRequest request, Actor actor, DesireDecisions desires, CancellationToken ct) =>
            Problems.OkOr(await desires.VoteAsync(actor.HouseholdId, decisionId, actor.CaregiverId, request.Agrees, ct), d => d));
        guidance.MapPost("/desires/{decisionId:guid}/revisit", async (Guid decisionId, Actor actor, DesireDecisions desires, CancellationToken ct) =>
            Problems.OkOr(await desires.RevisitAsync(actor.HouseholdId, decisionId, ct), d => d));

        guidance.MapGet("/children/{childId:guid}/sleep-plan", async Task<Results<Ok<SleepPlanView>, ProblemHttpResult>> (Guid childId, Actor actor, SleepCoach coach, CancellationToken ct) =>
            await coach.GetPlanAsync(actor.HouseholdId, childId, ct) is { } plan ? TypedResults.Ok(plan) : Problems.NotFound("There is no such child in this household."));
        guidance.MapPut("/children/{childId:guid}/sleep-plan", async (Guid childId, SleepPlanRequest request, Actor actor, SleepCoach coach, CancellationToken ct) =>
            Problems.OkOr(await coach.SavePlanAsync(actor.HouseholdId, childId, request.WaitMinutes, ct), p => p));
        guidance.MapGet("/children/{childId:guid}/sleep-progress", SleepProgress);
        guidance.MapPost("/children/{childId:guid}/nights", async (Guid childId, NightStartRequest request, Actor actor, SleepCoach coach, CancellationToken ct) =>
            Problems.OkOr(await coach.StartNightAsync(actor.HouseholdId, childId,
                new BedtimeChecklist(request.Fed, request.EnoughTimeTogetherToday, request.EmotionalNeedsMet, request.Tired, request.Bathed), ct), n => n));
        guidance.MapGet("/nights/{nightId:guid}", async Task<Results<Ok<NightView>, ProblemHttpResult>> (Guid nightId, Actor actor, SleepCoach coach, CancellationToken ct) =>
            await coach.GetNightAsync(actor.HouseholdId, nightId, ct) is { } night ? TypedResults.Ok(night) : Problems.NotFound("There is no such night in this household."));
        guidance.MapPost("/nights/{nightId:guid}/events", async (Guid nightId, NightEventRequest request, Actor actor, SleepCoach coach, CancellationToken ct) =>
            Problems.OkOr(await coach.RecordAsync(actor.HouseholdId, nightId, request.Action, request.Reason, ct), n => n));
        return household;
    }

    private static async Task<Results<Ok<TodayGuidanceView>, ProblemHttpResult>> Today(
        Guid childId, Actor actor, HouseholdService households, TodayGuidance today, CancellationToken ct)
    {
        var child = await households.GetChildAsync(actor.HouseholdId, childId, ct);
        if (child is null) return Problems.NotFound("There is no such child in this household.");
        var household = await households.GetAsync(actor.HouseholdId, ct);
        return TypedResults.Ok(await today.ForAsync(actor.HouseholdId, child, MemberPageModel.FindZone(household?.TimeZone), ct));
    }

    private static async Task<Results<Ok<SleepTrainingProgress>, ProblemHttpResult>> SleepProgress(
        Guid childId, Actor actor, HouseholdService households, SleepCoach coach, CancellationToken ct)
    {
        var household = await households.GetAsync(actor.HouseholdId, ct);
        return await coach.ProgressAsync(actor.HouseholdId, childId, MemberPageModel.FindZone(household?.TimeZone), ct) is { } progress
            ? TypedResults.Ok(progress)
            : Problems.NotFound("There is no such child in this household.");
    }

    /// <summary>Only a parent takes a rule out of the book: everyone agreed to keep it, so one caregiver alone does not drop it.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveRule(Guid ruleId, Actor actor, RuleBook rules, CancellationToken ct)
    {
        if (!actor.IsParent) return Problems.Forbidden("Only a parent can take a rule out of the book; you can reword it, and everyone agrees again.");
        var outcome = await rules.RemoveAsync(actor.HouseholdId, ruleId, ct);
        return outcome.IsOk ? TypedResults.NoContent() : Problems.Failure(outcome);
    }

    /// <summary>The acting caregiver's record (for the name on an agreement).</summary>
    private static async Task<Care.Households.Caregiver> MeAsync(Actor actor, HouseholdService households, CancellationToken ct) =>
        (await households.ListCaregiversAsync(actor.HouseholdId, ct)).First(c => c.Id == actor.CaregiverId);
}
