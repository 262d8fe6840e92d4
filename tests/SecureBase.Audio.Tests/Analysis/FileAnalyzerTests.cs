using System.Diagnostics;
using SecureBase.Audio.Analysis;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Input;

namespace SecureBase.Audio.Tests.Analysis;

public class FileAnalyzerTests
{
    private const double CryOnset = 2.0;
    private static readonly float[] Cry16k = SyntheticCry.Make(16000, leadIn: CryOnset, units: 6, unitSeconds: 1.0, pauseSeconds: 0.35, f0Hz: 450, tail: 7);

    public static TheoryData<int, ushort, ushort, ushort> Layouts => new()
    {
        // rate, bits, channels, format tag
        { 16000, 16, 1, 1 },
        { 44100, 24, 2, 1 },
        { 48000, 32, 1, 3 },
        { 8000, 16, 1, 1 },
        { 22050, 8, 2, 1 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_cry_is_found_the_same_way_whatever_the_file_layout(int rate, ushort bits, ushort channels, ushort formatTag)
    {
        using var files = new AnalysisTestFiles();
        float[] cry = SyntheticCry.Make(rate, leadIn: CryOnset, units: 6, unitSeconds: 1.0, pauseSeconds: 0.35, f0Hz: 450, tail: 7);
        string path = files.WriteWav("cry.wav", cry, rate, bits, channels, formatTag);

        AnalysisResult result = new FileAnalyzer().Analyze(path);

        Assert.Null(result.Error);
        Assert.Equal(rate, result.SampleRate);
        Assert.Equal((double)cry.Length / rate, result.DurationSeconds!.Value, 6);
        CryEpisode episode = Assert.Single(result.Episodes);
        Assert.InRange(episode.StartSeconds, CryOnset - 0.25, CryOnset + 0.25);
        Assert.Equal(6, episode.Features.UnitCount);
        Assert.InRange(episode.Features.F0MeanHz!.Value, 450 * 0.97, 450 * 1.07); // the contour rises by up to 4% on average
        Assert.InRange(episode.Features.UnitMeanSeconds!.Value, 0.95, 1.05);
    }

    [Fact]
    public void Quiet_noise_gives_no_episode_and_its_duration()
    {
        using var files = new AnalysisTestFiles();
        var random = new Random(3);
        float[] noise = Enumerable.Range(0, 16000 * 5).Select(_ => (float)((random.NextDouble() - 0.5) * 0.1)).ToArray();

        AnalysisResult result = new FileAnalyzer().Analyze(files.WriteWav("noise.wav", noise, 16000));

        Assert.Null(result.Error);
        Assert.Empty(result.Episodes);
        Assert.Equal(5.0, result.DurationSeconds!.Value, 6);
    }

    [Fact]
    public void The_live_path_in_random_chunks_finds_the_same_episodes_as_the_file_path()
    {
        using var files = new AnalysisTestFiles();
        float[] cry = SyntheticCry.Make(44100, leadIn: CryOnset, units: 4, unitSeconds: 1.0, pauseSeconds: 0.35, f0Hz: 450, tail: 6);
        AnalysisResult fromFile = new FileAnalyzer().Analyze(files.WriteWav("cry.wav", cry, 44100));

        var pipeline = new AudioPipeline(44100, new CryDetectorOptions());
        var live = new EpisodeCollector();
        var random = new Random(11);
        for (int offset = 0; offset < cry.Length;)
        {
            int size = Math.Min(random.Next(1, 9000), cry.Length - offset);
            pipeline.Push(cry.AsSpan(offset, size), live);
            offset += size;
        }

        pipeline.Complete(live);

        var liveResult = fromFile with { Episodes = live.Episodes };
        Assert.Single(fromFile.Episodes);
        Assert.Equal(AnalysisJson.ToNdjsonLine(fromFile), AnalysisJson.ToNdjsonLine(liveResult));
    }

    [Fact]
    public void A_corrupt_file_gives_a_clear_error_instead_of_an_exception()
    {
        using var files = new AnalysisTestFiles();
        string path = files.WriteBytes("broken.wav", [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8, .. "fmt "u8, 16, 0, 0, 0, 1, 0, 0, 0]);

        AnalysisResult result = new FileAnalyzer().Analyze(path);

        Assert.False(result.Succeeded);
        Assert.Equal("The WAV file ends inside its format (fmt) chunk.", result.Error);
        Assert.Empty(result.Episodes);
    }

    [Fact]
    public void A_missing_file_says_so()
    {
        AnalysisResult result = new FileAnalyzer().Analyze(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".wav"));

        Assert.Equal("The file does not exist.", result.Error);
    }

    [Fact]
    public void A_compressed_file_without_ffmpeg_names_ffmpeg()
    {
        using var files = new AnalysisTestFiles();
        string path = files.WriteBytes("cry.mp3", [0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0]);
        string emptySearchPath = files.Root;

        AnalysisResult result = new FileAnalyzer(ffmpegSearchPath: emptySearchPath).Analyze(path);

        Assert.NotNull(result.Error);
        Assert.Contains("ffmpeg", result.Error, StringComparison.Ordinal);
        Assert.Contains(".mp3", result.Error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("flac")]
    [InlineData("ogg")]
    [InlineData("m4a")]
    public void Other_formats_are_decoded_through_ffmpeg(string extension)
    {
        Skip.If(ExecutableLocator.Find("ffmpeg") is null, "ffmpeg is not installed (apt-get install ffmpeg)");
        using var files = new AnalysisTestFiles();
        string wav = files.WriteWav("cry.wav", Cry16k, 16000);
        string encoded = Path.Combine(files.Root, "cry." + extension);
        RunFfmpeg("-i", wav, "-ar", "44100", encoded);

        AnalysisResult result = new FileAnalyzer().Analyze(encoded);

        Assert.Null(result.Error);
        Assert.Equal(44100, result.SampleRate);
        Assert.InRange(result.DurationSeconds!.Value, 16.7, 16.9); // encoders may pad a few ms
        CryEpisode episode = Assert.Single(result.Episodes);
        Assert.InRange(episode.StartSeconds, CryOnset - 0.25, CryOnset + 0.25);
        Assert.Equal(6, episode.Features.UnitCount);
    }

    [SkippableFact]
    public void A_file_ffmpeg_cannot_decode_reports_ffmpegs_reason()
    {
        Skip.If(ExecutableLocator.Find("ffmpeg") is null, "ffmpeg is not installed (apt-get install ffmpeg)");
        using var files = new AnalysisTestFiles();
        string path = files.WriteBytes("noise.ogg", Enumerable.Range(0, 500).Select(i => (byte)(i * 37)).ToArray());

        AnalysisResult result = new FileAnalyzer().Analyze(path);

        Assert.NotNull(result.Error);
        Assert.StartsWith("ffmpeg could not decode the file", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(files.Root, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_searched_recursively_for_audio_files_only()
    {
        using var files = new AnalysisTestFiles();
        string a = files.WriteBytes("b/deep/x.wav", [1]);
        string b = files.WriteBytes("a.MP3", [1]);
        files.WriteBytes("notes.txt", [1]);
        files.WriteBytes("b/image.png", [1]);
        string missing = Path.Combine(files.Root, "missing.wav");

        IReadOnlyList<string> inputs = FileAnalyzer.ExpandInputs([files.Root, missing]);

        Assert.Equal([b, a, missing], inputs);
    }

    [SkippableFact]
    public void Real_cries_are_read_at_their_own_rate()
    {
        string folder = Path.Combine(FindSharedData(), "donateacry", "hungry");
        Skip.IfNot(Directory.Exists(folder), "../shared/data/donateacry is not present");

        foreach (string file in Directory.GetFiles(folder, "*.wav").Order(StringComparer.Ordinal).Take(5))
        {
            AnalysisResult result = new FileAnalyzer().Analyze(file);

            Assert.Null(result.Error);
            Assert.Equal(8000, result.SampleRate);
            Assert.InRange(result.DurationSeconds!.Value, 1, 60);
            Assert.All(result.Episodes, e => Assert.InRange(e.StartSeconds, 0, result.DurationSeconds!.Value));
        }
    }

    // ../shared/data beside the repository: found from this source file's location (the test binaries may be built elsewhere).
    internal static string FindSharedData([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        for (string? dir = Path.GetDirectoryName(sourceFile); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "..", "shared", "data");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "missing-shared-data");
    }

    private static void RunFfmpeg(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in (string[])["-nostdin", "-loglevel", "error", "-y", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }
}
