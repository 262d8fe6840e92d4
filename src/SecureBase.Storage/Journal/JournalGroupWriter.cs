using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Care.Journal;
using SecureBase.Storage.Audit;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Group commit for new journal entries. Concurrent creates are queued to one writer, which stores everything
/// waiting (up to <see cref="MaxBatch"/> entries, with their audit records) in one transaction and only then
/// answers each caller: an acknowledged entry is committed. One writer instead of many racing for SQLite's single
/// write lock removes the lock waits, one commit per batch instead of per entry saves more, and writing the rows
/// without EF's change tracker (<see cref="BulkEntryWriter"/>) keeps the one writer from becoming the bottleneck.
/// </summary>
public sealed class JournalGroupWriter : IAsyncDisposable
{
    /// <summary>Most entries committed together.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly SqliteCheckpointer _checkpoints;
    private readonly Task _writer;
    /// <summary>
    /// Held from a sleep's overlap check to its commit: by the writer for a batch holding sleeps, and by an edit or an
    /// import of sleeps (<see cref="WithSleepsSerialisedAsync{T}"/>). Without it an edit or import checked against
    /// what it read earlier, and a create committed in between could overlap what it then wrote.
    /// </summary>
    private readonly SemaphoreSlim _sleeps = new(1, 1);

    // Touched by the writer task only, one batch after another (and by DisposeAsync once it has finished).
    private SqliteWriterConnection? _sqlite;
    private bool _isPostgres;

