using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SecureBase.Web.Tests.Browser;

/// <summary>
/// The real app on a real Kestrel port (a browser cannot talk to the in-memory test server), over HTTPS with a
/// throw-away self-signed certificate (the app's cookies and anti-forgery tokens are Secure-only), with its SQLite
/// database in a fresh temporary folder that is deleted afterwards.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly X509Certificate2 _certificate = LocalhostCertificate.Create();

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "securebase-browser-" + Guid.NewGuid().ToString("N"));

    private readonly bool _demo;
    private readonly TimeProvider? _clock;

    /// <param name="demo">Seed the demo household (SecureBase:Demo) on start.</param>
    /// <param name="clock">The app's clock, e.g. a FakeTimeProvider for a test that moves time; the system clock when null.</param>
    public KestrelAppFactory(bool demo = false, TimeProvider? clock = null)
    {
        _demo = demo;
        _clock = clock;
        Directory.CreateDirectory(DataFolder);
        // IPv4 loopback on a free port: nothing outside this machine can reach the test app.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
    }

    /// <summary>Starts the server and returns its address, e.g. https://localhost:41234/.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The test server did not report its address.");
        var bound = new Uri(addresses.First());
        return new Uri($"https://localhost:{bound.Port}/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SecureBase:DataFolder", DataFolder);
        builder.UseSetting("SecureBase:Demo", _demo ? "true" : "false");
        // Every test signs up and in from the same address; the per-minute attempt limit is not under test here.
        builder.UseSetting("SecureBase:LoginAttemptsPerMinute", "1000");
        if (_clock is { } clock) builder.ConfigureServices(services => services.AddSingleton(clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _certificate.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the system anyway.
        }
    }
}
