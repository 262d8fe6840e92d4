using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Evaluation;

/// <summary>An <see cref="ICryEventSink"/> that keeps every event in order (for tools, tests and file analysis).</summary>
public sealed class EventRecorder : ICryEventSink
{
    private readonly List<CryEvent> _events = [];

    /// <summary>The events received so far, oldest first.</summary>
    public IReadOnlyList<CryEvent> Events => _events;

    /// <summary>The finished episodes received so far.</summary>
    public IEnumerable<CryEpisode> Episodes => _events.Where(e => e.Episode is not null).Select(e => e.Episode!);

    /// <inheritdoc />
    public void OnEvent(in CryEvent e) => _events.Add(e);

    /// <summary>Forgets the events.</summary>
    public void Clear() => _events.Clear();
}
