namespace SecureBase.Web.Hosting;

/// <summary>Turns the <c>--demo</c> command-line flag into <c>SecureBase:Demo=true</c>.</summary>
internal static class DemoSwitch
{
    public static string[] Apply(string[] args, out Dictionary<string, string?> configuration)
    {
        configuration = [];
        if (!args.Contains("--demo", StringComparer.OrdinalIgnoreCase)) return args;
        configuration["SecureBase:Demo"] = "true";
        return args.Where(a => !string.Equals(a, "--demo", StringComparison.OrdinalIgnoreCase)).ToArray();
    }
}
