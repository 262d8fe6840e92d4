using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Inserts many journal entries (or audit records) inside the context's current transaction without EF's change
/// tracker: on SQLite one prepared INSERT bound by position through SQLite's own API (<see cref="SqliteRowInserter"/>),
/// on PostgreSQL a binary COPY. The rows are laid out by <see cref="EntryRowMap"/> from EF's model, so they read back
/// exactly as if EF had written them.
/// </summary>
internal static class BulkEntryWriter
{
    public static Task InsertAsync(SecureBaseDbContext db, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken) =>
        InsertAsync(db, EntryRowMap.For(db.Model), entries, cancellationToken);

    /// <summary>
    /// Lays out the rows of <paramref name="entries"/> without writing them: builds the row maps and runs every
    /// column's getter, converter and JSON writer once, so a server's first import or create does not pay for it.
    /// </summary>
    public static void WarmUp(SecureBaseDbContext db, IEnumerable<JournalEntry> entries)
    {
        var map = EntryRowMap.For(db.Model);
        _ = EntryRowMap.ForAudit(db.Model);
        var values = new object?[map.Columns.Count];
        foreach (var entry in entries) map.Fill(entry, values);
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL writes rows through compiled writers (NpgsqlRowWriter): compiled here, not in the first import.
            _ = NpgsqlRowWriter.For(map);
            _ = NpgsqlRowWriter.For(EntryRowMap.ForAudit(db.Model));
        }
    }

    /// <summary>Inserts audit records the same way (the group writer stores each created entry's record with it).</summary>
    public static Task InsertAuditAsync(SecureBaseDbContext db, IReadOnlyList<Audit.AuditRecord> records, CancellationToken cancellationToken) =>
        InsertAsync(db, EntryRowMap.ForAudit(db.Model), records, cancellationToken);

    private static async Task InsertAsync(SecureBaseDbContext db, EntryRowMap map, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        if (transaction.Connection is NpgsqlConnection npgsql)
        {
            var columns = string.Join(", ", map.Columns.Select(c => sql.DelimitIdentifier(c.Name)));
            await CopyAsync(npgsql, $"COPY {sql.DelimitIdentifier(map.Table, map.Schema)} ({columns}) FROM STDIN (FORMAT BINARY)", map, rows, cancellationToken);
            return;
        }
        using var insert = new SqliteRowInserter((SqliteConnection)transaction.Connection!, SqliteInsertSql(sql, map), map);
        InsertRows(insert, map, rows);
    }

    /// <summary>
    /// One prepared single-row INSERT of the map's table, its values bound by position: <see cref="InsertRows"/> runs
    /// it once per row. With binding this cheap, a profile of the import shows SQLite's own per-row work
    /// (sqlite3_step) as the larger part of what remains.
    /// </summary>
    internal static string SqliteInsertSql(ISqlGenerationHelper sql, EntryRowMap map)
    {
        var columns = string.Join(", ", map.Columns.Select(c => sql.DelimitIdentifier(c.Name)));
        var placeholders = string.Join(", ", Enumerable.Repeat("?", map.Columns.Count));
        return $"INSERT INTO {sql.DelimitIdentifier(map.Table, map.Schema)} ({columns}) VALUES ({placeholders})";
    }

    /// <summary>Inserts the rows through a prepared INSERT of <see cref="SqliteInsertSql"/>, inside the caller's transaction.</summary>
    internal static void InsertRows(SqliteRowInserter insert, EntryRowMap map, IReadOnlyList<object> rows)
    {
        var values = new object?[map.Columns.Count];
        foreach (var row in rows)
        {
            map.Fill(row, values);
            insert.Insert(values);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, EntryRowMap map, IReadOnlyList<object> entries, CancellationToken cancellationToken)
    {
        var writer = NpgsqlRowWriter.For(map);
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            importer.StartRow();
            writer.Write(importer, entry);
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
