using SecureBase.Audio.Detection;
using SecureBase.Audio.Input;

namespace SecureBase.Audio.Analysis;

/// <summary>
/// Analyses audio files: opens any supported format, streams it block by block through the same
/// <see cref="AudioPipeline"/> a live stream uses, and returns the episodes. A file that cannot be read gives a
/// result with <see cref="AnalysisResult.Error"/> set, never an exception.
/// </summary>
public sealed class FileAnalyzer
{
    private readonly CryDetectorOptions _options;
    private readonly string? _ffmpegSearchPath;

    /// <param name="options">Detector settings (defaults when null); validated here.</param>
    /// <param name="ffmpegSearchPath">Where to look for ffmpeg (PATH-style list); defaults to PATH.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public FileAnalyzer(CryDetectorOptions? options = null, string? ffmpegSearchPath = null)
    {
        _options = options ?? new CryDetectorOptions();
        _options.Validate();
        _ffmpegSearchPath = ffmpegSearchPath;
    }

    /// <summary>Analyses one file.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public AnalysisResult Analyze(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using IAudioSource source = AudioFile.Open(path, _options.SampleRate, _ffmpegSearchPath);
            var pipeline = new AudioPipeline(source.SampleRate, _options);
            var episodes = new EpisodeCollector();
            pipeline.Run(source, episodes, cancellationToken);
            double duration = (double)pipeline.SourceSamples / source.SampleRate;
            return new AnalysisResult(path, duration, source.SourceSampleRate, episodes.Episodes, null);
        }
        catch (AudioFormatException e)
        {
            return AnalysisResult.Failed(path, e.Message);
        }
        catch (FileNotFoundException)
        {
            return AnalysisResult.Failed(path, "The file does not exist.");
        }
        catch (DirectoryNotFoundException)
        {
            return AnalysisResult.Failed(path, "The folder of this file does not exist.");
        }
        catch (UnauthorizedAccessException)
        {
            return AnalysisResult.Failed(path, "The file cannot be opened: permission denied.");
        }
        catch (IOException e)
        {
            return AnalysisResult.Failed(path, $"The file cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// Expands files and folders (searched recursively for files with an audio extension, in name order)
    /// into the list of files to analyse; a path that does not exist is kept so it reports its own error.
    /// </summary>
    public static IReadOnlyList<string> ExpandInputs(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory
                    .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(AudioFile.HasAudioExtension)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }
}
