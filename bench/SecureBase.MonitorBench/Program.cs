using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SecureBase.Monitoring.Client;
using SecureBase.Monitoring.Simulation;

// N nursery monitors stream synthetic audio in real time (100 ms frames) to a running server: quiet, a cry at a known,
// staggered onset, quiet again. One caregiver per household listens on the alerts hub. Prints alert latency (cry onset
// sent → first alert for that child received), alerts missed, frames refused and the server's CPU use.
// Usage: SecureBase.MonitorBench --server http://127.0.0.1:5099 [--count 200] [--seconds 25] [--per-household 1000] [--server-pid PID]
var server = new Uri(Arg("--server") ?? "http://127.0.0.1:5099");
var count = int.Parse(Arg("--count") ?? "200", CultureInfo.InvariantCulture);
var seconds = double.Parse(Arg("--seconds") ?? "25", CultureInfo.InvariantCulture);
// One household by default: the server rate-limits sign-ups (429 after a few a minute), and a household may have many children.
var perHousehold = int.Parse(Arg("--per-household") ?? "1000", CultureInfo.InvariantCulture);
var serverPid = Arg("--server-pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
const int Rate = 16000;
const int Units = 5;
var runId = Guid.NewGuid().ToString("N")[..8];

// Set up: households, children, device tokens.
var setup = Stopwatch.StartNew();
var households = new List<Household>();
for (var h = 0; h * perHousehold < count; h++)
    households.Add(await Household.SignUpAsync(server, h, Math.Min(perHousehold, count - (h * perHousehold)), runId));
Console.WriteLine($"set up {households.Count} households, {count} monitors in {setup.Elapsed.TotalSeconds:0.0} s");

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
        var childId = message.GetProperty("childId").GetGuid();
        alertAt.TryAdd(childId, now);
        _ = hub.InvokeAsync("Confirm", message.GetProperty("id").GetGuid(), message.GetProperty("version").GetInt32());
    });
    await hub.StartAsync();
    caregivers.Add(hub);
}

// The recordings: ten onsets spread over the run, shared by the monitors.
var quietMax = Math.Max(2, seconds - (Units * 1.35) - 6);
var variants = Enumerable.Range(0, 10).Select(k =>
{
    var onset = 2 + (k * (quietMax - 2) / 9);
    return (Onset: (int)(onset * Rate), Samples: SyntheticNursery.QuietThenCry(Rate, onset, Units, seed: 7 + k));
}).ToArray();

