using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Inserts many journal entries inside the context's current transaction without EF's change tracker: on SQLite one
/// prepared INSERT reused with new parameter values per row, on PostgreSQL a binary COPY. The rows are laid out by
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
            await InsertEachAsync(transaction, $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", map.Columns.Select((_, i) => "@p" + i))})", map, entries, cancellationToken);
    }

    private static async Task InsertEachAsync(DbTransaction transaction, string insert, EntryRowMap map, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;
        var parameters = new DbParameter[map.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            // The mapping configures the parameter as EF would (e.g. GUIDs as upper-case text on SQLite).
            parameters[i] = map.Columns[i].Mapping.CreateParameter(command, "@p" + i, null, nullable: true);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(cancellationToken);
        var values = new object?[parameters.Length];
        foreach (var entry in entries)
        {
            map.Fill(entry, values);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
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
