using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// N nursery monitors stream synthetic audio in real time (100 ms frames) to a running server: quiet, a cry at a known,
// staggered onset, quiet again. One caregiver per household listens on the alerts hub. Prints alert latency (cry onset
// captured → first alert for that child received) split into the detector's own decision time and the server's part,
// alerts missed, frames unconfirmed, and the CPU use of the server and of the bench itself.
// Before the measured run one extra monitor streams one cry (the server's first after its start, reported apart),
// so the figures describe a running server; --no-warm-up measures from cold.
// Usage: SecureBase.MonitorBench --server http://127.0.0.1:5099 [--count 200] [--seconds 25] [--per-household 1000] [--server-pid PID] [--no-warm-up]
var server = new Uri(Arg("--server") ?? "http://127.0.0.1:5099");
var count = int.Parse(Arg("--count") ?? "200", CultureInfo.InvariantCulture);
var seconds = double.Parse(Arg("--seconds") ?? "25", CultureInfo.InvariantCulture);
// One household by default: the server rate-limits sign-ups (429 after a few a minute), and a household may have many children.
var perHousehold = int.Parse(Arg("--per-household") ?? "1000", CultureInfo.InvariantCulture);
var serverPid = Arg("--server-pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
var warmUp = !args.Contains("--no-warm-up");
const int Units = 5;
var runId = Guid.NewGuid().ToString("N")[..8];
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));

// Set up: households, children, device tokens (one more child for the warm-up).
var setup = Stopwatch.StartNew();
var total = count + (warmUp ? 1 : 0);
var households = new List<Household>();
for (var h = 0; h * perHousehold < total; h++)
    households.Add(await Household.SignUpAsync(server, h, Math.Min(perHousehold, total - (h * perHousehold)), runId));
Console.WriteLine($"set up {households.Count} households, {total} monitors in {setup.Elapsed.TotalSeconds:0.0} s");

// Caregivers: one SignalR connection per household, signed in by the sign-up cookie.
var alertAt = new ConcurrentDictionary<Guid, long>();
var alertsReceived = 0;
var caregivers = new List<HubConnection>();
foreach (var household in households)
{
    var hub = new HubConnectionBuilder()
        .WithUrl(new Uri(server, "/hubs/alerts"), o =>
        {
            o.Cookies = household.Cookies;
            o.HttpMessageHandlerFactory = inner =>
            {
                if (inner is HttpClientHandler handler) handler.CookieContainer = household.Cookies;
                return inner;
            };
        })
        .Build();
    hub.On<JsonElement>("alert", message =>
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref alertsReceived);
        alertAt.TryAdd(message.GetProperty("childId").GetGuid(), now);
        _ = hub.InvokeAsync("Confirm", message.GetProperty("id").GetGuid(), message.GetProperty("version").GetInt32());
    });
    await hub.StartAsync();
    caregivers.Add(hub);
}

// The recordings: ten onsets spread over the run, shared by the monitors (monitor i plays recording i mod 10).
var quietMax = Math.Max(2, seconds - (Units * 1.35) - 6);
var recordings = Enumerable.Range(0, 10).Select(k => Recording.Create(2 + (k * (quietMax - 2) / 9), Units, seed: 7 + k)).ToArray();
var all = households.SelectMany(h => h.Monitors.Select(m => (Household: h.Id, m.ChildId, m.Token))).ToList();

