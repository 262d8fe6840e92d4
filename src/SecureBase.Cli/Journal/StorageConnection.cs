using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Storage;
using SecureBase.Storage.Hosting;

namespace SecureBase.Cli.Journal;

/// <summary>
/// Opens the same database the web app uses: the SQLite file in the data folder, or PostgreSQL when a connection
/// string is given — from the options, else from the environment (<c>SecureBase__DataFolder</c>,
/// <c>ConnectionStrings__Postgres</c>) exactly as the web app reads it.
/// </summary>
internal static class StorageConnection
{
    public static Option<string?> DataFolderOption() => new("--data-folder")
    {
        Description = "The app's data folder holding the SQLite database (default: ./data, or SecureBase__DataFolder).",
    };

    public static Option<string?> PostgresOption() => new("--postgres")
    {
        Description = "A PostgreSQL connection string, to use PostgreSQL instead of SQLite (default: ConnectionStrings__Postgres).",
    };

    public static async Task<ServiceProvider> OpenAsync(string? dataFolder, string? postgres, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(dataFolder)) overrides[$"{SecureBaseOptions.Section}:DataFolder"] = dataFolder;
        if (!string.IsNullOrWhiteSpace(postgres)) overrides["ConnectionStrings:Postgres"] = postgres;
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var collection = new ServiceCollection().AddLogging().AddSecureBaseStorage(configuration);
        // The account services are registered with the storage; the command needs Identity's stores for them to resolve.
        collection.AddIdentityCore<AppUser>().AddEntityFrameworkStores<SecureBaseDbContext>();
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.InitializeSecureBaseDatabaseAsync(cancellationToken);
        return services;
    }

    /// <summary>Writes an outcome's failure for a person and returns the exit code.</summary>
    public static int Fail<T>(Outcome<T> outcome, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        error.WriteLine(outcome.Message ?? "That did not work.");
        foreach (var e in outcome.Errors.Take(20)) error.WriteLine($"  {e.Field}: {e.Message}");
        if (outcome.Errors.Count > 20) error.WriteLine($"  … and {outcome.Errors.Count - 20} more.");
        return outcome.Status == OutcomeStatus.Invalid ? 2 : 1;
    }
}
