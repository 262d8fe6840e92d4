namespace SecureBase.Web.Hosting;

/// <summary>
/// Reads appsettings*.json once at start instead of watching them for changes, unless the standard switch
/// (<c>hostBuilder:reloadConfigOnChange</c>, e.g. <c>DOTNET_hostBuilder__reloadConfigOnChange=true</c>) says otherwise.
/// The watch is a FileSystemWatcher over the whole content root, subfolders included, and the default data folder
/// (<c>./data</c>) is inside it when the app is started from its own folder: every SQLite commit wrote to
/// <c>securebase.db-wal</c> and woke the watcher's thread (about 6 % of the server's CPU in one run of 64 clients creating
/// entries). Nothing in the app reads settings again after start (its options are validated once, at start), so
/// a changed setting takes a restart either way.
/// </summary>
internal static class ConfigurationReload
{
    private const string Switch = "hostBuilder:reloadConfigOnChange";

    public static string[] Apply(string[] args)
    {
        var chosen = args.Any(a => a.Contains(Switch, StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange") is not null
            || Environment.GetEnvironmentVariable("ASPNETCORE_hostBuilder__reloadConfigOnChange") is not null;
        return chosen ? args : [.. args, $"--{Switch}=false"];
    }
}
