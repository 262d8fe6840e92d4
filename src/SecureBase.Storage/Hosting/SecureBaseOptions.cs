using System.ComponentModel.DataAnnotations;

namespace SecureBase.Storage.Hosting;

/// <summary>Settings under <c>SecureBase</c> in configuration.</summary>
public sealed class SecureBaseOptions
{
    public const string Section = "SecureBase";

    /// <summary>Folder for the SQLite database (and later clips); relative paths are under the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataFolder { get; set; } = "data";

    /// <summary>Seed a demo household (four weeks of journal) when the database has none.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Whether anyone who can reach the server may sign up and create a new household after the first one exists.
    /// Off by default: a self-hosted instance belongs to one family, who invite the others.
    /// </summary>
    public bool AllowSignUp { get; set; }

    /// <summary>Largest number of entries one import may hold (a two-year journal is about 40,000).</summary>
    [Range(1, 10_000_000)]
    public int MaxImportEntries { get; set; } = 250_000;

    /// <summary>How long an invitation stays valid, in hours.</summary>
    [Range(1, 24 * 90)]
    public int InvitationLifetimeHours { get; set; } = 24 * 7;

    /// <summary>Login (and sign-up) attempts allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    public DatabaseOptions Database { get; set; } = new();
}

/// <summary>Settings under <c>SecureBase:Database</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Apply pending migrations when the app starts (turn off when a deployment step does it).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
