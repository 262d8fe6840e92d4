using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Care.Journal;
using SecureBase.Storage;
using SecureBase.Web.Tests.Browser;

namespace SecureBase.Web.Tests.Live;

/// <summary>
/// The real app on a real Kestrel port over HTTPS, whose SQLite folder and port outlive it, so a test can stop the
/// server and start a new process-like instance on the same address and database (a restart, as a browser sees it).
/// </summary>
public sealed class LiveServer : IDisposable
{
    private readonly X509Certificate2 _certificate = LocalhostCertificate.Create();
    private readonly List<Socket> _reserved = [];
    private Instance? _running;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "securebase-live-" + Guid.NewGuid().ToString("N"));

    /// <summary>The port, fixed by the first start.</summary>
    public int Port { get; private set; }

    public Uri BaseUrl => new($"https://localhost:{Port}/");

    /// <summary>A second, plain-HTTP port (0 when not asked for): for clients that do not trust the test certificate.</summary>
    public int HttpPort { get; private set; }

    public Uri HttpUrl => new($"http://127.0.0.1:{HttpPort}/");

    private readonly bool _withHttp;

    public IServiceProvider Services => (_running ?? throw new InvalidOperationException("The server is not running.")).Services;

    /// <param name="withHttp">Also listen on a plain-HTTP loopback port (<see cref="HttpUrl"/>).</param>
    public LiveServer(bool withHttp = false)
    {
        _withHttp = withHttp;
        Directory.CreateDirectory(DataFolder);
    }

    /// <summary>Starts the server (on the port of the first start, after a restart) and returns its address.</summary>
    public Uri Start()
    {
        if (_running is not null) throw new InvalidOperationException("The server is already running.");
        ReleasePorts();
        _running = new Instance(this);
        _running.StartServer();
        var addresses = _running.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The test server did not report its address.");
        Port = addresses.Select(a => new Uri(a)).First(a => a.Scheme == Uri.UriSchemeHttps).Port;
        if (_withHttp) HttpPort = addresses.Select(a => new Uri(a)).First(a => a.Scheme == Uri.UriSchemeHttp).Port;
        return BaseUrl;
    }

    /// <summary>Stops the server as a shutdown would: connections drop, in-memory state is gone, the database stays.</summary>
    public void Stop()
    {
        if (_running is null) return;
        _running.Dispose();
        _running = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        ReservePorts();
    }

    /// <summary>
    /// Holds the stopped server's ports (bound, not listening) until it starts again. A free loopback port is fair game
    /// for any outgoing connection on the machine (the other test projects, PostgreSQL clients, browsers), and one that
    /// took it would make the restart fail; the kernel does not hand out a port someone has bound.
    /// </summary>
    private void ReservePorts()
    {
        foreach (var port in new[] { Port, HttpPort }.Where(p => p != 0))
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // The old server's closed connections linger in TIME_WAIT on this port; address reuse lets the bind through.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                _reserved.Add(socket);
            }
            catch (SocketException)
            {
                socket.Dispose(); // Already taken: the restart will say so.
            }
        }
    }

    private void ReleasePorts()
    {
        foreach (var socket in _reserved) socket.Dispose();
        _reserved.Clear();
    }

    public void Dispose()
    {
        Stop();
        ReleasePorts();
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

    private sealed class Instance : WebApplicationFactory<Program>
    {
        private readonly LiveServer _owner;

        public Instance(LiveServer owner)
        {
            _owner = owner;
            // IPv4 loopback only; a free port the first time, then the same one so browsers reconnect to it.
            UseKestrel(options =>
            {
                options.Listen(IPAddress.Loopback, owner.Port, listen => listen.UseHttps(owner._certificate));
                if (owner._withHttp) options.Listen(IPAddress.Loopback, owner.HttpPort);
            });
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("SecureBase:DataFolder", _owner.DataFolder);
            builder.UseSetting("SecureBase:Demo", "false");
            builder.UseSetting("SecureBase:LoginAttemptsPerMinute", "1000");
        }
    }

    /// <summary>The cry episodes in the running instance's database.</summary>
    public async Task<List<CryEpisodeEntry>> CriesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecureBaseDbContext>();
        return await db.Entries.AsNoTracking().OfType<CryEpisodeEntry>().ToListAsync();
    }

    /// <summary>Polls <paramref name="condition"/> every 250 ms until it holds, or throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Still not true after {timeout.TotalSeconds:0} s.");
            await Task.Delay(250);
        }
    }
}
