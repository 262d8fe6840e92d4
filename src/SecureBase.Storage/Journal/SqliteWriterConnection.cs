using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SecureBase.Care.Journal;
using SecureBase.Storage.Audit;
using SQLitePCL;

namespace SecureBase.Storage.Journal;

/// <summary>
/// The group writer's own SQLite connection, opened on its first batch and kept until the app stops, with its
/// statements (the id probe and the two INSERTs) prepared once. Through a pooled connection every batch paid for
/// opening it (and the per-connection pragmas), switching the in-commit checkpoint off and on again, preparing three
/// statements of about 40 columns, and reading again the pages another pooled connection's commit had made stale in
/// its cache; with batches of a few entries under 64 clients, those fixed costs were a large part of a create's.
/// The writer is the only one to use it, one batch after another.
/// </summary>
internal sealed class SqliteWriterConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly EntryRowMap _entryMap;
    private readonly EntryRowMap _auditMap;
    private readonly SqliteKeyProbe _probe;
    private readonly SqliteRowInserter _insertEntry;
    private readonly SqliteRowInserter _insertAudit;

    private SqliteWriterConnection(SqliteConnection connection, SecureBaseDbContext db)
    {
        _connection = connection;
        _db = connection.Handle!;
        _entryMap = EntryRowMap.For(db.Model);
        _auditMap = EntryRowMap.ForAudit(db.Model);
        var sql = db.GetService<ISqlGenerationHelper>();
        _probe = new SqliteKeyProbe(connection, _entryMap);
        _insertEntry = new SqliteRowInserter(connection, BulkEntryWriter.SqliteInsertSql(sql, _entryMap), _entryMap);
        _insertAudit = new SqliteRowInserter(connection, BulkEntryWriter.SqliteInsertSql(sql, _auditMap), _auditMap);
    }

    /// <summary>The connection string of the database (for the background checkpoint's own connection).</summary>
    public string ConnectionString { get; private init; } = "";

    /// <summary>Opens a connection to the context's SQLite database, set up as the app's pooled ones are, plus the writer's own settings.</summary>
    public static SqliteWriterConnection Open(SecureBaseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString()!;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                // synchronous and foreign_keys as on every pooled connection (StorageRegistration); the in-commit
                // checkpoint off for good (SqliteCheckpointer runs it in the background); a busy database (another
                // writer's transaction, a checkpoint that must finish) is waited for inside SQLite in short sleeps
                // instead of failing; and a 16 MB page cache, which stays valid between batches because this
                // connection writes nearly everything.
                command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0; PRAGMA busy_timeout=30000; PRAGMA cache_size=-16384;";
                command.ExecuteNonQuery();
            }
            return new SqliteWriterConnection(connection, db) { ConnectionString = connectionString };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public SqliteConnection Connection => _connection;

    /// <summary>The ids among <paramref name="ids"/> already stored.</summary>
    public List<Guid> Existing(List<Guid> ids) => _probe.Existing(ids);

    /// <summary>Writes entries and their audit records in one transaction; on any failure nothing is written and the error is thrown.</summary>
    public void Write(IReadOnlyList<JournalEntry> entries, IReadOnlyList<AuditRecord> audits)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(audits);
        Execute("BEGIN IMMEDIATE;");
        try
        {
            BulkEntryWriter.InsertRows(_insertEntry, _entryMap, entries);
            BulkEntryWriter.InsertRows(_insertAudit, _auditMap, audits);
            Execute("COMMIT;");
        }
        catch
        {
            // Nothing to roll back when the failure was the COMMIT itself ending the transaction.
            if (raw.sqlite3_get_autocommit(_db) == 0) raw.sqlite3_exec(_db, "ROLLBACK;");
            throw;
        }
    }

    private void Execute(string sql) => SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(_db, sql), _db);

    public void Dispose()
    {
        _probe.Dispose();
        _insertEntry.Dispose();
        _insertAudit.Dispose();
        _connection.Dispose();
    }
}
