using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Takes SQLite's write-ahead-log checkpoint off the commits callers wait for. By default the connection whose commit
/// takes the log past 1,000 pages copies the log back into the database file and syncs it, inside that commit: for
/// a 40,000-entry import that is about 30 MB and 0.2–0.4 s of the request, and for the group writer a pause that every
/// waiting create sits through. The import and the group writer switch that off for their own transaction
/// (<see cref="DeferAsync"/>) and a checkpoint runs afterwards on a pool thread, with its own connection.
/// Nothing about durability changes: a committed transaction is in the log, which survives a process crash in WAL
/// mode with synchronous=NORMAL, checkpointed or not. Other writers keep SQLite's automatic checkpoint.
/// </summary>
public sealed class SqliteCheckpointer(ILogger<SqliteCheckpointer>? log = null)
{
    /// <summary>
    /// How long a requested checkpoint waits, so that the group writer's many small commits share one checkpoint
    /// (and one sync of the database file) instead of each paying for their own.
    /// </summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    /// <summary>SQLite's default <c>wal_autocheckpoint</c>, in pages; what pooled connections go back to.</summary>
    private const int DefaultAutoCheckpointPages = 1000;

    private readonly ILogger _log = log ?? NullLogger<SqliteCheckpointer>.Instance;
    private int _scheduled;
    private Task _last = Task.CompletedTask;

    /// <summary>The latest checkpoint started (completed when none is pending); for tests.</summary>
    internal Task Last => Volatile.Read(ref _last);

    /// <summary>
    /// Opens the context's connection and switches the in-commit checkpoint off on it until the returned scope is
    /// disposed; then the setting is restored (the connection goes back to the pool), the connection closed and a
    /// checkpoint requested. Does nothing on PostgreSQL.
    /// </summary>
    public async Task<IAsyncDisposable> DeferAsync(SecureBaseDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite()) return NoScope.Instance;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await SetAutoCheckpointAsync(db, 0, cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new Scope(this, db);
    }

    /// <summary>Asks for a checkpoint of the database soon; requests made while one is waiting share it.</summary>
    public void Request(string connectionString)
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        Volatile.Write(ref _last, Task.Run(async () =>
        {
            await Task.Delay(Delay);
            // Reset before starting: a commit from now on may not be covered, so it schedules the next one.
            Volatile.Write(ref _scheduled, 0);
            Checkpoint(connectionString);
        }));
    }

    private void Checkpoint(string connectionString)
    {
        // Its own connection, never pooled, and never creating a file: the database may be gone by now (a test's
        // temporary folder, an app shutting down), and then there is nothing to checkpoint.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        try
        {
            using var connection = new SqliteConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            // PASSIVE: copies what it can without waiting for or blocking readers and writers.
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException exception)
        {
            // Not fatal: SQLite's own checkpoint (any other writer's commit, the last connection closing) catches up.
            _log.LogDebug(exception, "The background WAL checkpoint did not run");
        }
    }

    private static async Task SetAutoCheckpointAsync(SecureBaseDbContext db, int pages, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint={pages};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Scope(SqliteCheckpointer owner, SecureBaseDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var connectionString = db.Database.GetConnectionString()!;
            try
            {
                await SetAutoCheckpointAsync(db, DefaultAutoCheckpointPages, CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
                owner.Request(connectionString);
            }
        }
    }

    private sealed class NoScope : IAsyncDisposable
    {
        public static readonly NoScope Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