if (warmUp)
{
    var (household, childId, token) = all[^1];
    all.RemoveAt(all.Count - 1);
    var first = new SimulatedMonitor(household, childId, token, Recording.Create(2, 3, seed: 99), 0);
    await MonitorFleet.ConnectAsync(server, [first], stop.Token);
    await MonitorFleet.PlayAsync([first], stop.Token);
    await MonitorFleet.CloseAsync([first], TimeSpan.FromSeconds(15));
    var waited = Stopwatch.StartNew();
    while (!alertAt.ContainsKey(childId) && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
    Console.WriteLine(alertAt.TryGetValue(childId, out var at)
        ? $"warm-up: the server's first cry after its start: alert {Ms(at - first.OnsetAt):0} ms after the onset (not counted below)"
        : "warm-up: no alert for the server's first cry");
}

var monitors = all.Select((m, i) => new SimulatedMonitor(m.Household, m.ChildId, m.Token, recordings[i % recordings.Length],
    i * Stopwatch.Frequency * Recording.FrameMilliseconds / 1000 / Math.Max(1, all.Count))).ToList();
await MonitorFleet.ConnectAsync(server, monitors, stop.Token);
var cpuBefore = ProcessCpu.Seconds(serverPid);
var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
var wall = Stopwatch.StartNew();
var worstLag = await MonitorFleet.PlayAsync(monitors, stop.Token);
var streamed = wall.Elapsed.TotalSeconds;
var cpuAfter = ProcessCpu.Seconds(serverPid);
var selfCpu = (Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalSeconds;
await MonitorFleet.CloseAsync(monitors, TimeSpan.FromSeconds(20));
// Alerts still on their way.
var grace = Stopwatch.StartNew();
while (monitors.Any(m => !alertAt.ContainsKey(m.ChildId)) && grace.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(100);

var latencies = new List<double>();
var decision = new List<double>();
var serverPart = new List<double>();
var heard = new List<double>();
var missed = 0;
foreach (var m in monitors)
{
    if (!alertAt.TryGetValue(m.ChildId, out var at))
    {
        missed++;
        continue;
    }
    latencies.Add(Ms(at - m.OnsetAt));
    decision.Add(Ms(m.DecisionSentAt - m.OnsetAt));
    serverPart.Add(Ms(at - m.DecisionSentAt));
    if (m.HeardAt != 0) heard.Add(Ms(m.HeardAt - m.OnsetAt));
}
var unconfirmed = monitors.Sum(m => (long)(m.Recording.Frames.Length - m.Confirmed));
var refusals = monitors.Where(m => m.Refused is not null).Select(m => m.Refused!).ToList();
Console.WriteLine($"monitors: {count} in {households.Count} households, {streamed:0.0} s of real-time audio each (100 ms frames, {monitors.Sum(m => m.NextFrame)} frames sent; latest frame {worstLag:0} ms behind its time)");
if (cpuBefore is { } b && cpuAfter is { } a)
{
    var cpu = a - b;
    Console.WriteLine($"server CPU: {cpu:0.0} s over {streamed:0.0} s = {100 * cpu / streamed:0}% of one core, {100 * cpu / streamed / Environment.ProcessorCount:0}% of the machine ({Environment.ProcessorCount} cores); per monitor {1000 * cpu / streamed / count:0.0} ms of CPU per second of audio");
}
Console.WriteLine($"bench client CPU (same machine): {100 * selfCpu / streamed:0}% of one core");
Console.WriteLine($"alert latency (onset captured → caregiver received): p50 {Of(latencies, 0.5):0} ms, p95 {Of(latencies, 0.95):0} ms, max {Of(latencies, 1):0} ms; alerts received {alertsReceived}");
Console.WriteLine($"  detector's own decision (onset → the frame it decides on is sent): p50 {Of(decision, 0.5):0} ms, p95 {Of(decision, 0.95):0} ms");
Console.WriteLine($"  server and delivery (that frame sent → caregiver received): p50 {Of(serverPart, 0.5):0} ms, p95 {Of(serverPart, 0.95):0} ms, max {Of(serverPart, 1):0} ms");
Console.WriteLine($"  (onset → the monitor's state shows a cry stage: p50 {Of(heard, 0.5):0} ms, p95 {Of(heard, 0.95):0} ms; state messages come every 250 ms)");
Console.WriteLine($"alerts missed: {missed} of {count} (the server's state showed a cry on {monitors.Count(m => m.HeardAt != 0)} monitors)");
Console.WriteLine($"frames unconfirmed at the end: {unconfirmed}; refused or dropped: {refusals.Count}{(refusals.Count == 0 ? "" : ": " + string.Join(" | ", refusals.Distinct().Take(3)))}");
// Per recording: shows whether the tail comes from load (every recording slow) or from the detector on some recordings.
var perRecording = recordings.Select((r, k) =>
{
    var own = monitors.Where(m => m.Recording == r && alertAt.ContainsKey(m.ChildId)).Select(m => Ms(alertAt[m.ChildId] - m.OnsetAt)).Order().ToList();
    return own.Count == 0 ? $"#{k} -" : $"#{k} {Of(own, 0.5):0}/{own[^1]:0} (detector {r.DecisionSeconds * 1000:0})";
});
Console.WriteLine($"latency per recording (p50/max ms): {string.Join(", ", perRecording)}");
foreach (var hub in caregivers) await hub.DisposeAsync();
return missed == 0 ? 0 : 1;

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
static double Of(List<double> list, double q)
{
    if (list.Count == 0) return double.NaN;
    list.Sort();
    return list[Math.Clamp((int)Math.Ceiling(q * list.Count) - 1, 0, list.Count - 1)];
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
