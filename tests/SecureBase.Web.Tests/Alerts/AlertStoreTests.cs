using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Alerts;
using SecureBase.Care.Journal;
using SecureBase.Storage.Alerts;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>Alert writes are idempotent: the same state written twice, or an older one late, stores each event once and never goes back.</summary>
public abstract class AlertStoreTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task Writing_the_same_or_an_older_state_again_duplicates_nothing_and_never_goes_back()
    {
        var home = await NewHouseholdAsync();
        // Whole seconds: PostgreSQL keeps microseconds, not .NET's 100 ns ticks.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var routing = new AlertRouting([new AlertMember(home.CaregiverId, "Parent", false)], [], [], TimeZoneInfo.Utc);
        var alert = new CryAlert(Guid.NewGuid(), home.ChildId, CryStage.Fussing, clock.GetUtcNow(), routing, new AlertOptions(), clock);
        var raised = alert.State;
        clock.Advance(TimeSpan.FromSeconds(12));
        alert.Acknowledge(home.CaregiverId);
        var going = alert.State;

        await SaveAsync(home.Id, raised);
        await SaveAsync(home.Id, going);
        await SaveAsync(home.Id, going); // re-delivered after a failure that had in fact succeeded
        await SaveAsync(home.Id, raised); // a late, older write

        await using var scope = App.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<AlertStore>();
        var timeline = await store.TimelineAsync(home.Id, alert.Id);
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Acknowledged], timeline.Select(e => e.Kind));
        Assert.Equal(going.Timeline[1].At, timeline[1].At);
        var open = Assert.Single(await store.OpenAlertsAsync(clock.GetUtcNow().AddHours(-1)), a => a.State.Id == alert.Id);
        Assert.Equal(AlertStatus.Acknowledged, open.State.Status);
        Assert.Equal(going.Version, open.State.Version);
        Assert.Equal(home.CaregiverId, open.State.AcknowledgedBy);
        Assert.Empty(await store.TimelineAsync(Guid.NewGuid(), alert.Id)); // another household sees nothing

        alert.Resolve(home.CaregiverId);
        await SaveAsync(home.Id, alert.State);
        Assert.DoesNotContain(await store.OpenAlertsAsync(clock.GetUtcNow().AddHours(-1)), a => a.State.Id == alert.Id);
    }

    private async Task SaveAsync(Guid householdId, CryAlertState state)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertStore>().SaveAlertAsync(householdId, state, null);
    }
}

public sealed class SqliteAlertStoreTests(SqliteFixture fixture) : AlertStoreTests<SqliteFixture>(fixture);

public sealed class PostgresAlertStoreTests(PostgresFixture fixture) : AlertStoreTests<PostgresFixture>(fixture);
