using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Which of some journal entry ids are stored, by one prepared primary-key lookup per id through SQLite's own API.
/// The statement is prepared once and kept for as long as its connection (the group writer's).
/// </summary>
internal sealed class SqliteKeyProbe : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly SqliteRowInserter.Binder _binder;

    public SqliteKeyProbe(SqliteConnection connection, EntryRowMap map)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(map);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var idColumn = map.Columns.First(c => c.Name == "Id");
        // The id is bound as the bulk writer binds it (EF's own representation), so the lookup uses the key's index.
        var rc = raw.sqlite3_prepare_v2(_db, $"SELECT 1 FROM \"{map.Table}\" WHERE \"Id\" = ?", out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        _binder = new SqliteRowInserter.Binder(_statement, _db, connection, [idColumn]);
    }

    public List<Guid> Existing(List<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<Guid>();
        foreach (var id in ids)
        {
            _binder.Bind(0, id);
            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc == raw.SQLITE_ROW) found.Add(id);
            else if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        return found;
    }

    public void Dispose() => _statement.Dispose();
}
