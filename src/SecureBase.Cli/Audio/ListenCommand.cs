using System.CommandLine;
using SecureBase.Audio.Analysis;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Input;

namespace SecureBase.Cli.Audio;

/// <summary><c>securebase listen [--rate 16000] [--input -|DEVICE]</c>: live events as ndjson.</summary>
internal static class ListenCommand
{
    // About 0.1 s at 16 kHz: small blocks keep the delay from sound to event short.
    private const int BlockSamples = 1600;

    /// <summary>Where "-" reads from; tests replace it with an in-memory stream.</summary>
    internal static Func<Stream> OpenStandardInput { get; set; } = Console.OpenStandardInput;

    public static Command Create()
    {
        var rate = new Option<int>("--rate")
        {
            Description = "Sample rate of the incoming audio, in Hz.",
            DefaultValueFactory = _ => 16000,
        };
        var input = new Option<string>("--input")
        {
            Description = "'-' to read raw signed 16-bit little-endian mono PCM from stdin (e.g. piped from arecord), or an ALSA capture device to record from through arecord.",
            DefaultValueFactory = _ => "-",
        };

        var command = new Command("listen", "Listen to a live stream and print cry events as they happen, one JSON object per line.")
        {
            rate,
            input,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            return Task.FromResult(Run(parseResult.GetValue(input) ?? "-", parseResult.GetValue(rate), output, error, cancellationToken));
        });
        return command;
    }

    private static int Run(string input, int rate, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IAudioSource source;
        try
        {
            source = input == "-"
                ? new RawPcm16Reader(OpenStandardInput(), rate)
                : ArecordAudioSource.Start(input, rate);
        }
        catch (AudioFormatException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        using (source)
        {
            var sink = new NdjsonEventSink(output);
            var pipeline = new AudioPipeline(rate, new CryDetectorOptions(), BlockSamples);
            try
            {
                pipeline.Run(source, sink, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopped by the user: close the episode in progress so its summary is not lost.
                pipeline.Complete(sink);
            }
            catch (AudioFormatException e)
            {
                pipeline.Complete(sink);
                error.WriteLine(e.Message);
                return 1;
            }
        }

        return 0;
    }

    private sealed class NdjsonEventSink(TextWriter output) : ICryEventSink
    {
        public void OnEvent(in CryEvent e)
        {
            output.WriteLine(AnalysisJson.ToNdjsonLine(e));
            output.Flush();
        }
    }
}
