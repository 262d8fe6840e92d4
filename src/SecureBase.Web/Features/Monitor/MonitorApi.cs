using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Journal;
using SecureBase.Monitoring;
using SecureBase.Storage.Households;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Alerts;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Monitor;

/// <summary>A nursery device as the caregivers see it.</summary>
public sealed record MonitorHealthResponse(string Name, Guid ChildId, bool Connected, DateTimeOffset? LastAudioAt, double? BatteryLevel, string? Stage, IReadOnlyList<MonitorWarning> Warnings)
{
    /// <summary>The line shown for a device with nothing to warn about (the page and its refresh script both use it).</summary>
    public string ListeningText => $"{Name} is listening.";
}

/// <summary>The caregiver's own answer to a cry, from the alert's response form.</summary>
public sealed record CryResponseRequest(
    IReadOnlyList<CareAction> Actions, CareAction? ResolvedBy, bool Talked, bool EyeContact, bool Warm, CaregiverState? State, string? BusyWith);

public static class MonitorApi
{
    public static RouteGroupBuilder MapMonitorApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        // Browsers open WebSockets over HTTP/2 with an extended CONNECT request (RFC 8441), over HTTP/1.1 with a GET.
        household.MapMethods("/monitor/stream", [HttpMethods.Get, HttpMethods.Connect], Stream)
            .RequireHouseholdAccess(HouseholdAccessLevel.Write).AllowDevices()
            .WithTags("Monitor").WithSummary("WebSocket: a nursery monitor's audio stream (16-bit PCM frames) for one child.");
        household.MapGet("/monitors", Health).WithTags("Monitor");
        household.MapPut("/cries/{entryId:guid}/response", Respond).WithTags("Monitor")
            .WithSummary("Records the signed-in caregiver's response to a cry, and closes its alert.");
        return household;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> Stream(
        HttpContext http, Actor actor, Guid childId, int? rate, string? device, string? name,
        HouseholdService households, MonitorRegistry registry, MonitorEventWriter writer, TimeProvider time, ILoggerFactory logs,
        IHostApplicationLifetime lifetime)
    {
        if (!http.WebSockets.IsWebSocketRequest) return Problems.Validation("connection", "This address takes a WebSocket connection from a nursery monitor.");
        if (actor.IsDevice && actor.DeviceChildId != childId) return Problems.Forbidden("This device token is for another child.");
        if (await households.GetChildAsync(actor.HouseholdId, childId, http.RequestAborted) is null) return Problems.NotFound("There is no such child in this household.");
        var options = new MonitorSessionOptions { SampleRate = rate ?? 16000 };
        try
        {
            options.Validate();
        }
        catch (MonitorProtocolException e)
        {
            return Problems.Validation("rate", e.Message);
        }
        var deviceKey = actor.TokenId?.ToString("N") ?? $"{actor.UserId}:{(string.IsNullOrWhiteSpace(device) ? "browser" : device[..Math.Min(device.Length, 64)])}";
        var deviceName = string.IsNullOrWhiteSpace(name) ? "Nursery monitor" : name.Trim()[..Math.Min(name.Trim().Length, 60)];
        var owner = new MonitorOwner(actor.HouseholdId, childId, actor.CaregiverId, actor.TokenId);
        var monitor = registry.Connect(owner, deviceKey, deviceName, options);
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var stream = new MonitorStream(socket, monitor, writer, time, logs.CreateLogger<MonitorStream>());
            await stream.RunAsync(http.RequestAborted, lifetime.ApplicationStopping);
        }
        finally
        {
            monitor.Disconnected(time.GetUtcNow());
        }
        return TypedResults.Empty;
    }

    private static Ok<List<MonitorHealthResponse>> Health(Actor actor, MonitorRegistry registry, TimeProvider time) =>
        TypedResults.Ok(MonitorHealthView.For(registry, actor.HouseholdId, time.GetUtcNow()));

    private static async Task<Results<Ok<JournalEntry>, ValidationProblem, ProblemHttpResult>> Respond(
        Guid entryId, CryResponseRequest request, Actor actor, JournalService journal, AlertCenter alerts, TimeProvider time, CancellationToken ct)
    {
        if (actor.IsDevice) return Problems.Forbidden("A nursery device cannot log a response.");
        if (request.Actions is null || request.Actions.Count > 20) return Problems.Validation("actions", "List what you did, in order (at most 20 actions).");
        if (await journal.GetAsync(actor.HouseholdId, entryId, ct) is not CryEpisodeEntry entry) return Problems.NotFound("There is no such cry in this household.");
        var now = time.GetUtcNow();
        var response = entry.Responses.FirstOrDefault(r => r.CaregiverId == actor.CaregiverId);
        if (response is null)
        {
            response = new CryResponse { CaregiverId = actor.CaregiverId, AcknowledgedAt = now, ArrivedAt = now };
            entry.Responses.Add(response);
        }
        response.Actions = request.Actions.Select(a => new CareActionTaken { Action = a }).ToList();
        response.ResolvedBy = request.ResolvedBy;
        response.Talked = request.Talked;
        response.EyeContact = request.EyeContact;
        response.Warm = request.Warm;
        response.State = request.State;
        response.BusyWith = string.IsNullOrWhiteSpace(request.BusyWith) ? null : request.BusyWith.Trim();
        if (request.ResolvedBy is not null) entry.SettledAt ??= entry.EndedAt ?? now;
        var result = await journal.UpdateAsync(actor.HouseholdId, entryId, entry, actor.Author, ct);
        if (result.Status != EntryWriteStatus.Updated) return Problems.Validation(result.Errors);
        await alerts.ResolveAsync(entryId, actor.CaregiverId, ct);
        return TypedResults.Ok(result.Entry!);
    }
}
