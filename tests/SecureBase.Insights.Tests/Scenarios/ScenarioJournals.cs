using SecureBase.Care.Journal;

namespace SecureBase.Insights.Tests.Scenarios;

/// <summary>
/// The generator of the five SPEC section 6 scenarios. The committed files Scenarios/*.json are its output;
/// <see cref="ScenarioFileTests"/> checks they still match (set SECUREBASE_REGENERATE_SCENARIOS=1 to rewrite them).
/// All times are local (Europe/Paris, November 2026, UTC+1).
/// </summary>
internal static class ScenarioJournals
{
    public const string ResponsiveEvening = "responsive-evening";
    public const string DistractedEvening = "distracted-evening";
    public const string TwoHomes = "two-homes";
    public const string BusyAndFree = "busy-and-free";
    public const string AnxiousEvenings = "anxious-evenings";

    public static readonly string[] All = [ResponsiveEvening, DistractedEvening, TwoHomes, BusyAndFree, AnxiousEvenings];

    /// <summary>Sarah is four months old on the scenario days.</summary>
    public static readonly DateOnly SarahBirth = new(2026, 7, 10);
    public static readonly DateOnly EveningDay = new(2026, 11, 10);
    public static readonly DateOnly FortnightStart = new(2026, 11, 2);
    /// <summary>Leo is three months old during his week.</summary>
    public static readonly DateOnly LeoBirth = new(2026, 8, 12);
    public static readonly DateOnly LeoWeekStart = new(2026, 11, 12);

    public static JournalDocument Create(string name) => name switch
    {
        ResponsiveEvening => OneEvening(name, responsive: true),
        DistractedEvening => OneEvening(name, responsive: false),
        TwoHomes => TwoHomesFortnight(),
        BusyAndFree => BusyAndFreeFortnight(),
        AnxiousEvenings => AnxiousWeek(),
        _ => throw new ArgumentException($"No scenario {name}.", nameof(name)),
    };

    /// <summary>Scenarios 1 and 2: one day of Sarah's routine with the evening cry answered by her father.</summary>
    private static JournalDocument OneEvening(string name, bool responsive)
    {
        var b = new JournalBuilder(name, "The Martins");
        var anna = b.Caregiver("Anna");
        var tom = b.Caregiver("Tom");
        var sarah = b.Child("Sarah", SarahBirth, "her");
        SarahsDay(b, sarah, anna, EveningDay);
        if (responsive) ResponsiveCry(b, sarah, tom, EveningDay, busyWith: null);
        else DistractedCry(b, sarah, tom, EveningDay, busyWith: null);
        return b.Build();
    }

    /// <summary>Scenario 3: two weeks; Anna answers the evening cry like scenario 1 on even days, Tom like scenario 2 on odd days.</summary>
    private static JournalDocument TwoHomesFortnight()
    {
        var b = new JournalBuilder(TwoHomes, "The Martins");
        var anna = b.Caregiver("Anna");
        var tom = b.Caregiver("Tom");
        var sarah = b.Child("Sarah", SarahBirth, "her");
        for (var i = 0; i < 14; i++)
        {
            var day = FortnightStart.AddDays(i);
            SarahsDay(b, sarah, i % 2 == 0 ? anna : tom, day);
            if (i % 2 == 0) ResponsiveCry(b, sarah, anna, day, busyWith: null);
            else DistractedCry(b, sarah, tom, day, busyWith: null);
        }
        return b.Build();
    }

    /// <summary>Scenario 4: two weeks; Tom answers like scenario 1 when free and like scenario 2 when busy (every other day).</summary>
    private static JournalDocument BusyAndFreeFortnight()
    {
        var b = new JournalBuilder(BusyAndFree, "The Martins");
        var anna = b.Caregiver("Anna");
        var tom = b.Caregiver("Tom");
        var sarah = b.Child("Sarah", SarahBirth, "her");
        string[] chores = ["cooking dinner", "a work call", "answering emails"];
        for (var i = 0; i < 14; i++)
        {
            var day = FortnightStart.AddDays(i);
            SarahsDay(b, sarah, i % 3 == 0 ? anna : tom, day);
            if (i % 2 == 0) ResponsiveCry(b, sarah, tom, day, busyWith: null);
            else DistractedCry(b, sarah, tom, day, busyWith: chores[i % chores.Length]);
        }
        return b.Build();
    }

