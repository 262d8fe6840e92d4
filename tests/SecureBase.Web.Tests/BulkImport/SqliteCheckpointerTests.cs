using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Care.Demo;
using SecureBase.Storage;
using SecureBase.Storage.Journal;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.BulkImport;

/// <summary>
/// Imports and group commits leave SQLite's checkpoint (copying the write-ahead log into the database file) to a
/// background task instead of doing it inside their commit, and the checkpoint does follow. Read from the files
/// themselves: the database file only grows when a checkpoint copies the log into it.
/// </summary>
public sealed class SqliteCheckpointerTests(SqliteFixture fixture) : ApiTestBase<SqliteFixture>(fixture)
{
    [Fact]
    public async Task A_deferred_commit_leaves_the_log_unchecked_and_the_background_checkpoint_copies_it()
    {
        var home = await NewHouseholdAsync();
        var checkpoints = App.Services.GetRequiredService<SqliteCheckpointer>();
        // Four months of the twins' journal: several megabytes, well past the 1,000 pages at which SQLite would
        // otherwise checkpoint inside the commit.
        var entries = DemoJournal.CreateLong(DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromDays(120), seed: 7).Entries;
        foreach (var entry in entries)
        {
            entry.Id = Guid.NewGuid();
            entry.HouseholdId = home.Id;
            if (entry.ChildId is not null) entry.ChildId = home.ChildId;
            JournalTimes.Normalize(entry);
        }

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        // Start from a checkpointed log, so any growth of the file below comes from these rows.
        await ExecuteAsync(db, "PRAGMA wal_checkpoint(TRUNCATE);");
        var before = new FileInfo(file).Length;

        await using (await checkpoints.DeferAsync(db))
        {
            Assert.Equal(0L, await ExecuteAsync(db, "PRAGMA wal_autocheckpoint;"));
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkEntryWriter.InsertAsync(db, entries, CancellationToken.None);
            await transaction.CommitAsync();
            // Far more than SQLite's 1,000-page threshold went into the log, and the commit did not copy it over.
            Assert.True(new FileInfo(file + "-wal").Length > 1_000 * 4096, "the rows should be in the log");
            Assert.Equal(before, new FileInfo(file).Length);
        }

        // The connection goes back to the pool with SQLite's default, so other writers keep their automatic checkpoint.
        Assert.Equal(1000L, await ExecuteAsync(db, "PRAGMA wal_autocheckpoint;"));
        await checkpoints.Last;
        Assert.True(new FileInfo(file).Length > before + 1_000 * 4096, "the background checkpoint should have copied the log into the database file");
        Assert.Equal(entries.Count, await db.Entries.CountAsync(e => e.HouseholdId == home.Id));
    }

    /// <summary>
    /// Under a steady stream of creates the background checkpoint never finds the log fully copied (commits land while it
    /// copies), so the log never started again from its beginning and grew without end. Here a reader holding an old
    /// snapshot plays the part of those commits: the background checkpoint cannot copy past it. The group writer's next
    /// batch copies the rest first, and its commit then writes the log from the start: the file does not grow.
    /// </summary>
    [Fact]
    public async Task After_a_background_checkpoint_the_group_writer_starts_the_log_afresh_instead_of_growing_it()
    {
        var home = await NewHouseholdAsync();
        var checkpoints = App.Services.GetRequiredService<SqliteCheckpointer>();
        checkpoints.CatchUpLogFrames = 1; // the shipped bound is 1 GB; a few rows stand in for it here
        string file;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            file = new SqliteConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>().Database.GetConnectionString()).DataSource;
        }
        var start = HoursAgo(48);
        var n = 0;
        async Task CreateAsync(int count)
        {
            for (var i = 0; i < count; i++) await home.CreateEntryAsync(home.Feed(start.AddMinutes(30 * n++)));
        }

        await CreateAsync(20);
        await using (var reader = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await reader.OpenAsync();
            await using var snapshot = reader.BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.CommandText = "SELECT COUNT(*) FROM \"JournalEntries\";";
                await read.ExecuteScalarAsync();
            }
            await CreateAsync(20);
            await checkpoints.Last;
        }
        var logBefore = new FileInfo(file + "-wal").Length;

        await CreateAsync(1);

        Assert.Equal(logBefore, new FileInfo(file + "-wal").Length);
        Assert.Equal(41, await home.CountEntriesAsync());
    }

    private static async Task<long> ExecuteAsync(SecureBaseDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
