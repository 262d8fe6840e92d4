using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Households;
using SecureBase.Storage.Households;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Caregivers;

public sealed record CaregiverRequest(string Name, CaregiverRole Role, bool IsBackup = false)
{
    public CaregiverInput ToInput() => new(Name, Role, IsBackup);
}

public sealed record CaregiverResponse(Guid Id, string Name, CaregiverRole Role, bool IsBackup, bool HasAccount)
{
    public static CaregiverResponse From(Caregiver c) => new(c.Id, c.Name, c.Role, c.IsBackup, c.UserId is not null);
}

/// <summary>The people who care for the children: everyone reads, parents add, change roles and remove.</summary>
public static class CaregiversApi
{
    public static RouteGroupBuilder MapCaregiversApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var caregivers = household.MapGroup("/caregivers").WithTags("Caregivers");
        caregivers.MapGet("", async (Actor actor, HouseholdService households, CancellationToken ct) =>
            TypedResults.Ok((await households.ListCaregiversAsync(actor.HouseholdId, ct)).Select(CaregiverResponse.From).ToList()));
        caregivers.MapPost("", async (CaregiverRequest request, Actor actor, HouseholdService households, CancellationToken ct) =>
            Problems.OkOr(await households.AddCaregiverAsync(actor.HouseholdId, request.ToInput(), ct), CaregiverResponse.From))
            .RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        caregivers.MapPut("/{caregiverId:guid}", async (Guid caregiverId, CaregiverRequest request, Actor actor, HouseholdService households, CancellationToken ct) =>
            Problems.OkOr(await households.UpdateCaregiverAsync(actor.HouseholdId, caregiverId, request.ToInput(), ct), CaregiverResponse.From))
            .RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        caregivers.MapDelete("/{caregiverId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid caregiverId, Actor actor, HouseholdService households, Rota.HouseholdRota rotas, CancellationToken ct) =>
        {
            var outcome = await households.RemoveCaregiverAsync(actor.HouseholdId, caregiverId, ct);
            rotas.Invalidate(actor.HouseholdId); // their rota lines went with them
            return outcome.IsOk ? TypedResults.NoContent() : Problems.Failure(outcome);
        }).RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        return household;
    }
}
