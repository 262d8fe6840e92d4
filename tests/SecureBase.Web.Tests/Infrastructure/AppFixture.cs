namespace SecureBase.Web.Tests.Infrastructure;

/// <summary>
/// One database and one app per test class. The SQLite variant always runs; the PostgreSQL variant runs when
/// SECUREBASE_TEST_POSTGRES names a server where the user may create databases, and is skipped otherwise.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    private readonly List<DatabaseTarget> targets = [];
    private AppInstance? app;

    /// <summary>Why the tests of this fixture cannot run here, or null.</summary>
    public virtual string? SkipReason => null;

    public AppInstance App => app ?? throw new InvalidOperationException(SkipReason ?? "The fixture has not started.");

    /// <summary>A fresh, empty database of the same kind.</summary>
    public abstract Task<DatabaseTarget> NewDatabaseAsync();

    /// <summary>A second, empty instance (its own database), e.g. to restore an export into.</summary>
    public async Task<AppInstance> NewInstanceAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        // A test that asks for its own instance skips, like the others, when this database is not available.
        Skip.If(SkipReason is not null, SkipReason);
        var target = await NewDatabaseAsync();
        targets.Add(target);
        return new AppInstance(target, extra);
    }

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        var target = await NewDatabaseAsync();
        targets.Add(target);
        app = new AppInstance(target);
        _ = app.Server; // start now, so migrations run once per class
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        foreach (var target in targets) await target.DisposeAsync();
    }
}

public sealed class SqliteFixture : AppFixture
{
    public override Task<DatabaseTarget> NewDatabaseAsync() => Task.FromResult<DatabaseTarget>(new SqliteTarget());
}

public sealed class PostgresFixture : AppFixture
{
    public override string? SkipReason => PostgresTarget.ServerConnectionString is null
        ? $"PostgreSQL tests need {PostgresTarget.Variable} set to a connection string of a server where the user may CREATE DATABASE (scripts/test.sh starts one)."
        : null;

    public override async Task<DatabaseTarget> NewDatabaseAsync() => await PostgresTarget.CreateAsync(PostgresTarget.ServerConnectionString!);
}
