using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Api;

/// <summary>
/// Base of the API suites. Each suite is abstract over its fixture and has a SQLite and a PostgreSQL subclass,
/// so the same tests run on both databases.
/// </summary>
public abstract class ApiTestBase<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : AppFixture
{
    protected TFixture Fixture { get; } = fixture;

    /// <summary>The fixture's app; skips the test when its database is not available here.</summary>
    protected AppInstance App
    {
        get
        {
            Skip.If(Fixture.SkipReason is not null, Fixture.SkipReason);
            return Fixture.App;
        }
    }

    protected Task<TestHousehold> NewHouseholdAsync() => TestHousehold.CreateAsync(App);

    /// <summary>A time safely in the past, in whole seconds.</summary>
    protected static DateTimeOffset HoursAgo(double hours) =>
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-hours).ToUnixTimeSeconds());
}
