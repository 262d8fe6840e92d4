using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureBase.Storage.Access;
using SecureBase.Storage.Demo;
using SecureBase.Storage.Households;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Hosting;

/// <summary>Which database an instance uses, decided from configuration.</summary>
public enum DatabaseProvider { Sqlite, PostgreSql }

public static class StorageRegistration
{
    public const string SqliteMigrationsAssembly = "SecureBase.Storage.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "SecureBase.Storage.PostgreSql";

    /// <summary>
    /// Registers the database (PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, otherwise SQLite in
    /// <c>SecureBase:DataFolder</c>), the validated options and the application services over it.
    /// </summary>
    public static IServiceCollection AddSecureBaseStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SecureBaseOptions>()
            .Bind(configuration.GetSection(SecureBaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddTimeProvider();

        services.AddSingleton<AccessCache>();
        services.AddSingleton<AccessCache.Invalidator>();
        services.AddSingleton<JournalGroupWriter>();
        services.AddSingleton<SqliteCheckpointer>();

        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddDbContextPool<SecureBaseDbContext>((sp, o) => o
                .UseNpgsql(postgres, n => n.MigrationsAssembly(PostgreSqlMigrationsAssembly))
                .AddInterceptors(sp.GetRequiredService<AccessCache.Invalidator>()));
        }
        else
        {
            var dataFolder = configuration[$"{SecureBaseOptions.Section}:{nameof(SecureBaseOptions.DataFolder)}"];
            var connectionString = SqliteConnectionString(string.IsNullOrWhiteSpace(dataFolder) ? "data" : dataFolder);
            services.AddDbContextPool<SecureBaseDbContext>((sp, o) => o
                .UseSqlite(connectionString, s => s.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqlitePragmas.Instance, sp.GetRequiredService<AccessCache.Invalidator>()));
        }

        services.AddScoped<JournalService>();
        services.AddScoped<JournalTransfer>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<TokenService>();
        services.AddScoped<AccountService>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>The SQLite connection string for a data folder (created if missing).</summary>
    public static string SqliteConnectionString(string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "securebase.db")};Pooling=True";
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// Per-connection SQLite settings. WAL lets readers run beside the writer; synchronous=NORMAL in WAL mode
    /// keeps every committed transaction through a process crash (only a power cut may lose the last few).
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The provider the registered context uses.</summary>
    public static DatabaseProvider ProviderOf(SecureBaseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
    }

    /// <summary>
    /// Brings the database up to date (unless <c>SecureBase:Database:MigrateOnStart</c> is false), switches SQLite
    /// to WAL mode, then seeds the demo household when asked to.
    /// </summary>
    public static async Task InitializeSecureBaseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<SecureBaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
        if (options.Database.MigrateOnStart) await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (options.Demo) await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
    }
}
