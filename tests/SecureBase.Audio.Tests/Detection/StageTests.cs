using SecureBase.Audio.Detection;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Detection;

public class StageTests
{
    private const int Rate = 16000;

    [Fact]
    public void Fussing_escalates_to_crying_then_intense_and_calms_back_with_times_within_a_quarter_second()
    {
        // 2 s quiet, fussing (short whines, long gaps), crying (long units, short pauses), intense (louder, continuous),
        // then fussing again.
        var builder = new SignalBuilder(Rate).Silence(2);
        double t = 2;
        void Add(int count, double unit, double pause, double level)
        {
            for (int i = 0; i < count; i++)
            {
                builder.Append(CrySynth.Burst(Rate, 460, unit, level, seed: (int)(t * 10)));
                builder.Silence(pause);
                t += unit + pause;
            }
        }

        Add(4, 0.4, 1.1, -30);
        double cryingStart = t;
        Add(4, 1.2, 0.35, -30);
        double intenseStart = t;
        Add(4, 1.2, 0.3, -18);
        double calmStart = t;
        Add(6, 0.4, 1.1, -30);

        var recorder = Detect(builder.Silence(1).Build(), Rate);
        var events = recorder.Events;
        string all = Describe(recorder);

        Assert.Equal(CryEventKind.EpisodeStarted, events[0].Kind);
        Assert.Equal(CryStage.Fussing, events[0].Stage);
        Assert.InRange(events[0].TimeSeconds, 1.75, 2.25);
        var changes = events.Where(e => e.Kind == CryEventKind.StageChanged).ToList();
        Assert.True(changes.Count == 3, all);
        Assert.Equal(CryStage.Crying, changes[0].Stage);
        Assert.InRange(changes[0].TimeSeconds, cryingStart - 0.25, cryingStart + 0.25);
        Assert.Equal(CryStage.Intense, changes[1].Stage);
        Assert.InRange(changes[1].TimeSeconds, intenseStart - 0.25, intenseStart + 0.25);
        Assert.Equal(CryStage.Fussing, changes[2].Stage);
        Assert.InRange(changes[2].TimeSeconds, calmStart - 0.25, calmStart + 4 + 1.5 + 0.25);

        var episode = Assert.Single(recorder.Episodes);
        Assert.Equal(CryStage.Intense, episode.PeakStage);
        Assert.Equal([CryStage.Fussing, CryStage.Crying, CryStage.Intense, CryStage.Fussing], episode.Stages.Select(s => s.Stage));
        Assert.Equal(events[^1].TimeSeconds, episode.EndSeconds);
        Assert.Equal(18, episode.Features.UnitCount);
    }

    [Fact]
    public void Episode_ends_after_the_silence_timeout_and_the_end_event_is_dated_at_the_last_unit()
    {
        var signal = new SignalBuilder(Rate).Silence(1).Append(CrySynth.Units(Rate, 450, 3, 1.0, 0.3)).Silence(10).Build();

        var recorder = Detect(signal, Rate);

        var ended = recorder.Events.Single(e => e.Kind == CryEventKind.EpisodeEnded);
        double lastUnitEnd = 1 + 3.6;
        Assert.InRange(ended.TimeSeconds, lastUnitEnd - 0.05, lastUnitEnd + 0.05);
        Assert.InRange(ended.DetectedAtSeconds, lastUnitEnd + 5 - 0.05, lastUnitEnd + 5 + 0.1);
        Assert.NotNull(ended.Episode);
    }

    [Fact]
    public void Flush_closes_the_open_episode_at_the_end_of_the_stream()
    {
        var signal = new SignalBuilder(Rate).Silence(1).Append(CrySynth.Units(Rate, 450, 2, 1.0, 0.3)).Build();
        var detector = new CryDetector(new CryDetectorOptions());
        var recorder = new SecureBase.Audio.Evaluation.EventRecorder();

        detector.Process(signal, recorder);
        Assert.True(detector.InEpisode);
        Assert.DoesNotContain(recorder.Events, e => e.Kind == CryEventKind.EpisodeEnded);
        detector.Flush(recorder);

        Assert.False(detector.InEpisode);
        var episode = Assert.Single(recorder.Episodes);
        Assert.InRange(episode.EndSeconds, 3.25, 3.35);
        Assert.Equal(2, episode.Features.UnitCount);
    }
}
