extern alias cli;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureBase.Audio.Input;
using SecureBase.Care.Journal;
using SecureBase.Monitoring.Simulation;
using SecureBase.Storage;
using SecureBase.Web.Tests.Infrastructure;
using MonitorListen = cli::SecureBase.Cli.Audio.MonitorListen;

namespace SecureBase.Web.Tests.Live;

/// <summary>
/// <c>securebase listen --server … --token …</c> against a real server on a real port: a Linux box's microphone
/// (here a paced synthetic recording) finds its household from the device token, streams a cry in real time, rides out
/// a server restart in the middle of it, and leaves exactly one episode in the journal with nothing dropped.
/// </summary>
public sealed class ListenCommandTests
{
    private const int Rate = 16000;

    [Fact]
    public async Task Listen_streams_to_the_server_finds_its_household_from_the_token_and_survives_a_restart()
    {
        using var server = new LiveServer(withHttp: true);
        server.Start();
        var (token, childId) = await DeviceTokenAsync(server.BaseUrl);
        var audio = SyntheticNursery.QuietThenCry(Rate, quietSeconds: 3, units: 16);
        using var microphone = new PacedMicrophone(audio, Rate);
        var output = new StringWriter();
        var error = new StringWriter();

        var listening = MonitorListen.RunAsync(server.HttpUrl, token, childId, "Linux box", microphone, TextWriter.Synchronized(output), error, CancellationToken.None);
        await LiveServer.WaitUntilAsync(async () => (await server.CriesAsync()).Count == 1, TimeSpan.FromSeconds(30));
        var stoppingAt = DateTime.UtcNow;
        server.Stop(); // mid-cry
        await Task.Delay(TimeSpan.FromSeconds(1));
        server.Start();
        output.WriteLine($"# restart at {stoppingAt:HH:mm:ss.fff}, back at {DateTime.UtcNow:HH:mm:ss.fff}");
        var exit = await listening.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 0, $"exit {exit}: {error}\n{output}");
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines.Count(l => l.GetProperty("event").GetString() == "connected") >= 2, output.ToString());
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "disconnected");
        var stopped = lines.Last();
        Assert.Equal("stopped", stopped.GetProperty("event").GetString());
        Assert.Equal(0, stopped.GetProperty("framesDropped").GetInt64());
        Assert.Equal((uint)((audio.Length + 1599) / 1600), stopped.GetProperty("confirmed").GetUInt32());

        // Whether the restarted server heard the cry "begin" again or only its end, it is the same episode.
        await LiveServer.WaitUntilAsync(async () => (await server.CriesAsync()).All(c => c.EndedAt is not null), TimeSpan.FromSeconds(30));
        var cry = Assert.Single(await server.CriesAsync());
        Assert.Equal(CrySource.Monitor, cry.Source);
        Assert.Equal(childId, cry.ChildId);
    }

    [Fact]
    public async Task Listen_with_another_childs_id_or_a_bad_token_stops_with_a_reason()
    {
        using var server = new LiveServer(withHttp: true);
        server.Start();
        var (token, _) = await DeviceTokenAsync(server.BaseUrl);
        using var microphone = new PacedMicrophone(new short[Rate], Rate);

        var wrongChild = new StringWriter();
        Assert.Equal(2, await MonitorListen.RunAsync(server.HttpUrl, token, Guid.NewGuid(), "box", microphone, TextWriter.Null, wrongChild, CancellationToken.None));
        Assert.Contains("listens for child", wrongChild.ToString(), StringComparison.Ordinal);

        var badToken = new StringWriter();
        Assert.Equal(1, await MonitorListen.RunAsync(server.HttpUrl, "sb_not-a-token", null, "box", microphone, TextWriter.Null, badToken, CancellationToken.None));
        Assert.Contains("401", badToken.ToString(), StringComparison.Ordinal);
        Assert.Empty(await server.CriesAsync());
    }

    /// <summary>A parent signs up (the first household), adds a child and creates a nursery device token for her.</summary>
    private static async Task<(string Token, Guid ChildId)> DeviceTokenAsync(Uri baseUrl)
    {
#pragma warning disable CA5359 // The throw-away test certificate of a loopback server.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, UseCookies = true };
#pragma warning restore CA5359
        using var client = new HttpClient(handler) { BaseAddress = baseUrl };
        var signUp = await client.PostAsJsonAsync("/api/account/signup", new
        {
            email = "ada@example.org", password = TestHousehold.Password, displayName = "Ada", householdName = "Ada's home", timeZone = "Europe/Paris",
        });
        await Expect.Status(HttpStatusCode.OK, signUp);
        var household = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdId").GetGuid();
        var child = await client.PostAsJsonAsync($"/api/households/{household}/children", new { name = "Iris", birthDate = DateTime.UtcNow.AddDays(-90).ToString("yyyy-MM-dd"), pronoun = "her" });
        await Expect.Status(HttpStatusCode.OK, child);
        var childId = (await child.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var token = await client.PostAsJsonAsync($"/api/households/{household}/tokens", new { kind = "device", name = "Linux box", childId });
        await Expect.Status(HttpStatusCode.OK, token);
        return ((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!, childId);
    }



    /// <summary>A microphone: hands out the recording in 100 ms blocks, each once its time has passed.</summary>
    private sealed class PacedMicrophone(short[] samples, int rate) : IAudioSource
    {
        private readonly DateTime _start = DateTime.UtcNow;
        private int _position;

        public int SampleRate => rate;
        public int SourceSampleRate => rate;

        public int Read(Span<float> destination)
        {
            var length = Math.Min(Math.Min(destination.Length, rate / 10), samples.Length - _position);
            if (length <= 0) return 0;
            var due = _start + TimeSpan.FromSeconds((_position + length) / (double)rate);
            // One reading of the clock: read twice, a thread paused between the check and the subtraction gets a
            // negative span, which Thread.Sleep refuses.
            var early = due - DateTime.UtcNow;
            if (early > TimeSpan.Zero) Thread.Sleep(early);
            for (var i = 0; i < length; i++) destination[i] = samples[_position + i] / 32768f;
            _position += length;
            return length;
        }

        public void Dispose() { }
    }
}
