using System.CommandLine;
using SecureBase.Audio.Evaluation;

namespace SecureBase.Cli.Audio;

/// <summary>
/// <c>securebase eval --positives DIR --negatives DIR [--snr-db X] [--split all|train|test]</c>: the figures the
/// detector is tuned against (recall, false alarms per hour, latency), computed by the evaluation library.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var positives = new Option<DirectoryInfo?>("--positives") { Description = "Folder of cry recordings (searched recursively)." };
        var negatives = new Option<DirectoryInfo?>("--negatives") { Description = "Folder of recordings without crying (searched recursively)." };
        var snr = new Option<double?>("--snr-db") { Description = "Mix pink noise into the cries at this signal-to-noise ratio, in dB." };
        var split = new Option<PositiveSplit>("--split")
        {
            Description = "Which Donate-a-cry babies to use among the positives.",
            DefaultValueFactory = _ => PositiveSplit.All,
        };

        var command = new Command("eval", "Measure the cry detector: recall on cries, false alarms per hour on other sounds, and how fast it reacts.")
        {
            positives,
            negatives,
            snr,
            split,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(positives) is null && result.GetValue(negatives) is null)
            {
                result.AddError("Give --positives, --negatives, or both.");
            }
        });
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            var options = new EvaluationOptions
            {
                PositivesDirectory = parseResult.GetValue(positives)?.FullName,
                NegativesDirectory = parseResult.GetValue(negatives)?.FullName,
                NoiseSnrDb = parseResult.GetValue(snr),
                Split = parseResult.GetValue(split),
            };
            try
            {
                EvaluationReport report = CryEvaluator.Evaluate(options, new Progress<string>(line => error.WriteLine(line)));
                output.Write(report.ToText());
                return 0;
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}
