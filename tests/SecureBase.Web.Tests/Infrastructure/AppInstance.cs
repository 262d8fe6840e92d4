using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SecureBase.Web.Tests.Infrastructure;

/// <summary>One in-memory SecureBase server (the real Program) over its own database.</summary>
public sealed class AppInstance : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? testServices;

    /// <param name="database">Where the instance keeps its data; a second instance over the same one is a restart.</param>
    /// <param name="extra">Settings added to or replacing the test defaults.</param>
    /// <param name="testServices">Replaces services after the app's own (a fake clock, a recording hub).</param>
    public AppInstance(DatabaseTarget database, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? testServices = null)
    {
        this.testServices = testServices;
        ArgumentNullException.ThrowIfNull(database);
        var all = new Dictionary<string, string?>(database.Settings)
        {
            // Tests create many households; the sign-up limit is tested on its own instance.
            ["SecureBase:AllowSignUp"] = "true",
            ["SecureBase:LoginAttemptsPerMinute"] = "100000",
            // Small enough for a test to exceed without building a huge file.
            ["SecureBase:MaxImportEntries"] = "3000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) all[key] = value;
        settings = all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
        if (testServices is not null) builder.ConfigureTestServices(testServices);
    }

    /// <summary>A client with its own cookie jar. HTTPS, because the session cookie is Secure.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
        AllowAutoRedirect = false,
    });
}
