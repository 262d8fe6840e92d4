using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Storage.Alerts;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Rota;

/// <summary>A rota shift: who is on duty, on which days it starts (none = every day), from/to in local "HH:mm".</summary>
public sealed record RotaShiftDto(Guid CaregiverId, IReadOnlyList<DayOfWeek>? Days, string? From, string? To);

/// <summary>Quiet hours of a caregiver, local "HH:mm"; a span over midnight (22:00–06:00) is fine.</summary>
public sealed record QuietHoursDto(Guid CaregiverId, string? From, string? To);

/// <summary>The whole rota of a household: it is read and replaced as one.</summary>
public sealed record RotaDto(IReadOnlyList<RotaShiftDto>? Shifts, IReadOnlyList<QuietHoursDto>? QuietHours)
{
    public static RotaDto From(RotaSettings settings) => new(
        settings.Shifts.Select(s => new RotaShiftDto(s.CaregiverId, s.Days.Order().ToList(), Time(s.From), Time(s.To))).ToList(),
        settings.QuietHours.Select(q => new QuietHoursDto(q.CaregiverId, Time(q.From), Time(q.To))).ToList());

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// Who is woken first: the on-duty rota and quiet hours. Every member reads them; only parents change them.
/// Bad times or someone outside the household are refused with a ProblemDetails naming the line, and change nothing.
/// </summary>
public static class RotaApi
{
    public static RouteGroupBuilder MapRotaApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var rota = household.MapGroup("/rota").WithTags("Rota");
        rota.MapGet("", async (Actor actor, HouseholdRota rotas, CancellationToken ct) =>
            TypedResults.Ok(RotaDto.From(await rotas.GetAsync(actor.HouseholdId, ct))));
        rota.MapPut("", async Task<Results<Ok<RotaDto>, ValidationProblem, ProblemHttpResult>> (RotaDto request, Actor actor, HouseholdRota rotas, CancellationToken ct) =>
        {
            var outcome = await rotas.ReplaceAsync(actor.HouseholdId,
                request.Shifts?.Select(s => new RotaShiftInput(s.CaregiverId, s.Days, s.From, s.To)).ToList(),
                request.QuietHours?.Select(q => new QuietHoursInput(q.CaregiverId, q.From, q.To)).ToList(), ct);
            return Problems.OkOr(outcome, RotaDto.From);
        }).RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        return household;
    }
}
