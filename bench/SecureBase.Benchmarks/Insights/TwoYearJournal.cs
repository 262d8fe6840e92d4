using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Benchmarks.Insights;

/// <summary>A busy two-year journal (about 55 entries a day, ~40,000 in all) for one child and three caregivers, seeded.</summary>
internal static class TwoYearJournal
{
    public static readonly DateOnly FirstDay = new(2024, 11, 1);
    public const int Days = 730;

    public static JournalDocument Create(int seed = 7)
    {
        var rng = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Guid Id() => new(rng.NextBytes16());
        var caregivers = new List<JournalCaregiver>
        {
            new(Id(), "Anna", CaregiverRole.Parent, false), new(Id(), "Tom", CaregiverRole.Parent, false), new(Id(), "Grandma", CaregiverRole.Caregiver, true),
        };
        var child = new JournalChild(Id(), "Sarah", FirstDay.AddDays(-10), "her", null, null);
        var entries = new List<JournalEntry>(Days * 56);
        var states = Enum.GetValues<CaregiverState>();
        var actions = Enum.GetValues<CareAction>();
        for (var d = 0; d < Days; d++)
        {
            var day = FirstDay.AddDays(d);
            DateTimeOffset At(int minuteOfDay)
            {
                var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
                return new DateTimeOffset(local, zone.GetUtcOffset(local));
            }
            Guid Who() => caregivers[rng.Next(caregivers.Count)].Id;
            T Add<T>(T entry) where T : JournalEntry
            {
                entry.Id = Id();
                entry.LoggedBy = entry.DoneBy ??= Who();
                entries.Add(entry);
                return entry;
            }

            Add(new SleepEntry { ChildId = child.Id, StartedAt = At(0), EndedAt = At(6 * 60 + 20), Location = SleepLocation.Crib });
            for (var n = 0; n < 4; n++) Add(new SleepEntry { ChildId = child.Id, StartedAt = At(8 * 60 + n * 200), EndedAt = At(8 * 60 + n * 200 + 60), Location = SleepLocation.Crib });
            for (var n = 0; n < 9; n++) Add(new FeedEntry { ChildId = child.Id, StartedAt = At(30 + n * 160 + rng.Next(0, 40)), Kind = FeedKind.Formula, Amount = 120 });
            for (var n = 0; n < 8; n++) Add(new DiaperEntry { ChildId = child.Id, StartedAt = At(60 + n * 170 + rng.Next(0, 30)), Wet = true });
            for (var n = 0; n < 8; n++) Add(new ConnectionEntry { ChildId = child.Id, StartedAt = At(7 * 60 + n * 100 + rng.Next(0, 30)), Kind = ConnectionKind.SmileExchange });
            for (var n = 0; n < 4; n++) Add(new NoteEntry { ChildId = child.Id, StartedAt = At(9 * 60 + n * 180), Text = "A good stretch of play." });
            Add(new CheckInEntry { StartedAt = At(21 * 60 + 30), State = states[rng.Next(states.Length)] });
            for (var n = 0; n < 21; n++)
            {
                var onset = At(n * 68 + rng.Next(0, 60));
                var arrived = onset.AddSeconds(rng.Next(5, 600));
                var first = actions[rng.Next(actions.Length)];
                Add(new CryEpisodeEntry
                {
                    ChildId = child.Id, StartedAt = onset, EndedAt = arrived.AddMinutes(10), SettledAt = arrived.AddMinutes(rng.Next(1, 10)),
                    PeakStage = CryStage.Crying,
                    Stages = [new() { Stage = CryStage.Fussing, At = onset }, new() { Stage = CryStage.Crying, At = onset.AddSeconds(rng.Next(30, 300)) }],
                    Responses =
                    [
                        new CryResponse
                        {
                            CaregiverId = Who(), ArrivedAt = arrived, Actions = [new() { Action = first, At = arrived.AddMinutes(1) }],
                            ResolvedBy = rng.Next(2) == 0 ? first : null, Talked = rng.Next(4) != 0, EyeContact = rng.Next(3) != 0, Warm = rng.Next(4) != 0,
                            State = states[rng.Next(states.Length)], BusyWith = rng.Next(4) == 0 ? "cooking" : null,
                        },
                    ],
                });
            }
        }
        entries.Sort((a, b) => a.StartedAt.CompareTo(b.StartedAt));
        return new JournalDocument
        {
            ExportedAt = DateTimeOffset.UnixEpoch,
            Household = new JournalHousehold(Id(), "Benchmark household", "Europe/Paris"),
            Caregivers = caregivers,
            Children = [child],
            Entries = entries,
        };
    }

    private static byte[] NextBytes16(this Random rng)
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        return bytes;
    }
}
