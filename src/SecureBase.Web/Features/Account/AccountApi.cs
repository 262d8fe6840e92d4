using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SecureBase.Care.Households;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage;
using SecureBase.Storage.Access;
using SecureBase.Storage.Households;
using SecureBase.Storage.Hosting;
using SecureBase.Web.Hosting;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Account;

public sealed record SetupStatus(bool NeedsSetup, bool SignUpOpen);

public sealed record SignUpRequest(string Email, string Password, string DisplayName, string? HouseholdName, string? TimeZone, string? Invitation);

public sealed record LoginRequest(string Email, string Password, bool RememberMe = true);

public sealed record RestoreRequest(string Email, string Password, Guid? CaregiverId, JsonElement Journal);

public sealed record MembershipResponse(Guid HouseholdId, string HouseholdName, string TimeZone, Guid CaregiverId, CaregiverRole Role);

public sealed record MeResponse(string UserId, string? Email, string DisplayName, IReadOnlyList<MembershipResponse> Households);

public sealed record RestoreResponse(Guid HouseholdId, int Caregivers, int Children, int Entries);

/// <summary>Sign-up (first run, invitation, or open sign-up), restore on first run, login and logout, and who am I.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapGet("/setup", GetSetupStatus).AllowAnonymous();
        account.MapPost("/signup", SignUp).AllowAnonymous().RequireRateLimiting(ApiRegistration.LoginPolicy);
        account.MapPost("/restore", Restore).AllowAnonymous().RequireRateLimiting(ApiRegistration.LoginPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(256L * 1024 * 1024));
        account.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(ApiRegistration.LoginPolicy);
        account.MapPost("/logout", Logout);
        account.MapGet("/me", Me);
        return api;
    }

    private static async Task<Ok<SetupStatus>> GetSetupStatus(AccountService accounts, IOptions<SecureBaseOptions> options, CancellationToken ct) =>
        TypedResults.Ok(new SetupStatus(await accounts.NeedsSetupAsync(ct), options.Value.AllowSignUp));

    private static async Task<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult>> SignUp(
        SignUpRequest request, AccountService accounts, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        var outcome = await accounts.SignUpAsync(new SignUp(request.Email, request.Password, request.DisplayName, request.HouseholdName, request.TimeZone, request.Invitation), ct);
        if (outcome.Status == OutcomeStatus.Invalid) return Problems.Validation(outcome.Errors);
        if (!outcome.IsOk) return Problems.Failure(outcome);
        var (user, membership) = outcome.Value;
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(ToResponse(membership));
    }

    private static async Task<Results<Ok<RestoreResponse>, ValidationProblem, ProblemHttpResult>> Restore(
        RestoreRequest request, AccountService accounts, SignInManager<AppUser> signIn, TimeProvider time, CancellationToken ct)
    {
        var read = JournalDocumentReader.Read(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request.Journal)), new JournalReadOptions { TimeProvider = time });
        if (!read.IsValid) return Problems.Validation(read.Errors.Select(e => e with { Field = "journal." + e.Field }));
        var outcome = await accounts.RestoreAsync(request.Email, request.Password, read.Document!, request.CaregiverId, ct);
        if (outcome.Status == OutcomeStatus.Invalid) return Problems.Validation(outcome.Errors);
        if (!outcome.IsOk) return Problems.Failure(outcome);
        var (user, summary) = outcome.Value;
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(new RestoreResponse(summary.HouseholdId, summary.CaregiversAdded, summary.ChildrenAdded, summary.EntriesAdded));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Login(LoginRequest request, SignInManager<AppUser> signIn)
    {
        var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", request.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.NoContent();
        return result.IsLockedOut
            ? TypedResults.Problem("Too many wrong passwords; the account is locked for a few minutes.", statusCode: StatusCodes.Status429TooManyRequests, title: "Locked for now")
            : TypedResults.Problem("That email and password do not match an account.", statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
    }

    private static async Task<NoContent> Logout(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(ClaimsPrincipal principal, UserManager<AppUser> users, HouseholdService households, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Problems.NotFound("This account no longer exists.");
        var memberships = await households.MembershipsAsync(user.Id, ct);
        var tokenHousehold = principal.FindFirstValue(SecureBaseClaims.TokenHousehold);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email, user.DisplayName,
            memberships.Where(m => tokenHousehold is null || m.Household.Id.ToString() == tokenHousehold).Select(ToResponse).ToList()));
    }

    internal static MembershipResponse ToResponse(Membership m) =>
        new(m.Household.Id, m.Household.Name, m.Household.TimeZone, m.Caregiver.Id, m.Caregiver.Role);
}
