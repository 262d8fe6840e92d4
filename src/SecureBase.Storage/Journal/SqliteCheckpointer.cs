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
/// <para>
/// The log only starts again from its beginning when a writer begins a transaction after a checkpoint has copied
/// every frame in it. A background checkpoint racing a stream of commits never gets there: the group writer commits
/// every few milliseconds, so frames written while the checkpoint copies are always left over, and under a steady load
/// the log grew without end (1.6 GB in 17 s of 64 clients creating entries, for an 85 MB database), every commit
/// extending the file. So after each background checkpoint the next deferred scope first copies what is left on its
/// own connection (<see cref="DeferAsync"/>, <see cref="CatchUp"/>): the few frames written meanwhile, a short pause
/// for one batch, after which its transaction writes the log from the start again.
/// </para>
/// </summary>
public sealed class SqliteCheckpointer(ILogger<SqliteCheckpointer>? log = null)
{
    /// <summary>
    /// How long a requested checkpoint waits, so that the group writer's many small commits share one checkpoint
    /// (and one sync of the database file) instead of each paying for their own.
    /// </summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    /// <summary>Most checkpoint passes in a row (<see cref="Checkpoint"/>).</summary>
    private const int MaxPasses = 4;

    /// <summary>
    /// Log length, in frames (pages of 4 KB by default), from which the group writer catches up: 1 GB, reached only
    /// under a flood of writes (a household's pace lets a background checkpoint finish and the log start afresh).
    /// </summary>
    internal long CatchUpLogFrames { get; set; } = 262_144;

    /// <summary>New frames in the log since the previous pass below which no further pass is run.</summary>
    private const long SmallRemainder = 256;

    /// <summary>SQLite's default <c>wal_autocheckpoint</c>, in pages; what pooled connections go back to.</summary>
    private const int DefaultAutoCheckpointPages = 1000;

    /// <summary>
    /// PASSIVE never waits: when another checkpoint holds the log it answers "busy" (as a result row, not an error) at
    /// once, and the next background checkpoint asks again.
    /// </summary>
    private const string CatchUpSql = "PRAGMA wal_checkpoint(PASSIVE);";

    private readonly ILogger _log = log ?? NullLogger<SqliteCheckpointer>.Instance;
    private int _scheduled;
    private int _catchUp;
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
            if (Interlocked.Exchange(ref _catchUp, 0) == 1) await ExecuteAsync(db, CatchUpSql, cancellationToken);
            await SetAutoCheckpointAsync(db, 0, cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new Scope(this, db);
    }

    /// <summary>
    /// For a writer that keeps the in-commit checkpoint off on its own connection (the group writer's): copies into the
    /// database what the last background checkpoint left in the log, if it has finished since the last call, so that
    /// the writer's next transaction can start the log afresh. Call it outside a transaction.
    /// </summary>
    public void CatchUp(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Interlocked.Exchange(ref _catchUp, 0) == 0) return;
        using var command = connection.CreateCommand();
        command.CommandText = CatchUpSql;
        command.ExecuteNonQuery();
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
            // PASSIVE: copies what it can without waiting for or blocking readers and writers. Frames committed while
            // a pass copies are left over, and whatever is left at the end the group writer copies in its own path
            // (CatchUp), holding up its batch: so passes follow each other while the last one found many new frames.
            // Measured under 64 clients on the loaded machine, one pass left the writer 1,500–7,000 frames (a 36 ms
            // median pause, up to 100 ms).
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            long previousLog = -1;
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                using var result = command.ExecuteReader();
                if (!result.Read()) break;
                var (busy, log) = (result.GetInt64(0), result.GetInt64(1));
                // Busy: another checkpoint holds the log. A smaller log: a writer has started it afresh meanwhile.
                var settled = busy != 0 || (previousLog >= 0 && (log < previousLog || log - previousLog <= SmallRemainder));
                previousLog = log;
                if (settled) break;
            }
            // What was committed during the last pass is left in the log; the group writer copies it before its next
            // batch, which starts the log afresh. That copy ends with a sync of the database file, a pause every
            // in-flight create waits for, so it is asked for only once the log is long: under a steady stream the log
            // is bounded instead of growing without end, and the pause comes every few seconds
            // instead of after every pass (p95 of 64 clients 25.8 ms with a catch-up after every pass, 21.9 ms from 1 GB and
            // 18.5 ms with none, quiet machine, one run each).
            if (previousLog >= CatchUpLogFrames) Volatile.Write(ref _catchUp, 1);
        }
        catch (SqliteException exception)
        {
            // Not fatal: SQLite's own checkpoint (any other writer's commit, the last connection closing) catches up.
            _log.LogDebug(exception, "The background WAL checkpoint did not run");
        }
    }

    private static Task SetAutoCheckpointAsync(SecureBaseDbContext db, int pages, CancellationToken cancellationToken) =>
        ExecuteAsync(db, $"PRAGMA wal_autocheckpoint={pages};", cancellationToken);

    private static async Task ExecuteAsync(SecureBaseDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
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
