using System.CommandLine;
using System.Globalization;
using SecureBase.Insights;
using SecureBase.Insights.LikelyNeed;

namespace SecureBase.Cli.Insights;

/// <summary>
/// <c>securebase likely-need-eval [--babies N] [--held-out N] [--seed N]</c>: the offline evaluation of the likely-need
/// learner on simulated babies with known habits: first-guess accuracy after 10, 50 and 200 logged cries, against
/// the context-only rule.
/// </summary>
internal static class LikelyNeedEvalCommand
{
    public static Command Create()
    {
        var babies = new Option<int>("--babies") { Description = "Simulated babies (each with its own habits).", DefaultValueFactory = _ => 60 };
        var heldOut = new Option<int>("--held-out") { Description = "Cries per baby guessed after learning, not learned from.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulation.", DefaultValueFactory = _ => 1 };
        var command = new Command("likely-need-eval", "Evaluate the likely-need learner on simulated babies against the context-only rule.")
        {
            babies, heldOut, seed,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            int count = parseResult.GetValue(babies), cries = parseResult.GetValue(heldOut);
            if (count < 1 || cries < 1)
            {
                parseResult.InvocationConfiguration.Error.WriteLine("--babies and --held-out must be at least 1.");
                return 2;
            }
            var points = LikelyNeedEvaluation.Run(count, cries, parseResult.GetValue(seed));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First-guess accuracy on {count} simulated babies, {cries} held-out cries each:"));
            output.WriteLine("logged cries | learner | context rule");
            foreach (var p in points)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.LoggedCries,12} | {Words.Percent(p.LearnerAccuracy),7} | {Words.Percent(p.RuleAccuracy),12}"));
            return 0;
        });
        return command;
    }
}
