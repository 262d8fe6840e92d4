using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

// Measures a running SecureBase server from the outside, as clients see it:
//   1. the import of a two-year journal (about 40,000 entries) through the API;
//   2. single-entry creates from N concurrent clients: throughput and latency percentiles.
// Usage: SecureBase.LoadTest --server http://127.0.0.1:5080 [--clients 64] [--seconds 20] [--label sqlite] [--skip-import | --import-only]
//        [--client raw|httpclient]   (raw, the default: ready-made requests on plain keep-alive sockets; see RawHttpConnection)
var server = Arg("--server") ?? "http://127.0.0.1:5080";
var clients = int.Parse(Arg("--clients") ?? "64");
var seconds = double.Parse(Arg("--seconds") ?? "20");
var label = Arg("--label") ?? "server";
// With --server-pid, the server's own CPU time per phase is reported too: on a machine shared with other work the
// wall-clock figures mostly measure the neighbours; CPU seconds spent per request do not.
var serverPid = Arg("--server-pid") is { } pid ? int.Parse(pid) : (int?)null;

var cookies = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(5) };
var membership = await Post(cookies, "/api/account/signup", new { email = "bench@example.org", password = "Bench-password-1", displayName = "Bench", householdName = "Bench household", timeZone = "UTC" });
var householdId = membership.GetProperty("householdId").GetGuid();
var caregiverId = membership.GetProperty("caregiverId").GetGuid();
var child = await Post(cookies, $"/api/households/{householdId}/children", new { name = "Sarah", birthDate = "2025-01-01", pronoun = "her" });
var childId = child.GetProperty("id").GetGuid();
var token = await Post(cookies, $"/api/households/{householdId}/tokens", new { kind = "personal", name = "bench" });
var secret = token.GetProperty("secret").GetString()!;

// 1. Import (--skip-import leaves it out, e.g. to profile the creates alone).
var now = DateTimeOffset.UtcNow;
if (!args.Contains("--skip-import"))
{
    var journal = DemoJournal.CreateLong(now.AddDays(-1), TimeSpan.FromDays(730), seed: 3);
    var body = new MemoryStream();
    JournalDocumentWriter.Write(journal, body);
    var import = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(10) };
    import.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
    var content = new ByteArrayContent(body.ToArray());
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    var cpuBefore = ServerCpuSeconds();
    var watch = Stopwatch.StartNew();
    var imported = await import.PostAsync($"/api/households/{householdId}/import", content);
    watch.Stop();
    if (!imported.IsSuccessStatusCode) throw new InvalidOperationException($"Import failed: {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
    // The server's own split (Server-Timing: reading and checking the file, then storing it), when it sends one.
    var phases = imported.Headers.TryGetValues("Server-Timing", out var timing) ? $" [{string.Join(", ", timing)}]" : "";
    Console.WriteLine($"[{label}] import of {journal.Entries.Count} entries ({body.Length / 1024.0 / 1024.0:0.0} MB): {watch.Elapsed.TotalSeconds:0.00} s" +
        (serverPid is null ? "" : $", server CPU {ServerCpuSeconds() - cpuBefore:0.00} s") + phases);
}

// --import-only stops here (e.g. to count the server's instructions for the import alone).
if (args.Contains("--import-only")) return 0;

// 2. Concurrent creates: 64 clients, as 64 phones would be, each with its own connection. The generator shares this
// machine's two cores with the server, so it is kept cheap: one handler, bodies serialised before the clock starts.
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
using var http = new HttpClient(handler) { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(1) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
var entriesPath = new Uri($"/api/households/{householdId}/entries", UriKind.Relative);
var jsonType = new MediaTypeHeaderValue("application/json");
var start = DateTimeOffset.UtcNow;
var perWorker = (int)Math.Min(20_000, Math.Max(1_000, seconds * 4_000 / clients * 2));
byte[] Body(int worker, int n) => System.Text.Encoding.UTF8.GetBytes(
    $"{{\"type\":\"diaper\",\"id\":\"{Guid.NewGuid()}\",\"childId\":\"{childId}\",\"startedAt\":\"{start.AddSeconds(-((worker * 100_000) + n)):O}\",\"loggedBy\":\"{caregiverId}\",\"wet\":true}}");
var raw = (Arg("--client") ?? "raw") == "raw";
var serverUri = new Uri(server);
byte[] Request(int worker, int n) => raw ? RawHttpConnection.JsonPost(serverUri, entriesPath.OriginalString, secret, Body(worker, n)) : Body(worker, n);
var bodies = Enumerable.Range(0, clients).Select(w => Enumerable.Range(0, perWorker).Select(n => Request(w, n)).ToArray()).ToArray();
// Every client has its own connection, open before the clock starts.
var connections = raw ? await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => RawHttpConnection.OpenAsync(serverUri))) : [];
var latencies = new List<double>[clients];
var failures = 0;
var warmUp = TimeSpan.FromSeconds(2);
var stopAt = Stopwatch.GetTimestamp() + (long)((seconds + warmUp.TotalSeconds) * Stopwatch.Frequency);
var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
double? cpuAtMeasure = null;
TimeSpan? ownCpuAtMeasure = null;
var workers = Enumerable.Range(0, clients).Select(async worker =>
{
    var mine = latencies[worker] = new List<double>(4096);
    var n = 0;
    while (Stopwatch.GetTimestamp() < stopAt)
    {
        var body = n < perWorker ? bodies[worker][n] : Request(worker, n);
        n++;
        var begin = Stopwatch.GetTimestamp();
        if (worker == 0 && cpuAtMeasure is null && begin >= measureFrom)
        {
            cpuAtMeasure = ServerCpuSeconds();
            ownCpuAtMeasure = Process.GetCurrentProcess().TotalProcessorTime;
        }
        bool succeeded;
        if (raw)
        {
            succeeded = await connections[worker].SendAsync(body) is >= 200 and < 300;
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, entriesPath) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = jsonType;
            using var response = await http.SendAsync(request);
            succeeded = response.IsSuccessStatusCode;
        }
        var end = Stopwatch.GetTimestamp();
        if (!succeeded) Interlocked.Increment(ref failures);
        else if (begin >= measureFrom) mine.Add((end - begin) * 1000.0 / Stopwatch.Frequency);
    }
}).ToArray();
await Task.WhenAll(workers);
foreach (var connection in connections) connection.Dispose();
var createCpu = ServerCpuSeconds() - cpuAtMeasure;
// This generator's own CPU over the same window: it shares the machine's cores with the server.
var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuAtMeasure)?.TotalSeconds;
var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
Console.WriteLine($"[{label}] creates with {clients} concurrent clients ({(raw ? "raw sockets" : "HttpClient")}) over {seconds:0} s: {all.Length / seconds:0} /s, " +
    $"p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, p99 {Percentile(0.99):0.0} ms, failures {failures}" +
    (createCpu is { } cpu && all.Length > 0 ? $", server CPU {cpu * 1e6 / all.Length:0} µs per create" : "") +
    (ownCpu is { } own && all.Length > 0 ? $", load generator CPU {own * 1e6 / all.Length:0} µs per create" : ""));
return failures == 0 ? 0 : 1;

// utime + stime of the server process from /proc (Linux), in seconds; null without --server-pid.
double? ServerCpuSeconds()
{
    if (serverPid is null) return null;
    var stat = File.ReadAllText($"/proc/{serverPid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // USER_HZ is 100 on Linux
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static async Task<JsonElement> Post(HttpClient http, string path, object body)
{
    using var response = await http.PostAsJsonAsync(path, body);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    return JsonDocument.Parse(text).RootElement;
}
