using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Journal;
using SecureBase.Monitoring;
using SecureBase.Storage;
using SecureBase.Storage.Journal;
using AudioStage = SecureBase.Audio.Detection.CryStage;

namespace SecureBase.Web.Features.Monitor;

/// <summary>Who a monitor's stream belongs to.</summary>
public sealed record MonitorOwner(Guid HouseholdId, Guid ChildId, Guid CaregiverId, Guid? TokenId);

/// <summary>
/// Writes what a monitor hears into the journal: a cry episode per episode, with its stage timeline, its end and its
/// acoustic description. A cry heard again just after a reconnect or a server restart continues the episode
/// already in the journal (see <see cref="EpisodeContinuity"/>), so there is one episode and one alert.
/// </summary>
public sealed class CryEpisodeRecorder(SecureBaseDbContext db, JournalService journal)
{
    /// <summary>Applies one event; returns the episode as now stored, or null when the event changed nothing.</summary>
    public async Task<CryEpisodeEntry?> ApplyAsync(MonitorOwner owner, MonitorEvent e, Guid? currentEpisode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(e);
        var author = new ChangeAuthor(owner.CaregiverId, owner.TokenId);
        var stage = ToJournal(e.Stage);
        if (e.Kind == MonitorEventKind.CryStarted)
        {
            var last = await LastEpisodeAsync(owner, cancellationToken);
            var continued = EpisodeContinuity.Continue(last is null ? null : new LastEpisode(last.Id, LastHeard(last), last.EndedAt is not null), e.At);
            if (continued is null)
            {
                var created = new CryEpisodeEntry
                {
                    Id = Guid.CreateVersion7(e.At),
                    ChildId = owner.ChildId,
                    StartedAt = e.At,
                    LoggedBy = owner.CaregiverId,
                    Source = CrySource.Monitor,
                    PeakStage = stage,
                    Stages = [new CryStageChange { Stage = stage, At = e.At }],
                };
                var result = await journal.CreateAsync(owner.HouseholdId, created, author, cancellationToken);
                return result.Entry as CryEpisodeEntry;
            }
            return await ChangeAsync(owner, continued.Value, author, entry =>
            {
                entry.EndedAt = null;
                AddStage(entry, stage, e.At);
            }, cancellationToken);
        }

        if (currentEpisode is not { } id) return null;
        return await ChangeAsync(owner, id, author, entry =>
        {
            if (e.Kind == MonitorEventKind.StageChanged)
            {
                AddStage(entry, stage, e.At);
                return;
            }
            entry.EndedAt = e.At < entry.StartedAt ? entry.StartedAt : e.At;
            entry.SettledAt ??= entry.EndedAt;
            if (e.Episode is { } heard) entry.Acoustics = Describe(heard);
        }, cancellationToken);
    }

    private async Task<CryEpisodeEntry?> ChangeAsync(MonitorOwner owner, Guid entryId, ChangeAuthor author, Action<CryEpisodeEntry> change, CancellationToken cancellationToken)
    {
        if (await journal.GetAsync(owner.HouseholdId, entryId, cancellationToken) is not CryEpisodeEntry entry) return null;
        change(entry);
        var result = await journal.UpdateAsync(owner.HouseholdId, entryId, entry, author, cancellationToken);
        return result.Entry as CryEpisodeEntry;
    }

    private Task<CryEpisodeEntry?> LastEpisodeAsync(MonitorOwner owner, CancellationToken cancellationToken) =>
        db.Entries.AsNoTracking().OfType<CryEpisodeEntry>()
            .Where(c => c.HouseholdId == owner.HouseholdId && c.ChildId == owner.ChildId && c.Source == CrySource.Monitor)
            .OrderByDescending(c => c.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);

    private static DateTimeOffset LastHeard(CryEpisodeEntry entry) =>
        entry.EndedAt ?? (entry.Stages.Count > 0 ? entry.Stages.Max(s => s.At) : entry.StartedAt);

    private static void AddStage(CryEpisodeEntry entry, CryStage stage, DateTimeOffset at)
    {
        if (at < entry.StartedAt) at = entry.StartedAt;
        if (entry.Stages.Count > 0 && at < entry.Stages[^1].At) at = entry.Stages[^1].At;
        if (entry.Stages.Count == 0 || entry.Stages[^1].Stage != stage) entry.Stages.Add(new CryStageChange { Stage = stage, At = at });
        if (stage > entry.PeakStage) entry.PeakStage = stage;
    }

    internal static CryStage ToJournal(AudioStage stage) => stage switch
    {
        AudioStage.Fussing => CryStage.Fussing,
        AudioStage.Crying => CryStage.Crying,
        _ => CryStage.Intense,
    };

    private static CryAcoustics Describe(SecureBase.Audio.Detection.CryEpisode heard) => new()
    {
        F0MeanHz = heard.Features.F0MeanHz,
        F0MinHz = heard.Features.F0MinHz,
        F0MaxHz = heard.Features.F0MaxHz,
        F0InitialHz = heard.Features.F0InitialHz,
        UnitCount = heard.Features.UnitCount,
        UnitMeanSeconds = heard.Features.UnitMeanSeconds,
        PauseMeanSeconds = heard.Features.PauseMeanSeconds,
        RhythmIrregularity = heard.Features.RhythmIrregularity,
        VoicedFraction = heard.Features.VoicedFraction,
        LoudnessOverBackgroundDb = heard.Features.LoudnessOverBackgroundDb,
        Notes = heard.Notes.Select(n => n.Text).ToList(),
    };
}
