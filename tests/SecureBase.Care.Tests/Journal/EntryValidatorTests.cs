using SecureBase.Care.Journal;

namespace SecureBase.Care.Tests.Journal;

public class EntryValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Parent = Guid.NewGuid();

    private static EntryContext Context(params (Guid, DateTimeOffset, DateTimeOffset?)[] sleeps) =>
        new(new Dictionary<Guid, DateOnly> { [Child] = new DateOnly(2025, 11, 1) }, new HashSet<Guid> { Parent }, sleeps);

    private static IReadOnlyList<ValidationError> Validate(JournalEntry entry, EntryContext? context = null) =>
        EntryValidator.Validate(entry, context ?? Context(), Now);

    private static FeedEntry Feed(double? amount = 120) => new()
    {
        Id = Guid.NewGuid(), ChildId = Child, LoggedBy = Parent, StartedAt = Now.AddHours(-1), EndedAt = Now.AddHours(-1).AddMinutes(15),
        Kind = FeedKind.Formula, Amount = amount,
    };

    [Fact]
    public void A_good_entry_passes() => Assert.Empty(Validate(Feed()));

    [Fact]
    public void End_before_start_is_refused()
    {
        var feed = Feed();
        feed.EndedAt = feed.StartedAt.AddMinutes(-1);
        Assert.Contains(new ValidationError("endedAt", "The end is before the start."), Validate(feed));
    }

    [Fact]
    public void Times_in_the_future_beyond_the_skew_are_refused()
    {
        var feed = Feed();
        feed.StartedAt = Now.AddMinutes(4);
        feed.EndedAt = null;
        Assert.Empty(Validate(feed)); // within the 5-minute allowance for phone clocks
        feed.StartedAt = Now.AddMinutes(6);
        Assert.Contains(new ValidationError("startedAt", "The start is in the future."), Validate(feed));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1000.5)]
    [InlineData(double.NaN)]
    public void Amounts_out_of_range_are_refused(double amount) =>
        Assert.Contains(Validate(Feed(amount)), e => e.Field == "amount");

    [Fact]
    public void Amount_at_the_limit_passes() => Assert.Empty(Validate(Feed(1000)));

    [Fact]
    public void Overlapping_sleep_is_refused_and_touching_sleep_is_not()
    {
        var sleep = new SleepEntry { Id = Guid.NewGuid(), ChildId = Child, LoggedBy = Parent, StartedAt = Now.AddHours(-3), EndedAt = Now.AddHours(-2) };
        Assert.Contains(Validate(sleep, Context((Guid.NewGuid(), Now.AddHours(-2.5), Now.AddHours(-1)))), e => e.Message.Contains("overlaps", StringComparison.Ordinal));
        Assert.Empty(Validate(sleep, Context((Guid.NewGuid(), Now.AddHours(-2), Now.AddHours(-1)))));
        // A running sleep timer (no end) overlaps everything after its start.
        Assert.NotEmpty(Validate(sleep, Context((Guid.NewGuid(), Now.AddHours(-4), null))));
        // The entry itself (same id) is not an overlap.
        Assert.Empty(Validate(sleep, Context((sleep.Id, sleep.StartedAt, sleep.EndedAt))));
    }

    [Fact]
    public void Unknown_child_and_caregivers_are_refused()
    {
        var feed = Feed();
        feed.ChildId = Guid.NewGuid();
        feed.LoggedBy = Guid.NewGuid();
        feed.DoneBy = Guid.NewGuid();
        var fields = Validate(feed).Select(e => e.Field).ToList();
        Assert.Contains("childId", fields);
        Assert.Contains("loggedBy", fields);
        Assert.Contains("doneBy", fields);
    }

    [Fact]
    public void A_child_is_required_except_for_notes_and_check_ins()
    {
        var feed = Feed();
        feed.ChildId = null;
        Assert.Contains(Validate(feed), e => e.Field == "childId");
        Assert.Empty(Validate(new CheckInEntry { Id = Guid.NewGuid(), LoggedBy = Parent, StartedAt = Now, State = CaregiverState.Tired }));
    }

    [Fact]
    public void Resolving_action_must_be_among_the_actions_taken()
    {
        var cry = new CryEpisodeEntry
        {
            Id = Guid.NewGuid(), ChildId = Child, LoggedBy = Parent, StartedAt = Now.AddMinutes(-30), PeakStage = CryStage.Fussing,
            Stages = [new CryStageChange { Stage = CryStage.Fussing, At = Now.AddMinutes(-30) }],
            Responses = [new CryResponse { CaregiverId = Parent, Actions = [new CareActionTaken { Action = CareAction.Diaper }], ResolvedBy = CareAction.Feed }],
        };
        Assert.Contains(new ValidationError("responses[0].resolvedBy", "The resolving action must be one of the actions taken."), Validate(cry));
        cry.Responses[0].ResolvedBy = CareAction.Diaper;
        Assert.Empty(Validate(cry));
    }

    [Fact]
    public void Cry_timeline_rules_are_checked()
    {
        var onset = Now.AddMinutes(-30);
        var cry = new CryEpisodeEntry
        {
            Id = Guid.NewGuid(), ChildId = Child, LoggedBy = Parent, StartedAt = onset, PeakStage = CryStage.Fussing,
            Stages = [new CryStageChange { Stage = CryStage.Fussing, At = onset.AddMinutes(2) }, new CryStageChange { Stage = CryStage.Crying, At = onset.AddMinutes(1) }],
            Responses = [new CryResponse { CaregiverId = Parent, AcknowledgedAt = onset.AddMinutes(3), ArrivedAt = onset.AddMinutes(2) }],
        };
        var fields = Validate(cry).Select(e => e.Field).ToList();
        Assert.Contains("stages[1].at", fields);
        Assert.Contains("peakStage", fields);
        Assert.Contains("responses[0].arrivedAt", fields);
    }

    [Fact]
    public void Durations_over_the_limit_are_refused()
    {
        var feed = Feed();
        feed.StartedAt = Now.AddHours(-5);
        feed.EndedAt = Now.AddHours(-0.5);
        Assert.Contains(Validate(feed), e => e.Field == "endedAt" && e.Message.Contains("longer than 3 hours", StringComparison.Ordinal));
    }

    [Fact]
    public void Temperature_only_applies_to_bottles()
    {
        var feed = Feed(amount: null);
        feed.Kind = FeedKind.BreastLeft;
        feed.Temperature = FormulaTemperature.TooCold;
        Assert.Contains(Validate(feed), e => e.Field == "temperature");
    }

    [Fact]
    public void Empty_note_and_undescribed_other_milestone_are_refused()
    {
        Assert.Contains(Validate(new NoteEntry { Id = Guid.NewGuid(), LoggedBy = Parent, StartedAt = Now, Text = "  " }), e => e.Field == "text");
        Assert.Contains(Validate(new MilestoneEntry { Id = Guid.NewGuid(), ChildId = Child, LoggedBy = Parent, StartedAt = Now, Kind = MilestoneKind.Other }), e => e.Field == "description");
    }

    [Fact]
    public void Entries_long_before_birth_are_refused()
    {
        var feed = Feed();
        feed.StartedAt = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero);
        feed.EndedAt = null;
        Assert.Contains(Validate(feed), e => e.Field == "startedAt" && e.Message.Contains("birth", StringComparison.Ordinal));
    }
}
