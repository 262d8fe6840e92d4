namespace SecureBase.Monitoring.Tests;

public class EpisodeContinuityTests
{
    private static readonly DateTimeOffset Heard = new(2026, 3, 2, 19, 0, 0, TimeSpan.Zero);
    private static readonly Guid Entry = Guid.NewGuid();

    [Fact]
    public void No_earlier_episode_means_a_new_one() => Assert.Null(EpisodeContinuity.Continue(null, Heard));

    [Fact]
    public void A_cry_heard_again_after_a_reconnect_or_restart_continues_the_broken_off_episode()
    {
        var last = new LastEpisode(Entry, Heard, Ended: false);

        Assert.Equal(Entry, EpisodeContinuity.Continue(last, Heard.AddSeconds(45)));
        Assert.Equal(Entry, EpisodeContinuity.Continue(last, Heard.AddMinutes(2)));
        Assert.Null(EpisodeContinuity.Continue(last, Heard.AddMinutes(2).AddSeconds(1)));
    }

    [Fact]
    public void An_ended_episode_continues_only_across_a_breath()
    {
        var last = new LastEpisode(Entry, Heard, Ended: true);

        Assert.Equal(Entry, EpisodeContinuity.Continue(last, Heard.AddSeconds(8)));
        Assert.Null(EpisodeContinuity.Continue(last, Heard.AddSeconds(30)));
    }

    [Fact]
    public void An_episode_far_older_than_the_onset_is_not_reused_backwards()
    {
        var last = new LastEpisode(Entry, Heard, Ended: false);

        Assert.Null(EpisodeContinuity.Continue(last, Heard.AddMinutes(-5)));
    }
}
