using System.CommandLine;
using System.CommandLine.Invocation;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SecureBase.Audio.Input;
using SecureBase.Monitoring.Client;

namespace SecureBase.Cli.Audio;

/// <summary>
/// <c>securebase listen --server URL --token TOKEN [--child ID]</c>: a Linux box with a microphone as the nursery
/// monitor. Reads the same input as the local <c>listen</c> (stdin s16le, or an ALSA device through arecord), streams it
/// to the server with <see cref="MonitorClient"/> (reconnects, resends what the server has not confirmed), and prints
/// what happens as one JSON object per line. Without <c>--server</c> the local listen runs unchanged.
/// </summary>
public static class MonitorListen
{
    private const int ChunkSamples = 1600; // 100 ms at 16 kHz: what a phone sends, and a short delay to the alert.

    /// <summary>Adds the remote options to the local <c>listen</c> command and routes to the server when they are given.</summary>
    public static Command Extend(Command listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var server = new Option<string?>("--server") { Description = "Stream to this SecureBase server (e.g. https://home.example:5001) instead of listening locally." };
        var token = new Option<string?>("--token") { Description = "The nursery device token a parent created (People → Tokens). Also read from SECUREBASE_TOKEN." };
        var child = new Option<Guid?>("--child") { Description = "The child's id; the token's own child when left out." };
        var name = new Option<string>("--name") { Description = "The name caregivers see for this monitor.", DefaultValueFactory = _ => Environment.MachineName };
        listen.Options.Add(server);
        listen.Options.Add(token);
        listen.Options.Add(child);
        listen.Options.Add(name);
        var local = listen.Action as AsynchronousCommandLineAction
            ?? throw new InvalidOperationException("The listen command has no asynchronous action to extend.");
        listen.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(server) is not { } address) return await local.InvokeAsync(parseResult, cancellationToken);
            var secret = parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable("SECUREBASE_TOKEN");
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                await error.WriteLineAsync($"--server must be the server's http:// or https:// address, not '{address}'.");
                return 2;
            }
            if (string.IsNullOrWhiteSpace(secret))
            {
                await error.WriteLineAsync("--server needs --token (or SECUREBASE_TOKEN): a nursery device token created by a parent.");
                return 2;
            }
            var rate = parseResult.GetValue<int>("--rate");
            var input = parseResult.GetValue<string>("--input") ?? "-";
            IAudioSource source;
            try
            {
                source = input == "-" ? new RawPcm16Reader(ListenCommand.OpenStandardInput(), rate) : ArecordAudioSource.Start(input, rate);
            }
            catch (AudioFormatException e)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
            using (source)
            {
                return await RunAsync(url, secret, parseResult.GetValue(child), parseResult.GetValue(name) ?? "Nursery monitor", source, output, error, cancellationToken);
            }
        });
        return listen;
    }

    /// <summary>Streams <paramref name="source"/> to the server until it ends or is cancelled; 0 when all audio was delivered.</summary>
    public static async Task<int> RunAsync(Uri server, string token, Guid? childId, string deviceName, IAudioSource source, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        DeviceIdentity identity;
        try
        {
            identity = await IdentifyAsync(server, token, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            await error.WriteLineAsync($"Could not reach {server} with this token: {e.Message}");
            return 1;
        }
        if (childId is { } asked && asked != identity.ChildId)
        {
            await error.WriteLineAsync($"This device token listens for child {identity.ChildId}, not {asked}.");
            return 2;
        }

        var options = new MonitorClientOptions
        {
            Server = server, HouseholdId = identity.HouseholdId, ChildId = identity.ChildId, Token = token,
            SampleRate = source.SampleRate, DeviceName = deviceName,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        using var client = new MonitorClient(options);
        var lines = new object();
        void Print(object line)
        {
            lock (lines)
            {
                output.WriteLine(JsonSerializer.Serialize(line).Insert(1, $"\"at\":\"{DateTimeOffset.UtcNow:O}\","));
                output.Flush();
            }
        }
        var stage = "quiet";
        var refused = false;
        client.Connected += () => Print(new { @event = "connected", server = server.ToString(), childId = identity.ChildId });
        client.StateReceived += state =>
        {
            // Only changes: a stream of identical states would drown the log.
            if (state.Stage == stage) return;
            stage = state.Stage;
            Print(new { @event = "stage", stage = state.Stage, level = state.LevelDbfs });
        };
        client.Disconnected += d =>
        {
            refused |= d.Refused;
            Print(new { @event = "disconnected", reason = d.Reason, refused = d.Refused, retryInSeconds = d.RetryIn?.TotalSeconds });
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A refused stream (wrong child, revoked token, bad rate) will not get better by retrying: stop reading too.
        client.Disconnected += d => { if (d.Refused) stop.Cancel(); };
        try
        {
            await client.RunAsync(Samples(source, stop.Token), stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped (Ctrl+C, systemd stop) or refused.
        }
        catch (AudioFormatException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        Print(new { @event = "stopped", framesSent = client.FramesSent, framesResent = client.FramesResent, framesDropped = client.FramesDropped, confirmed = client.ConfirmedSequence });
        return refused ? 1 : 0;
    }

    private static async Task<DeviceIdentity> IdentifyAsync(Uri server, string token, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(new Uri("api/monitor/device", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the server answered {(int)response.StatusCode} ({await response.Content.ReadAsStringAsync(cancellationToken)})");
        return await response.Content.ReadFromJsonAsync<DeviceIdentity>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new JsonException("The server sent no device identity.");
    }

    /// <summary>The source's samples as 16-bit chunks; the blocking read runs off the caller's thread.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<short>> Samples(IAudioSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var floats = new float[ChunkSamples];
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = await Task.Run(() => source.Read(floats), cancellationToken);
            if (read == 0) yield break;
            // A fresh array per chunk: the client keeps it until the server confirms it.
            var chunk = new short[read];
            for (var i = 0; i < read; i++) chunk[i] = (short)Math.Clamp(MathF.Round(floats[i] * 32768f), short.MinValue, short.MaxValue);
            yield return chunk;
        }
    }

    /// <summary>The household and child a device token belongs to, as <c>GET /api/monitor/device</c> returns them.</summary>
    public sealed record DeviceIdentity(Guid HouseholdId, Guid ChildId);
}