    public JournalGroupWriter(IServiceScopeFactory scopes, SqliteCheckpointer checkpoints)
    {
        _scopes = scopes;
        _checkpoints = checkpoints;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>
    /// Stores a validated entry and its audit record; completes once committed. An id already stored gives
    /// <see cref="EntryWriteStatus.AlreadyExists"/> (same household) or <see cref="EntryWriteStatus.IdTaken"/>.
    /// Cancelling stops the wait, not the write.
    /// </summary>
    public Task<EntryWriteResult> CreateAsync(Guid householdId, JournalEntry entry, AuditRecord audit, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(householdId, entry, audit);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="checkAndWrite"/> (an edit or import of sleeps: its overlap check against what is stored,
    /// then its commit) while no batch of new sleeps is being checked or written, and no other such write runs, so
    /// that what it checked is still what is stored when it commits. Cancelling stops the wait, not a started write.
    /// </summary>
    public async Task<T> WithSleepsSerialisedAsync<T>(Func<Task<T>> checkAndWrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkAndWrite);
        await _sleeps.WaitAsync(cancellationToken);
        try
        {
            return await checkAndWrite();
        }
        finally
        {
            _sleeps.Release();
        }
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await WriteAsync(batch);
            }
#pragma warning disable CA1031 // the writer must outlive any one failure; the callers get the exception
            catch (Exception exception)
#pragma warning restore CA1031
            {
                foreach (var pending in batch) pending.Done.TrySetException(exception);
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        // A context is taken from the pool only when this batch needs one: on SQLite, a batch of new non-sleep entries
        // goes through the writer's own connection alone.
        SecureBaseDbContext? context = null;
        SecureBaseDbContext Db() => context ??= scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
        if (_sqlite is null && !_isPostgres)
        {
            if (Db().Database.IsSqlite()) _sqlite = SqliteWriterConnection.Open(Db());
            else _isPostgres = true;
        }

        var ids = batch.Select(p => p.Entry.Id).Distinct().ToList();
        var stored = _sqlite is { } probe ? await FoundAsync(Db, probe.Existing(ids)) : await FoundAsync(Db, ids);
        var toWrite = new List<Pending>(batch.Count);
        var inBatch = new HashSet<Guid>();
        foreach (var pending in batch)
        {
            if (stored.TryGetValue(pending.Entry.Id, out var existing)) pending.Done.TrySetResult(Retried(existing, pending.HouseholdId));
            // The same id twice at once: the retry waits for the next batch, where it finds the first one stored.
            else if (!inBatch.Add(pending.Entry.Id))
            {
                if (!_queue.Writer.TryWrite(pending)) pending.Done.TrySetException(new ObjectDisposedException(nameof(JournalGroupWriter)));
            }
            else toWrite.Add(pending);
        }
        // A batch without sleeps needs no overlap check and does not wait for an edit or import of sleeps.
        var holdsSleeps = toWrite.Exists(p => p.Entry is SleepEntry { ChildId: not null });
        if (holdsSleeps) await _sleeps.WaitAsync();
        try
        {
            toWrite = await WithoutOverlappingSleepsAsync(Db, toWrite);
            if (toWrite.Count == 0) return;
            await WriteCheckedAsync(Db, toWrite);
        }
        finally
        {
            if (holdsSleeps) _sleeps.Release();
        }
    }

    private async Task WriteCheckedAsync(Func<SecureBaseDbContext> db, List<Pending> toWrite)
    {
        // The rows go in without EF's change tracker and command builder (BulkEntryWriter, as for an import): on this,
        // the one writer every create waits for, they cost more than the database's own work.
        try
        {
            if (_sqlite is { } sqlite)
            {
                _checkpoints.CatchUp(sqlite.Connection);
                sqlite.Write(toWrite.ConvertAll(p => p.Entry), toWrite.ConvertAll(p => p.Audit));
                // Its commit leaves the checkpoint to the background (the in-commit one is off on this connection).
                _checkpoints.Request(sqlite.ConnectionString);
            }
            else
            {
                await using var transaction = await db().Database.BeginTransactionAsync();
                await BulkEntryWriter.InsertAsync(db(), toWrite.ConvertAll(p => p.Entry), CancellationToken.None);
                await BulkEntryWriter.InsertAuditAsync(db(), toWrite.ConvertAll(p => p.Audit), CancellationToken.None);
                await transaction.CommitAsync();
            }
        }
        catch (DbException)
        {
            // One bad entry (say, its child was deleted meanwhile, or an import stored its id) must not fail its
            // neighbours: one at a time, through EF, which tells each caller what happened to theirs.
            foreach (var pending in toWrite) await WriteOneAsync(db(), pending);
            return;
        }
        foreach (var pending in toWrite) pending.Done.TrySetResult(EntryWriteResult.Of(EntryWriteStatus.Created, pending.Entry));
    }

    /// <summary>
    /// The stored entries among <paramref name="ids"/> (nearly always none), read through EF. On SQLite the ids were
    /// first probed by primary key on the writer's connection (<see cref="SqliteKeyProbe"/>): EF's IN-list query binds
    /// every id by name and cost more than the inserts, so it only reads the rare retries found.
    /// </summary>
    private static async Task<Dictionary<Guid, JournalEntry>> FoundAsync(Func<SecureBaseDbContext> db, List<Guid> ids)
    {
        if (ids.Count == 0) return [];
        return await db().Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id);
    }

    /// <summary>
    /// Checks new sleeps for overlaps once more, here where creates are taken one after another: two overlapping
    /// sleeps sent at the same moment each passed the check in their own request, which saw neither of them stored.
    /// A sleep overlapping one stored meanwhile, or one earlier in this batch, is refused as the request's check would.
    /// </summary>
    private static async Task<List<Pending>> WithoutOverlappingSleepsAsync(Func<SecureBaseDbContext> context, List<Pending> batch)
    {
        if (!batch.Exists(p => p.Entry is SleepEntry { ChildId: not null })) return batch;
        var db = context();
        var kept = new List<Pending>(batch.Count);
        var accepted = new List<SleepEntry>();
        foreach (var pending in batch)
        {
            if (pending.Entry is SleepEntry { ChildId: { } childId } sleep)
            {
                if (accepted.Exists(other => other.ChildId == childId && other.HouseholdId == sleep.HouseholdId
                        && EntryValidator.SleepsOverlap(sleep.StartedAt, sleep.EndedAt, other.StartedAt, other.EndedAt))
                    || await OverlapsStoredAsync(db, sleep, childId))
                {
                    pending.Done.TrySetResult(EntryWriteResult.Invalid("startedAt", EntryValidator.SleepOverlapMessage));
                    continue;
                }
                accepted.Add(sleep);
            }
            kept.Add(pending);
        }
        return kept;
    }

    private static Task<bool> OverlapsStoredAsync(SecureBaseDbContext db, SleepEntry sleep, Guid childId)
    {
        var start = sleep.StartedAt;
        var stored = db.Entries.AsNoTracking().OfType<SleepEntry>()
            .Where(s => s.HouseholdId == sleep.HouseholdId && s.ChildId == childId && s.Id != sleep.Id)
            .Where(s => s.EndedAt == null || s.EndedAt > start);
        if (sleep.EndedAt is { } end) stored = stored.Where(s => s.StartedAt < end);
        return stored.AnyAsync();
    }

    private static async Task WriteOneAsync(SecureBaseDbContext db, Pending pending)
    {
        db.Entries.Add(pending.Entry);
        db.AuditTrail.Add(pending.Audit);
        try
        {
            await db.SaveChangesAsync();
            pending.Done.TrySetResult(EntryWriteResult.Of(EntryWriteStatus.Created, pending.Entry));
        }
        catch (DbUpdateException exception)
        {
            // Stored by someone else in the meantime (an import): report what is there, as any retry would.
            db.ChangeTracker.Clear();
            var existing = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == pending.Entry.Id);
            if (existing is null) pending.Done.TrySetException(exception);
            else pending.Done.TrySetResult(Retried(existing, pending.HouseholdId));
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    internal static EntryWriteResult Retried(JournalEntry existing, Guid householdId) =>
        existing.HouseholdId == householdId
            ? EntryWriteResult.Of(EntryWriteStatus.AlreadyExists, existing)
            : EntryWriteResult.Of(EntryWriteStatus.IdTaken);

    public async ValueTask DisposeAsync()
    {
        // Entries already queued are still written before the app stops.
        _queue.Writer.TryComplete();
        await _writer;
        _sqlite?.Dispose();
        _sleeps.Dispose();
    }

    private sealed record Pending(Guid HouseholdId, JournalEntry Entry, AuditRecord Audit)
    {
        public TaskCompletionSource<EntryWriteResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
