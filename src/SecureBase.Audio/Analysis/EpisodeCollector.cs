using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Analysis;

/// <summary>Keeps the finished episodes a detector reports (on <see cref="CryEventKind.EpisodeEnded"/>).</summary>
public sealed class EpisodeCollector : ICryEventSink
{
    private readonly List<CryEpisode> _episodes = [];

    /// <summary>Finished episodes, in time order.</summary>
    public IReadOnlyList<CryEpisode> Episodes => _episodes;

    /// <inheritdoc />
    public void OnEvent(in CryEvent e)
    {
        if (e.Kind == CryEventKind.EpisodeEnded && e.Episode is not null)
        {
            _episodes.Add(e.Episode);
        }
    }
}
