using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Inserts many journal entries inside the context's current transaction without EF's change tracker: on SQLite a
/// prepared multi-row INSERT reused with new parameter values, on PostgreSQL a binary COPY. The rows are laid out by
/// <see cref="EntryRowMap"/> from EF's model, so they read back exactly as if EF had written them.
/// </summary>
internal static class BulkEntryWriter
{
    public static async Task InsertAsync(SecureBaseDbContext db, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        var map = EntryRowMap.For(db.Model);
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(map.Table, map.Schema);
        var columns = string.Join(", ", map.Columns.Select(c => sql.DelimitIdentifier(c.Name)));
        if (transaction.Connection is NpgsqlConnection npgsql)
            await CopyAsync(npgsql, $"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", map, entries, cancellationToken);
        else
            InsertInGroups(transaction, table, columns, map, entries);
    }

    /// <summary>Rows per INSERT statement. One: Microsoft.Data.Sqlite binds each parameter by name, which grows with the square of a longer statement.</summary>
    private const int RowsPerStatement = 1;

    private static void InsertInGroups(DbTransaction transaction, string table, string columns, EntryRowMap map, IReadOnlyList<JournalEntry> entries)
    {
        // Microsoft.Data.Sqlite runs asynchronous calls synchronously anyway; the synchronous path skips the task overhead.
        var full = entries.Count / RowsPerStatement;
        if (full > 0)
        {
            using var command = Prepare(transaction, table, columns, map, RowsPerStatement, out var parameters);
            for (var group = 0; group < full; group++) Execute(command, parameters, map, entries, group * RowsPerStatement, RowsPerStatement);
        }
        var rest = entries.Count % RowsPerStatement;
        if (rest > 0)
        {
            using var command = Prepare(transaction, table, columns, map, rest, out var parameters);
            Execute(command, parameters, map, entries, full * RowsPerStatement, rest);
        }
    }

    private static DbCommand Prepare(DbTransaction transaction, string table, string columns, EntryRowMap map, int rows, out DbParameter[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var width = map.Columns.Count;
        parameters = new DbParameter[rows * width];
        var sql = new System.Text.StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < width; i++)
            {
                var name = $"@p{(row * width) + i}";
                sql.Append(i == 0 ? name : ", " + name);
                // The mapping configures the parameter as EF would (e.g. GUIDs as upper-case text on SQLite).
                parameters[(row * width) + i] = map.Columns[i].Mapping.CreateParameter(command, name, null, nullable: true);
                command.Parameters.Add(parameters[(row * width) + i]);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static void Execute(DbCommand command, DbParameter[] parameters, EntryRowMap map, IReadOnlyList<JournalEntry> entries, int first, int count)
    {
        var width = map.Columns.Count;
        var values = new object?[width];
        for (var row = 0; row < count; row++)
        {
            map.Fill(entries[first + row], values);
            for (var i = 0; i < width; i++) parameters[(row * width) + i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, EntryRowMap map, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var types = map.Columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        var values = new object?[types.Length];
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var entry in entries)
        {
            map.Fill(entry, values);
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(values[i], types[i], cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
