using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SecureBase.Storage.Journal;

/// <summary>Which of some journal entry ids are stored, by one prepared primary-key lookup per id through SQLite's own API.</summary>
internal static class SqliteKeyProbe
{
    public static List<Guid> Existing(SqliteConnection connection, EntryRowMap map, List<Guid> ids)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var idColumn = map.Columns.First(c => c.Name == "Id");
        // The id is bound as the bulk writer binds it (EF's own representation), so the lookup uses the key's index.
        var sql = $"SELECT 1 FROM \"{map.Table}\" WHERE \"Id\" = ?";
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        using (statement)
        {
            var probe = new SqliteRowInserter.Binder(statement, db, connection, [idColumn]);
            var found = new List<Guid>();
            foreach (var id in ids)
            {
                probe.Bind(0, id);
                rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc == raw.SQLITE_ROW) found.Add(id);
                else if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
            }
            return found;
        }
    }
}
