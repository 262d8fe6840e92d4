using SecureBase.Care.Demo;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Care.Tests.Journal.Format;

namespace SecureBase.Care.Tests.Demo;

public class DemoJournalTests
{
    private static readonly DateTimeOffset Now = SampleJournal.Now;
    private static readonly Lazy<JournalDocument> s_demo = new(() => DemoJournal.Create(Now));

    private static JournalDocument Demo => s_demo.Value;

    private static Guid CaregiverId(string name) => Demo.Caregivers.Single(c => c.Name == name).Id;

    private static IEnumerable<(CryEpisodeEntry Cry, CryResponse Response)> Responses(string name) =>
        Demo.Entries.OfType<CryEpisodeEntry>().Select(c => (c, c.Responses[0])).Where(p => p.Item2.CaregiverId == CaregiverId(name));

    private static double MedianLatencySeconds(IEnumerable<(CryEpisodeEntry Cry, CryResponse Response)> responses)
    {
        var sorted = responses.Select(p => (p.Response.ArrivedAt!.Value - p.Cry.StartedAt).TotalSeconds).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [Fact]
    public void Demo_passes_the_reader_with_every_rule()
    {
        var result = SampleJournal.Read(SampleJournal.Write(Demo));
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Take(10)));
    }

    [Fact]
    public void Demo_is_deterministic_for_a_seed_and_differs_between_seeds()
    {
        Assert.Equal(SampleJournal.Write(DemoJournal.Create(Now, seed: 7)), SampleJournal.Write(DemoJournal.Create(Now, seed: 7)));
        Assert.NotEqual(SampleJournal.Write(DemoJournal.Create(Now, seed: 7)), SampleJournal.Write(DemoJournal.Create(Now, seed: 8)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Other_seeds_and_times_of_day_are_valid_too(int seed)
    {
        var result = SampleJournal.Read(SampleJournal.Write(DemoJournal.Create(Now.AddHours(seed * 5), seed)),
            SampleJournal.Options() with { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now.AddHours(seed * 5)) });
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Take(10)));
    }

    [Fact]
    public void Household_has_one_four_month_old_and_three_caregivers()
    {
        var child = Assert.Single(Demo.Children);
        var ageDays = DateOnly.FromDateTime(Now.UtcDateTime).DayNumber - child.BirthDate.DayNumber;
        Assert.InRange(ageDays, 115, 130);
        Assert.Equal(3, Demo.Caregivers.Count);
        Assert.Single(Demo.Caregivers, c => c.Role == CaregiverRole.Parent);
        Assert.Equal(2, Demo.Caregivers.Count(c => c.Role == CaregiverRole.Caregiver));
    }

    [Fact]
    public void Four_weeks_end_at_now_with_every_entry_type()
    {
        Assert.All(Demo.Entries, e => Assert.InRange(e.StartedAt, Now.AddDays(-28), Now));
        Assert.All(Demo.Entries, e => Assert.True(e.EndedAt is null || e.EndedAt <= Now));
        Assert.True(Demo.Entries.Min(e => e.StartedAt) < Now.AddDays(-27));
        Assert.True(Demo.Entries.Max(e => e.StartedAt) > Now.AddHours(-4));
        Assert.Equal(Enum.GetValues<EntryType>().ToHashSet(), Demo.Entries.Select(e => e.Type).ToHashSet());
    }

    [Fact]
    public void Day_feeds_come_every_two_and_a_half_to_three_hours_and_night_gaps_are_longer()
    {
        var feeds = Demo.Entries.OfType<FeedEntry>().Where(f => !f.Refused).OrderBy(f => f.StartedAt).ToList();
        var gaps = feeds.Zip(feeds.Skip(1), (a, b) => (a.StartedAt, Hours: (b.StartedAt - a.StartedAt).TotalHours)).ToList();
        double Median(IEnumerable<double> values) { var s = values.Order().ToList(); return s[s.Count / 2]; }
        var day = Median(gaps.Where(g => g.StartedAt.Hour is >= 7 and < 18).Select(g => g.Hours));
        var night = Median(gaps.Where(g => g.StartedAt.Hour is >= 20 or < 4).Select(g => g.Hours));
        Assert.InRange(day, 2.3, 3.2);
        Assert.True(night > day + 0.5, $"night {night:0.00} h, day {day:0.00} h");
        Assert.InRange(feeds.Count / 28.0, 6, 10);
    }

    [Fact]
    public void Sleeps_never_overlap_and_at_most_the_last_is_running()
    {
        var sleeps = Demo.Entries.OfType<SleepEntry>().OrderBy(s => s.StartedAt).ToList();
        for (var i = 1; i < sleeps.Count; i++) Assert.True(sleeps[i].StartedAt >= sleeps[i - 1].EndedAt);
        Assert.All(sleeps.SkipLast(1), s => Assert.NotNull(s.EndedAt));
    }

    [Fact]
    public void Emma_answers_promptly_and_attuned_while_the_baby_is_still_fussing()
    {
        var emma = Responses("Emma").Where(p => p.Response.State is CaregiverState.Calm or CaregiverState.Tired).ToList();
        Assert.True(emma.Count > 40);
        Assert.InRange(MedianLatencySeconds(emma), 5, 40);
        Assert.True(emma.Count(p => p.Cry.PeakStage == CryStage.Fussing || p.Response.ArrivedAt < p.Cry.Stages.Skip(1).FirstOrDefault()?.At) > emma.Count * 0.8);
        Assert.True(emma.Count(p => p.Response.Talked && p.Response.EyeContact) > emma.Count * 0.7);
    }

    [Fact]
    public void Tom_is_slower_and_less_attuned_when_busy_than_when_free()
    {
        var busy = Responses("Tom").Where(p => !string.IsNullOrEmpty(p.Response.BusyWith)).ToList();
        var free = Responses("Tom").Where(p => string.IsNullOrEmpty(p.Response.BusyWith)).ToList();
        Assert.True(busy.Count >= 8 && free.Count >= 15, $"busy {busy.Count}, free {free.Count}");
        Assert.True(MedianLatencySeconds(busy) > 3 * MedianLatencySeconds(free));
        Assert.True(MedianLatencySeconds(busy) > 120);
        Assert.True(busy.Count(p => p.Cry.PeakStage > CryStage.Fussing) > busy.Count * 0.8, "busy answers come after the cry escalated");
        Assert.True(busy.Count(p => p.Response.Talked) < free.Count(p => p.Response.Talked) * busy.Count / (double)free.Count);
        Assert.Contains(Demo.Entries.OfType<FeedEntry>(), f => f.Temperature == FormulaTemperature.TooCold && f.DoneBy == CaregiverId("Tom"));
    }

    [Fact]
    public void Some_evenings_are_anxious_with_long_settling_and_a_refused_feed()
    {
        var anxious = Responses("Emma").Where(p => p.Response.State is CaregiverState.Anxious or CaregiverState.Overwhelmed or CaregiverState.Stressed).ToList();
        Assert.InRange(anxious.Count, 4, 8);
        Assert.All(anxious, p =>
        {
            Assert.True(p.Cry.SettledAt - p.Response.ArrivedAt > TimeSpan.FromMinutes(20));
            Assert.Equal(CareAction.Feed, p.Response.Actions[0].Action);
            Assert.Equal(CareAction.HoldSoothe, p.Response.ResolvedBy);
            Assert.InRange(p.Cry.StartedAt.Hour, 16, 20);
        });
        Assert.True(Demo.Entries.OfType<FeedEntry>().Count(f => f.Refused) >= anxious.Count);
        Assert.Contains(Demo.Entries.OfType<CheckInEntry>(), c => c.State is CaregiverState.Overwhelmed or CaregiverState.Anxious);
    }

    [Fact]
    public void Connection_moments_every_day_a_social_smile_notes_and_check_ins()
    {
        var connectionDays = Demo.Entries.OfType<ConnectionEntry>().Select(c => DateOnly.FromDateTime(c.StartedAt.UtcDateTime)).ToHashSet();
        var fullDays = Enumerable.Range(1, 27).Select(d => DateOnly.FromDateTime(Now.AddDays(-d).UtcDateTime));
        Assert.All(fullDays, d => Assert.Contains(d, connectionDays));
        Assert.Single(Demo.Entries.OfType<MilestoneEntry>(), m => m.Kind == MilestoneKind.SocialSmile);
        Assert.InRange(Demo.Entries.OfType<NoteEntry>().Count(), 3, 10);
        Assert.True(Demo.Entries.OfType<CheckInEntry>().Select(c => c.DoneBy).Distinct().Count() == 3);
    }

    [Fact]
    public void Cry_episodes_have_timelines_responses_and_attunement()
    {
        var cries = Demo.Entries.OfType<CryEpisodeEntry>().ToList();
        Assert.InRange(cries.Count / 28.0, 2, 10);
        Assert.All(cries, c =>
        {
            Assert.Equal(CryStage.Fussing, c.Stages[0].Stage);
            var r = Assert.Single(c.Responses);
            Assert.True(r.AcknowledgedAt <= r.ArrivedAt && r.ArrivedAt <= r.Actions[0].At);
            Assert.Equal(r.Actions[^1].Action, r.ResolvedBy);
            Assert.NotNull(r.State);
        });
        Assert.Contains(cries, c => c.Source == CrySource.Monitor && c.Acoustics is { F0MeanHz: > 400 and < 600 });
        Assert.Contains(cries, c => c.Source == CrySource.Manual);
        Assert.Contains(cries, c => c.Responses[0].CaregiverId == CaregiverId("Grandma Ruth"));
    }

    [SkippableFact]
    public void Days_follow_the_household_time_zone()
    {
        Skip.If(!TimeZoneInfo.TryFindSystemTimeZoneById("America/New_York", out var zone), "No time zone data on this machine.");
        var document = DemoJournal.Create(Now, seed: 1, timeZone: "America/New_York");
        Assert.Equal("America/New_York", document.Household.TimeZone);
        Assert.True(SampleJournal.Read(SampleJournal.Write(document)).IsValid);
        // Night sleeps start in the local evening, not the UTC one.
        var longSleeps = document.Entries.OfType<SleepEntry>().Where(s => s.EndedAt - s.StartedAt > TimeSpan.FromHours(2.5)).ToList();
        var localStartHours = longSleeps.Select(s => TimeZoneInfo.ConvertTime(s.StartedAt, zone).Hour).ToList();
        Assert.True(localStartHours.Count(h => h is >= 19 or < 6) > localStartHours.Count * 0.8);
    }

    [Fact]
    public void Long_journal_is_valid_and_large()
    {
        var now = Now;
        var document = DemoJournal.CreateLong(now, TimeSpan.FromDays(730), seed: 1);
        Assert.InRange(document.Entries.Count, 38_000, 42_000); // "about 40,000" (issue 2)
        Assert.Equal(2, document.Children.Count);
        var result = SampleJournal.Read(SampleJournal.Write(document));
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Take(10)));
    }
}