var monitors = households.SelectMany(h => h.Monitors.Select(m => (Household: h, m.ChildId, m.Token))).ToList();
var onsetAt = new long[monitors.Count];
var refusals = new ConcurrentBag<string>();
var disconnects = 0;
var heardAt = new long[monitors.Count];
var clients = new MonitorClient[monitors.Count];
var cpuBefore = ProcessCpu.Seconds(serverPid);
var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
var wall = Stopwatch.StartNew();
var runs = monitors.Select((m, i) =>
{
    var client = clients[i] = new MonitorClient(new MonitorClientOptions
    {
        Server = server, HouseholdId = m.Household.Id, ChildId = m.ChildId, Token = m.Token, SampleRate = Rate, DeviceName = $"Bench {i}",
    });
    client.Disconnected += d =>
    {
        if (d.RetryIn is null && !d.Refused) return; // The end of the run.
        Interlocked.Increment(ref disconnects);
        if (d.Refused) refusals.Add(d.Reason);
    };
    client.StateReceived += s => { if (s.Stage != "quiet" && heardAt[i] == 0) heardAt[i] = Stopwatch.GetTimestamp(); };
    var variant = variants[i % variants.Length];
    // Stagger the starts over one frame so the monitors do not all send in the same millisecond.
    return Task.Run(async () =>
    {
        await Task.Delay(i * RealTimeAudio.FrameMilliseconds / Math.Max(1, monitors.Count));
        await client.RunAsync(RealTimeAudio.Play(variant.Samples, Rate, variant.Onset, t => onsetAt[i] = t), CancellationToken.None, drainTimeout: TimeSpan.FromSeconds(2));
    });
}).ToArray();
await Task.WhenAll(runs);
var streamed = wall.Elapsed.TotalSeconds;
var cpuAfter = ProcessCpu.Seconds(serverPid);
var selfCpu = (Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalSeconds;
// Alerts still on their way.
var grace = Stopwatch.StartNew();
while (alertAt.Count < monitors.Count && grace.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(100);

var latencies = new List<double>();
var detectorLatencies = new List<double>();
var deliveryLatencies = new List<double>();
var missed = 0;
for (var i = 0; i < monitors.Count; i++)
{
    if (onsetAt[i] != 0 && alertAt.TryGetValue(monitors[i].ChildId, out var at))
    {
        latencies.Add((at - onsetAt[i]) * 1000.0 / Stopwatch.Frequency);
        if (heardAt[i] != 0)
        {
            detectorLatencies.Add((heardAt[i] - onsetAt[i]) * 1000.0 / Stopwatch.Frequency);
            deliveryLatencies.Add((at - heardAt[i]) * 1000.0 / Stopwatch.Frequency);
        }
    }
    else missed++;
}
latencies.Sort();
detectorLatencies.Sort();
deliveryLatencies.Sort();
double Percentile(double q) => Of(latencies, q);
static double Of(List<double> list, double q) => list.Count == 0 ? double.NaN : list[Math.Clamp((int)Math.Ceiling(q * list.Count) - 1, 0, list.Count - 1)];
var unconfirmed = clients.Sum(c => (long)(c.LastSequence - c.ConfirmedSequence));
Console.WriteLine($"monitors: {count} in {households.Count} households, {streamed:0.0} s of real-time audio each (100 ms frames, {clients.Sum(c => c.FramesSent)} frames sent, {clients.Sum(c => c.FramesResent)} resent)");
if (cpuBefore is { } b && cpuAfter is { } a)
    Console.WriteLine($"server CPU: {a - b:0.0} s over {streamed:0.0} s = {100 * (a - b) / streamed:0}% of one core, {100 * (a - b) / streamed / Environment.ProcessorCount:0}% of the machine ({Environment.ProcessorCount} cores)");
Console.WriteLine($"bench client CPU (same machine): {100 * selfCpu / streamed:0}% of one core");
Console.WriteLine($"alert latency (onset sent → caregiver received): p50 {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms, max {(latencies.Count == 0 ? double.NaN : latencies[^1]):0} ms; alerts received {alertsReceived}");
Console.WriteLine($"  of which onset → monitor's state shows a cry stage: p50 {Of(detectorLatencies, 0.5):0} ms, p95 {Of(detectorLatencies, 0.95):0} ms (detector + ≤250 ms state interval)");
Console.WriteLine($"  of which that state → caregiver alert (can be negative: the alert may come first): p50 {Of(deliveryLatencies, 0.5):0} ms, p95 {Of(deliveryLatencies, 0.95):0} ms");
Console.WriteLine($"alerts missed: {missed} of {count} (the server's state showed a cry on {heardAt.Count(x => x != 0)} monitors)");
Console.WriteLine($"frames refused/unconfirmed: {unconfirmed}; disconnects {disconnects}; refusals {refusals.Count}{(refusals.IsEmpty ? "" : ": " + string.Join(" | ", refusals.Distinct().Take(3)))}");
// Per recording: shows whether the tail comes from load (every recording slow) or from the detector on some recordings.
var perVariant = Enumerable.Range(0, variants.Length).Select(k =>
{
    var own = Enumerable.Range(0, monitors.Count).Where(i => i % variants.Length == k && onsetAt[i] != 0 && alertAt.ContainsKey(monitors[i].ChildId))
        .Select(i => (alertAt[monitors[i].ChildId] - onsetAt[i]) * 1000.0 / Stopwatch.Frequency).Order().ToList();
    return own.Count == 0 ? $"#{k} -" : $"#{k} {Of(own, 0.5):0}/{own[^1]:0}";
});
Console.WriteLine($"latency per recording (p50/max ms): {string.Join(", ", perVariant)}");
foreach (var hub in caregivers) await hub.DisposeAsync();
return missed == 0 ? 0 : 1;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
