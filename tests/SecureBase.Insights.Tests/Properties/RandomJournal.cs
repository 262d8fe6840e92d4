using SecureBase.Care.Journal;
using SecureBase.Insights.Tests.Scenarios;

namespace SecureBase.Insights.Tests.Properties;

/// <summary>Random but valid journals for property tests: a few caregivers, cries with random answers, feeds and connections.</summary>
internal static class RandomJournal
{
    public static readonly DateOnly FirstDay = new(2026, 10, 1);

    public static JournalDocument Create(int seed, int days = 10)
    {
        var rng = new Random(seed);
        var b = new JournalBuilder($"random-{seed}", "Random household");
        var caregivers = Enumerable.Range(0, rng.Next(1, 4)).Select(i => b.Caregiver($"Caregiver {i + 1}")).ToList();
        var child = b.Child("Robin", new DateOnly(2026, 6, 1), "them");
        var states = Enum.GetValues<CaregiverState>();
        var actions = Enum.GetValues<CareAction>();
        for (var d = 0; d < days; d++)
        {
            var day = FirstDay.AddDays(d);
            for (var hour = 6; hour < 22; hour += 3) b.Feed(child, Pick(caregivers), b.At(day, hour, rng.Next(0, 50)), 15);
            for (var c = rng.Next(0, 3); c > 0; c--) b.Connection(child, Pick(caregivers), b.At(day, rng.Next(7, 20), rng.Next(0, 59)), 5, ConnectionKind.Play);
            for (var c = rng.Next(0, 5); c > 0; c--)
            {
                var onset = b.At(day, rng.Next(0, 23), rng.Next(0, 59), rng.Next(0, 59));
                var stages = new List<(CryStage, DateTimeOffset)> { (rng.Next(4) == 0 ? CryStage.Crying : CryStage.Fussing, onset) };
                if (rng.Next(2) == 0) stages.Add((CryStage.Intense, onset.AddSeconds(rng.Next(30, 400))));
                var responses = new List<CryResponse>();
                if (rng.Next(8) != 0)
                {
                    var arrived = onset.AddSeconds(rng.Next(0, 900));
                    var taken = Enumerable.Range(0, rng.Next(0, 3)).Select(i => new CareActionTaken { Action = actions[rng.Next(actions.Length)], At = arrived.AddMinutes(i + 1) }).ToList();
                    responses.Add(new CryResponse
                    {
                        CaregiverId = Pick(caregivers).Id, ArrivedAt = arrived, Actions = taken,
                        ResolvedBy = taken.Count > 0 && rng.Next(3) != 0 ? taken[rng.Next(taken.Count)].Action : null,
                        Talked = rng.Next(2) == 0, EyeContact = rng.Next(2) == 0, Warm = rng.Next(2) == 0,
                        State = rng.Next(4) == 0 ? null : states[rng.Next(states.Length)],
                        BusyWith = rng.Next(3) == 0 ? "cooking" : null,
                    });
                }
                var settled = onset.AddSeconds(900 + rng.Next(0, 1800));
                b.Cry(child, caregivers[0], onset, stages.OrderBy(s => s.Item2), settled, [.. responses]);
            }
            if (rng.Next(3) == 0) b.CheckIn(Pick(caregivers), b.At(day, 21, 30), states[rng.Next(states.Length)]);
        }
        return b.Build();

        T Pick<T>(List<T> items) => items[rng.Next(items.Count)];
    }
}
