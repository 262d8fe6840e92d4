using Npgsql;

namespace SecureBase.Web.Tests.Infrastructure;

/// <summary>Where one app instance keeps its data: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public abstract class DatabaseTarget : IAsyncDisposable
{
    /// <summary>Settings that point the app at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTarget : DatabaseTarget
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "securebase-tests", Guid.NewGuid().ToString("N"));

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["SecureBase:DataFolder"] = Folder };

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold the file on a slow shutdown; the temp folder is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A database created for one fixture on the server named by SECUREBASE_TEST_POSTGRES, dropped afterwards.</summary>
public sealed class PostgresTarget : DatabaseTarget
{
    public const string Variable = "SECUREBASE_TEST_POSTGRES";

    private readonly string adminConnectionString;

    private PostgresTarget(string adminConnectionString, string connectionString)
    {
        this.adminConnectionString = adminConnectionString;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static async Task<PostgresTarget> CreateAsync(string adminConnectionString)
    {
        var database = "securebase_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database };
        return new PostgresTarget(adminConnectionString, builder.ConnectionString);
    }

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = ConnectionString };

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
