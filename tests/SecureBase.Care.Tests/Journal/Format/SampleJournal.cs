using System.Text;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal.Format;

/// <summary>A small valid journal with one entry of every type, and helpers to read and write it.</summary>
internal static class SampleJournal
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly Guid HouseholdId = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid Mother = Guid.Parse("22222222-2222-4222-8222-222222222222");
    public static readonly Guid Father = Guid.Parse("33333333-3333-4333-8333-333333333333");
    public static readonly Guid Baby = Guid.Parse("44444444-4444-4444-8444-444444444444");

    public static JournalReadOptions Options(int maxEntries = 200_000) => new()
    {
        TimeProvider = new FakeTimeProvider(Now),
        MaxEntries = maxEntries,
    };

    public static JournalDocument Create()
    {
        var at = Now.AddHours(-6);
        return new JournalDocument
        {
            ExportedAt = Now,
            Household = new JournalHousehold(HouseholdId, "The Test family", "UTC"),
            Caregivers =
            [
                new JournalCaregiver(Mother, "Anna, \"Mum\"", CaregiverRole.Parent, false),
                new JournalCaregiver(Father, "Ben", CaregiverRole.Caregiver, true),
            ],
            Children = [new JournalChild(Baby, "Sarah", new DateOnly(2025, 11, 1), "her", null, null)],
            Entries =
            [
                new FeedEntry { Id = Id(1), ChildId = Baby, StartedAt = at, EndedAt = at.AddMinutes(15), LoggedBy = Father, DoneBy = Father, Kind = FeedKind.Formula, Amount = 150, Temperature = FormulaTemperature.Ok, RecordedAt = at.AddMinutes(16) },
                new DiaperEntry { Id = Id(2), ChildId = Baby, StartedAt = at.AddMinutes(20), LoggedBy = Mother, DoneBy = Mother, Wet = true, Solid = false, Note = "Line one,\nline two", RecordedAt = at.AddMinutes(21) },
                new SleepEntry { Id = Id(3), ChildId = Baby, StartedAt = at.AddHours(1), EndedAt = at.AddHours(2), LoggedBy = Mother, Location = SleepLocation.Crib, RecordedAt = at.AddHours(2) },
                Cry(Id(4), at.AddHours(3)),
                new ConnectionEntry { Id = Id(5), ChildId = Baby, StartedAt = at.AddHours(4), EndedAt = at.AddHours(4).AddMinutes(10), LoggedBy = Father, DoneBy = Father, Kind = ConnectionKind.VocalImitation, RecordedAt = at.AddHours(4) },
                new MilestoneEntry { Id = Id(6), ChildId = Baby, StartedAt = at.AddHours(4.5), LoggedBy = Mother, Kind = MilestoneKind.SocialSmile, Description = "She smiled back", RecordedAt = at.AddHours(4.5) },
                new NoteEntry { Id = Id(7), ChildId = Baby, StartedAt = at.AddHours(5), LoggedBy = Mother, Text = "=SUM(A1) is not a formula", RecordedAt = at.AddHours(5) },
                new CheckInEntry { Id = Id(8), StartedAt = at.AddHours(5.5), LoggedBy = Father, DoneBy = Father, State = CaregiverState.Tired, RecordedAt = at.AddHours(5.5) },
            ],
        };
    }

    public static CryEpisodeEntry Cry(Guid id, DateTimeOffset onset) => new()
    {
        Id = id, ChildId = Baby, StartedAt = onset, EndedAt = onset.AddMinutes(12), SettledAt = onset.AddMinutes(12),
        LoggedBy = Father, DoneBy = Father, Source = CrySource.Monitor, PeakStage = CryStage.Crying,
        Stages = [new CryStageChange { Stage = CryStage.Fussing, At = onset }, new CryStageChange { Stage = CryStage.Crying, At = onset.AddSeconds(100) }],
        Acoustics = new CryAcoustics { F0MeanHz = 480, UnitMeanSeconds = 1.2 },
        Responses =
        [
            new CryResponse
            {
                CaregiverId = Father, AcknowledgedAt = onset.AddSeconds(30), ArrivedAt = onset.AddSeconds(150),
                Actions = [new CareActionTaken { Action = CareAction.Diaper, At = onset.AddSeconds(200) }, new CareActionTaken { Action = CareAction.Feed, At = onset.AddMinutes(8) }],
                ResolvedBy = CareAction.Feed, Talked = true, EyeContact = false, Warm = true, State = CaregiverState.Stressed, BusyWith = "cooking, dinner",
            },
            new CryResponse { CaregiverId = Mother, ArrivedAt = onset.AddMinutes(5), Actions = [new CareActionTaken { Action = CareAction.HoldSoothe }] },
        ],
    };

    public static Guid Id(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:D12}");

    public static byte[] Write(JournalDocument document)
    {
        using var stream = new MemoryStream();
        JournalDocumentWriter.Write(document, stream);
        return stream.ToArray();
    }

    public static JournalReadResult Read(string json, JournalReadOptions? options = null) =>
        JournalDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), options ?? Options());

    public static JournalReadResult Read(byte[] json, JournalReadOptions? options = null) =>
        JournalDocumentReader.Read(new MemoryStream(json), options ?? Options());

    public static string Json(JournalDocument document) => Encoding.UTF8.GetString(Write(document));
}
