using SecureBase.Storage.Hosting;
using SecureBase.Web.Features.Account;
using SecureBase.Web.Features.Caregivers;
using SecureBase.Web.Features.Children;
using SecureBase.Web.Features.Entries;
using SecureBase.Web.Features.Guidance;
using SecureBase.Web.Features.Households;
using SecureBase.Web.Features.Insights;
using SecureBase.Web.Features.Invitations;
using SecureBase.Web.Features.Monitor;
using SecureBase.Web.Features.Rota;
using SecureBase.Web.Features.Timers;
using SecureBase.Web.Features.Tokens;
using SecureBase.Web.Features.Transfer;
using SecureBase.Web.Hosting;
using SecureBase.Web.Security;

// The SecureBase web app: the JSON API under /api, the Razor Pages UI, and their shared storage.
var builder = WebApplication.CreateBuilder(ConfigurationReload.Apply(DemoSwitch.Apply(args, out var demoConfiguration)));
builder.Configuration.AddInMemoryCollection(demoConfiguration);

builder.Services.AddSecureBaseStorage(builder.Configuration);
builder.Services.AddSecureBaseSecurity();
builder.Services.AddSecureBaseApi();
builder.Services.AddSecureBaseMonitoring(builder.Configuration);
builder.Services.AddSecureBaseInsights();
builder.Services.AddSecureBaseGuidance();
builder.Services.AddRazorPages();
builder.Services.AddHostedService<SecureBase.Web.Features.Transfer.JournalWarmUp>();

var app = builder.Build();
await app.Services.InitializeSecureBaseDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi().AllowAnonymous();

var api = app.MapGroup("/api");
api.MapAccountApi();
api.MapHouseholdsApi();
api.MapInvitationAcceptApi();

var household = api.MapGroup("/households/{householdId:guid}").RequireHouseholdMember();
household.MapHouseholdApi();
household.MapChildrenApi();
household.MapCaregiversApi();
household.MapInvitationsApi();
household.MapTokensApi();
household.MapEntriesApi();
household.MapTimersApi();
household.MapTransferApi();
household.MapMonitorApi();
household.MapInsightsApi();
household.MapGuidanceApi();
household.MapRotaApi();

app.MapSecureBaseLive();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The app's entry point; public so integration tests can host it.</summary>
public partial class Program;
