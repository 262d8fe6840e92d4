using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

internal sealed record SleepSpan(Guid Id, Guid? ChildId, DateTimeOffset Start, DateTimeOffset? End);

/// <summary>
/// For bulk validation: instead of comparing each sleep with every other sleep of the child (quadratic on a
/// two-year journal), each sleep is given the only two that can reveal an overlap — among the sleeps that start
/// no later, the one ending last; and the next sleep to start.
/// </summary>
internal sealed class SleepNeighbours
{
    private readonly Dictionary<Guid, List<(Guid Id, DateTimeOffset Start, DateTimeOffset? End)>> byId = [];

    public static SleepNeighbours Build(IEnumerable<SleepSpan> existing, IEnumerable<SleepEntry> added)
    {
        var result = new SleepNeighbours();
        var spans = existing.Concat(added.Select(s => new SleepSpan(s.Id, s.ChildId, s.StartedAt, s.EndedAt)));
        foreach (var group in spans.GroupBy(s => s.ChildId))
        {
            var sorted = group.OrderBy(s => s.Start).ThenBy(s => s.Id).ToList();
            SleepSpan? lastEnding = null;
            for (var i = 0; i < sorted.Count; i++)
            {
                var neighbours = new List<(Guid, DateTimeOffset, DateTimeOffset?)>(2);
                if (lastEnding is not null) neighbours.Add((lastEnding.Id, lastEnding.Start, lastEnding.End));
                if (i + 1 < sorted.Count) neighbours.Add((sorted[i + 1].Id, sorted[i + 1].Start, sorted[i + 1].End));
                result.byId[sorted[i].Id] = neighbours;
                if (lastEnding is null || EndOf(sorted[i]) > EndOf(lastEnding)) lastEnding = sorted[i];
            }
        }
        return result;
    }

    public IReadOnlyList<(Guid Id, DateTimeOffset Start, DateTimeOffset? End)> For(Guid id) =>
        byId.TryGetValue(id, out var list) ? list : [];

    private static DateTimeOffset EndOf(SleepSpan span) => span.End ?? DateTimeOffset.MaxValue;
}
