using System.Text;
using SecureBase.Care.Journal;

namespace SecureBase.Care.Tests.Journal.Format;

public class GuidanceSectionTests
{
    private static readonly Guid Plan = SampleJournal.Id(900);

    private static JournalDocument WithGuidance()
    {
        var document = SampleJournal.Create();
        var at = SampleJournal.Now.AddDays(-1);
        document.Guidance = new JournalGuidance
        {
            Rules = [new(SampleJournal.Id(901), "We don't carry her to sleep", at, SampleJournal.Mother,
                [new(SampleJournal.Mother, "Anna", at), new(SampleJournal.Father, "Ben", at.AddHours(2))])],
            DesireDecisions = [new(SampleJournal.Id(902), SampleJournal.Baby, DesireKind.SleepInParentsBed, null, at, SampleJournal.Mother,
                true, false, false, DesireOutcome.DoNotFulfil, at.AddHours(3), [new(SampleJournal.Mother, true, at.AddHours(1)), new(SampleJournal.Father, false, at.AddHours(3))])],
            SleepTrainingPlans = [new(Plan, SampleJournal.Baby, at, [[3, 5, 10], [5, 10, 12]])],
            SleepTrainingNights = [new(SampleJournal.Id(903), Plan, 1, new(true, true, true, true, true),
                [new(NightEventKind.PutDown, at.AddHours(12)), new(NightEventKind.CryStarted, at.AddHours(12).AddMinutes(2)),
                 new(NightEventKind.CheckIn, at.AddHours(12).AddMinutes(5)), new(NightEventKind.FellAsleep, at.AddHours(12).AddMinutes(9)),
                 new(NightEventKind.Ended, at.AddHours(20))], [SampleJournal.Id(4)])],
        };
        return document;
    }

    [Fact]
    public void The_guidance_section_round_trips_byte_for_byte_and_keeps_every_field()
    {
        var first = SampleJournal.Write(WithGuidance());
        var read = SampleJournal.Read(first);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(SampleJournal.Write(read.Document!)));
        var guidance = read.Document!.Guidance!;
        Assert.Equal(["Anna", "Ben"], guidance.Rules[0].Agreements.Select(a => a.Name));
        Assert.Equal([true, false], guidance.DesireDecisions[0].Votes.Select(v => v.Agrees));
        Assert.Equal([10, 12], guidance.SleepTrainingPlans[0].WaitMinutes[1].Skip(1));
        Assert.Equal(NightEventKind.Ended, guidance.SleepTrainingNights[0].Events[^1].Kind);
        Assert.Contains("\"kind\": \"sleepInParentsBed\"", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_guidance_is_written_without_the_section()
    {
        var document = SampleJournal.Create();
        document.Guidance = new JournalGuidance();
        Assert.DoesNotContain("guidance", SampleJournal.Json(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_references_and_values_are_named_by_their_path()
    {
        var document = WithGuidance();
        var g = document.Guidance!;
        g.Rules[0].Agreements.Add(new(Guid.NewGuid(), "Stranger", SampleJournal.Now));
        g.DesireDecisions[0] = g.DesireDecisions[0] with { ChildId = Guid.NewGuid(), DecidedAt = null };
        g.SleepTrainingPlans.Add(new(SampleJournal.Id(904), SampleJournal.Baby, SampleJournal.Now, [[0, 5]]));
        g.SleepTrainingNights[0].Events.Reverse();
        g.SleepTrainingNights[0].CryEpisodeIds.Add(SampleJournal.Id(1)); // a feed, not a cry

        var read = SampleJournal.Read(SampleJournal.Write(document));

        Assert.False(read.IsValid);
        var fields = read.Errors.Select(e => e.Field).ToHashSet();
        Assert.Contains("guidance.rules[0].agreements[2].caregiverId", fields);
        Assert.Contains("guidance.desireDecisions[0].childId", fields);
        Assert.Contains("guidance.desireDecisions[0].decidedAt", fields);
        Assert.Contains("guidance.sleepTrainingPlans[1].waitMinutes[0]", fields);
        Assert.Contains("guidance.sleepTrainingNights[0].events", fields);
        Assert.Contains("guidance.sleepTrainingNights[0].cryEpisodeIds[1]", fields);
    }
}
