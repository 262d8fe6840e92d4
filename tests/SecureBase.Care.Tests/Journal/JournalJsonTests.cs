using System.Text.Json;
using SecureBase.Care.Journal;

namespace SecureBase.Care.Tests.Journal;

public class JournalJsonTests
{
    [Fact]
    public void Every_entry_type_round_trips_with_the_shared_options_and_a_camel_case_type()
    {
        var at = new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
        JournalEntry[] entries =
        [
            new FeedEntry { Id = Guid.NewGuid(), StartedAt = at, Kind = FeedKind.Formula, Temperature = FormulaTemperature.TooCold },
            new DiaperEntry { Id = Guid.NewGuid(), StartedAt = at, Wet = true },
            new SleepEntry { Id = Guid.NewGuid(), StartedAt = at, Location = SleepLocation.ParentsBed },
            new CryEpisodeEntry { Id = Guid.NewGuid(), StartedAt = at, PeakStage = CryStage.Intense, Responses = [new CryResponse { ResolvedBy = CareAction.HoldSoothe }] },
            new ConnectionEntry { Id = Guid.NewGuid(), StartedAt = at, Kind = ConnectionKind.GazeImitation },
            new MilestoneEntry { Id = Guid.NewGuid(), StartedAt = at, Kind = MilestoneKind.SocialSmile },
            new NoteEntry { Id = Guid.NewGuid(), StartedAt = at, Text = "hello" },
            new CheckInEntry { Id = Guid.NewGuid(), StartedAt = at, State = CaregiverState.Overwhelmed },
        ];

        foreach (var entry in entries)
        {
            var json = JsonSerializer.Serialize(entry, JournalJson.Options);
            var back = JsonSerializer.Deserialize<JournalEntry>(json, JournalJson.Options)!;

            Assert.Equal(entry.GetType(), back.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(back, JournalJson.Options));
            Assert.Equal(1, json.Split("\"type\"").Length - 1);
        }
        Assert.Contains("\"type\":\"checkIn\"", JsonSerializer.Serialize(entries[^1], JournalJson.Options));
        Assert.Contains("\"temperature\":\"tooCold\"", JsonSerializer.Serialize(entries[0], JournalJson.Options));
    }
}
