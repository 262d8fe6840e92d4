using SecureBase.Audio.Analysis;
using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Tests.Analysis;

public class AnalysisJsonTests
{
    private static CryEpisode Episode() => new(
        0.4123, 6.6049, CryStage.Crying,
        [(CryStage.Fussing, 0.4123), (CryStage.Crying, 1.9)],
        new CryFeatures(452.04, 310.0, 610.0, 480.0, 5, 0.9, 0.3, 0.2, 0.7, 24.04),
        [new AcousticNote("high-initial-pitch", "The first cry started high.", 812.34567)]);

    [Fact]
    public void A_file_result_has_the_documented_shape_with_sensible_rounding()
    {
        var result = new AnalysisResult("cries/évening.wav", 6.9, 8000, [Episode()], null);

        string line = AnalysisJson.ToNdjsonLine(result);

        Assert.Equal(
            """{"file":"cries/évening.wav","durationSeconds":6.9,"sampleRate":8000,"episodes":[{"start":0.41,"end":6.6,"peakStage":"crying","stages":[{"stage":"fussing","start":0.41},{"stage":"crying","start":1.9}],"features":{"f0MeanHz":452,"f0MinHz":310,"f0MaxHz":610,"f0InitialHz":480,"unitCount":5,"unitMeanSeconds":0.9,"pauseMeanSeconds":0.3,"rhythmIrregularity":0.2,"voicedFraction":0.7,"loudnessOverBackgroundDb":24},"notes":[{"id":"high-initial-pitch","text":"The first cry started high.","value":812.346}]}]}""",
            line);
    }

    [Fact]
    public void Unmeasured_figures_are_null_and_an_error_is_its_own_shape()
    {
        var features = new CryFeatures(null, null, null, null, 0, null, null, null, 0, double.NaN);
        var episode = new CryEpisode(1, 2, CryStage.Fussing, [(CryStage.Fussing, 1)], features, []);

        string line = AnalysisJson.ToNdjsonLine(new AnalysisResult("a.wav", 3, 16000, [episode], null));
        string error = AnalysisJson.ToNdjsonLine(AnalysisResult.Failed("b.wav", "The file is empty."));

        Assert.Contains("\"f0MeanHz\":null", line, StringComparison.Ordinal);
        Assert.Contains("\"loudnessOverBackgroundDb\":null", line, StringComparison.Ordinal);
        Assert.Equal("""{"file":"b.wav","error":"The file is empty."}""", error);
    }

    [Fact]
    public void Live_events_name_their_kind_and_stage()
    {
        var started = new CryEvent(CryEventKind.EpisodeStarted, 2.004, CryStage.Fussing, null) { DetectedAtSeconds = 2.5 };
        var ended = new CryEvent(CryEventKind.EpisodeEnded, 6.6, CryStage.Crying, Episode()) { DetectedAtSeconds = 11.6 };

        Assert.Equal("""{"event":"episodeStarted","time":2,"stage":"fussing","detectedAt":2.5}""", AnalysisJson.ToNdjsonLine(started));
        Assert.StartsWith("""{"event":"episodeEnded","time":6.6,"stage":"crying","detectedAt":11.6,"episode":{"start":0.41,""", AnalysisJson.ToNdjsonLine(ended), StringComparison.Ordinal);
    }
}
