using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal;
using SecureBase.Storage;
using SecureBase.Storage.Journal;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.BulkImport;

/// <summary>
/// The import's fast path writes rows without EF. For one entry of every type (a cry with acoustics and responses
/// included), the row it writes must equal, column by column, the row EF writes for the same entry: a column added
/// to the model, or a converter changed, that the fast path got wrong would show here.
/// </summary>
public abstract class BulkEntryWriterTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task Bulk_rows_equal_the_rows_EF_writes()
    {
        var home = await NewHouseholdAsync();
        var demo = DemoJournal.Create(DateTimeOffset.UtcNow.AddHours(-1), seed: 5);
        var samples = demo.Entries.GroupBy(e => e.GetType())
            .Select(g => g.FirstOrDefault(e => e is CryEpisodeEntry { Acoustics: not null, Responses.Count: > 0 }) ?? g.First()).ToList();
        Assert.Equal(8, samples.Count);
        foreach (var sample in samples)
        {
            if (sample.ChildId is not null) sample.ChildId = home.ChildId;
            sample.LoggedBy = home.CaregiverId;
            sample.DoneBy = home.CaregiverId;
            sample.UpdatedAt = sample.RecordedAt.AddMinutes(3);
            if (sample is CryEpisodeEntry cry) foreach (var response in cry.Responses) response.CaregiverId = home.CaregiverId;
        }
        var byEf = samples.Select(s => Copy(s, home.Id)).ToList();
        var byBulk = samples.Select(s => Copy(s, home.Id)).ToList();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
            db.Entries.AddRange(byEf);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkEntryWriter.InsertAsync(db, byBulk, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var rows = await ReadRowsAsync();
        for (var i = 0; i < samples.Count; i++)
        {
            var ef = rows[byEf[i].Id];
            var bulk = rows[byBulk[i].Id];
            Assert.Equal(ef.Keys.Order(), bulk.Keys.Order());
            foreach (var column in ef.Keys.Where(c => c != "Id"))
            {
                var expected = ef[column];
                var actual = bulk[column];
                // JSON columns: the same document, whatever the order of its properties.
                if (expected is string json && actual is string other && (json.StartsWith('{') || json.StartsWith('[')))
                    Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(other)), $"{samples[i].GetType().Name}.{column}: {json} ≠ {other}");
                else
                    Assert.True(Equals(expected, actual), $"{samples[i].GetType().Name}.{column}: {expected} ≠ {actual}");
            }
        }

        // And EF reads the bulk rows back as the entries they were.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
            var ids = byBulk.Select(e => e.Id).ToList();
            var read = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id);
            foreach (var entry in byBulk)
                Assert.Equal(JsonSerializer.Serialize(entry, EntryJson.Options), JsonSerializer.Serialize(read[entry.Id], EntryJson.Options));
        }
    }

    private static JournalEntry Copy(JournalEntry entry, Guid householdId)
    {
        var copy = JsonSerializer.Deserialize<JournalEntry>(JsonSerializer.Serialize(entry, EntryJson.Options), EntryJson.Options)!;
        copy.Id = Guid.NewGuid();
        copy.HouseholdId = householdId;
        JournalTimes.Normalize(copy);
        return copy;
    }

    /// <summary>Every row of the journal table as the database returns it, by entry id.</summary>
    private async Task<Dictionary<Guid, Dictionary<string, object?>>> ReadRowsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"JournalEntries\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows[Guid.Parse(row["Id"]!.ToString()!)] = row;
        }
        return rows;
    }
}

public sealed class SqliteBulkEntryWriterTests(SqliteFixture fixture) : BulkEntryWriterTests<SqliteFixture>(fixture);

public sealed class PostgresBulkEntryWriterTests(PostgresFixture fixture) : BulkEntryWriterTests<PostgresFixture>(fixture);
