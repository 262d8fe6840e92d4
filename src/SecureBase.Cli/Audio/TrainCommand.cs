using System.CommandLine;
using SecureBase.Audio.Model;

namespace SecureBase.Cli.Audio;

/// <summary><c>securebase train --positives DIR --negatives DIR --out FILE [--gate-out FILE] [--seed N]</c>: rebuilds the cry-unit model (and the spectral gate) reproducibly.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var positives = new Option<DirectoryInfo>("--positives") { Description = "Folder of infant cry recordings (searched recursively).", Required = true };
        var negatives = new Option<DirectoryInfo>("--negatives") { Description = "Folder of non-cry household audio (searched recursively).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model (JSON).", Required = true };
        var gateOutput = new Option<FileInfo?>("--gate-out") { Description = "Also fit the spectral gate (from the cries alone) and write it here (JSON)." };
        var seed = new Option<int>("--seed") { Description = "The same seed and data give the same model.", DefaultValueFactory = _ => 1 };
        var command = new Command("train", "Train the cry-unit classifier from recordings (split by baby and by speaker), reproducibly.")
        {
            positives, negatives, output, gateOutput, seed,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var pos = parse.GetRequiredValue(positives);
            var neg = parse.GetRequiredValue(negatives);
            foreach (var dir in new[] { pos, neg })
            {
                if (!dir.Exists)
                {
                    error.WriteLine($"There is no folder {dir.FullName}.");
                    return 2;
                }
            }
            CryModelTrainer.Train(pos.FullName, neg.FullName, parse.GetRequiredValue(output).FullName, parse.GetValue(seed), parse.InvocationConfiguration.Output);
            if (parse.GetValue(gateOutput) is { } gate)
            {
                CrySpectralGateTrainer.Train(pos.FullName, gate.FullName, parse.GetValue(seed), CrySpectralGateTrainer.DefaultQuantile, log: parse.InvocationConfiguration.Output);
            }
            return 0;
        });
        return command;
    }
}
