using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Alerts;
using SecureBase.Care.Journal;
using SecureBase.Storage.Alerts;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>
/// Stored alerts for the transfer tests, made by the real alert engine on a fake clock and written by the real store:
/// one answered from start to end, and an older one that was acknowledged and never closed.
/// </summary>
internal static class AlertSamples
{
    /// <summary>Stores both alerts in <paramref name="home"/>; <paramref name="answeredId"/> is a cry episode's id; <paramref name="alsoAlerted"/> another caregiver of the household.</summary>
    public static async Task<(Guid Answered, Guid Open)> CreateAsync(AppInstance app, TestHousehold home, Guid answeredId, Guid alsoAlerted)
    {
        // Whole seconds: PostgreSQL keeps microseconds, not .NET's 100 ns ticks.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
        var routing = new AlertRouting([new AlertMember(home.CaregiverId, "Parent", false), new AlertMember(alsoAlerted, "Backup", true)], [], [], TimeZoneInfo.Utc);

        var clock = new FakeTimeProvider(start);
        var answered = new CryAlert(answeredId, home.ChildId, CryStage.Fussing, start, routing, new AlertOptions(), clock);
        clock.Advance(TimeSpan.FromSeconds(40));
        answered.ChangeStage(CryStage.Crying); // rising: escalates to everyone
        clock.Advance(TimeSpan.FromSeconds(10));
        answered.Acknowledge(home.CaregiverId);
        clock.Advance(TimeSpan.FromSeconds(25));
        answered.Arrive(home.CaregiverId);
        clock.Advance(TimeSpan.FromMinutes(3));
        answered.EndCry();
        var endedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(2));
        answered.Resolve(home.CaregiverId);

        var earlier = new FakeTimeProvider(start.AddHours(-3));
        var open = new CryAlert(Guid.NewGuid(), home.ChildId, CryStage.Crying, earlier.GetUtcNow(), routing, new AlertOptions(), earlier);
        earlier.Advance(TimeSpan.FromSeconds(61));
        open.Tick(); // nobody answered within 60 s
        earlier.Advance(TimeSpan.FromSeconds(30));
        open.Acknowledge(alsoAlerted);

        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<AlertStore>();
        await store.SaveAlertAsync(home.Id, answered.State, endedAt);
        await store.SaveAlertAsync(home.Id, open.State, null);
        return (answered.Id, open.Id);
    }
}