    /// <summary>
    /// Scenario 5: a week of colicky evenings for Leo (three months). Maya reaches him at once but logs herself anxious;
    /// she first offers a feed an hour after the last one (refused), then walks him and massages his belly, which
    /// settles him after a long while. Each night she checks in as overwhelmed.
    /// </summary>
    private static JournalDocument AnxiousWeek()
    {
        var b = new JournalBuilder(AnxiousEvenings, "The Okafors");
        var maya = b.Caregiver("Maya");
        var sam = b.Caregiver("Sam");
        var leo = b.Child("Leo", LeoBirth, "him");
        for (var i = 0; i < 7; i++)
        {
            var day = LeoWeekStart.AddDays(i);
            var morningBy = i % 2 == 0 ? sam : maya;
            b.Feed(leo, morningBy, b.At(day, 7, 0), 20, FeedKind.BreastBoth, amount: null);
            b.Diaper(leo, morningBy, b.At(day, 7, 25));
            b.Feed(leo, maya, b.At(day, 9, 45), 20, FeedKind.BreastBoth, amount: null);
            b.Sleep(leo, maya, b.At(day, 10, 15), b.At(day, 11, 30));
            b.Connection(leo, maya, b.At(day, 11, 40), 10, ConnectionKind.SmileExchange);
            b.Feed(leo, maya, b.At(day, 12, 30), 20, FeedKind.BreastBoth, amount: null);
            b.Sleep(leo, maya, b.At(day, 13, 0), b.At(day, 14, 30));
            b.Feed(leo, maya, b.At(day, 15, 0), 20, FeedKind.BreastBoth, amount: null);
            b.Connection(leo, sam, b.At(day, 16, 15), 10, ConnectionKind.VocalImitation);
            b.Feed(leo, maya, b.At(day, 17, 30), 20, FeedKind.BreastBoth, amount: null);

            var onset = b.At(day, 18, 30);
            b.Feed(leo, maya, b.At(day, 18, 31), 3, FeedKind.BreastBoth, amount: null, refused: true);
            b.Cry(leo, maya, onset,
                [(CryStage.Fussing, onset), (CryStage.Crying, onset.AddMinutes(1)), (CryStage.Intense, onset.AddMinutes(6)), (CryStage.Crying, onset.AddMinutes(25))],
                settled: onset.AddMinutes(50),
                new CryResponse
                {
                    CaregiverId = maya.Id, AcknowledgedAt = onset.AddSeconds(3), ArrivedAt = onset.AddSeconds(10),
                    Actions = [new() { Action = CareAction.Feed, At = onset.AddMinutes(1) }, new() { Action = CareAction.HoldSoothe, At = onset.AddMinutes(5) }],
                    ResolvedBy = CareAction.HoldSoothe, Talked = true, EyeContact = false, Warm = true, State = CaregiverState.Anxious,
                });
            b.Feed(leo, maya, b.At(day, 19, 30), 20, FeedKind.BreastBoth, amount: null);
            b.Sleep(leo, sam, b.At(day, 20, 0), b.At(day.AddDays(1), 6, 30));
            b.CheckIn(maya, b.At(day, 21, 0), CaregiverState.Overwhelmed, "Another long evening. I could not calm him for ages.");
        }
        return b.Build();
    }

    /// <summary>Sarah's day before the evening cry: feeds about every 2 h 50 m, naps, a diaper, connection moments, and the night's sleep.</summary>
    private static void SarahsDay(JournalBuilder b, JournalChild sarah, JournalCaregiver by, DateOnly day)
    {
        b.Feed(sarah, by, b.At(day, 7, 30), 20);
        b.Diaper(sarah, by, b.At(day, 7, 55));
        b.Connection(sarah, by, b.At(day, 8, 10), 10, ConnectionKind.SmileExchange);
        b.Sleep(sarah, by, b.At(day, 8, 40), b.At(day, 9, 50));
        b.Feed(sarah, by, b.At(day, 10, 20), 20);
        b.Connection(sarah, by, b.At(day, 11, 0), 15, ConnectionKind.Play);
        b.Feed(sarah, by, b.At(day, 13, 15), 20);
        b.Sleep(sarah, by, b.At(day, 13, 45), b.At(day, 15, 15));
        b.Feed(sarah, by, b.At(day, 16, 10), 20);
        b.Sleep(sarah, by, b.At(day, 20, 0), b.At(day.AddDays(1), 6, 45));
    }

    /// <summary>
    /// Scenario 1's cry: whining at 19:00, 2 h 50 m after the last feed. He is with her within 15 s, talks to her, guesses
    /// hunger, checks the formula is warm and feeds her with eye contact; the feed settles her.
    /// </summary>
    private static void ResponsiveCry(JournalBuilder b, JournalChild sarah, JournalCaregiver by, DateOnly day, string? busyWith)
    {
        var onset = b.At(day, 19, 0);
        b.Cry(sarah, by, onset, [(CryStage.Fussing, onset)], settled: onset.AddSeconds(300),
            new CryResponse
            {
                CaregiverId = by.Id, AcknowledgedAt = onset.AddSeconds(5), ArrivedAt = onset.AddSeconds(15),
                Actions = [new() { Action = CareAction.Feed, At = onset.AddMinutes(3) }], ResolvedBy = CareAction.Feed,
                Talked = true, EyeContact = true, Warm = true, State = CaregiverState.Calm, BusyWith = busyWith,
            });
        b.Feed(sarah, by, onset.AddMinutes(3), 15, temperature: Care.Journal.FormulaTemperature.Ok);
        b.Connection(sarah, by, onset.AddMinutes(20), 5, ConnectionKind.VocalImitation);
    }

    /// <summary>
    /// Scenario 2's cry: the whining is ignored; a cry after 2 min, intense after 5. He arrives after 6 min, changes
    /// the diaper without a word (not resolved); 8 min later he feeds her cold formula without talking, which settles her.
    /// </summary>
    private static void DistractedCry(JournalBuilder b, JournalChild sarah, JournalCaregiver by, DateOnly day, string? busyWith)
    {
        var onset = b.At(day, 19, 0);
        b.Cry(sarah, by, onset,
            [(CryStage.Fussing, onset), (CryStage.Crying, onset.AddMinutes(2)), (CryStage.Intense, onset.AddMinutes(5))],
            settled: onset.AddMinutes(20),
            new CryResponse
            {
                CaregiverId = by.Id, ArrivedAt = onset.AddMinutes(6),
                Actions = [new() { Action = CareAction.Diaper, At = onset.AddMinutes(7) }, new() { Action = CareAction.Feed, At = onset.AddMinutes(15) }],
                ResolvedBy = CareAction.Feed, Talked = false, EyeContact = false, Warm = false, State = CaregiverState.Stressed, BusyWith = busyWith,
            });
        b.Diaper(sarah, by, onset.AddMinutes(7));
        b.Feed(sarah, by, onset.AddMinutes(15), 15, temperature: Care.Journal.FormulaTemperature.TooCold);
    }
}
