using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SecureBase.Care.Demo;
using SecureBase.Care.Journal.Format;

// Times the Insights page as a signed-in parent's browser gets it, from a running SecureBase server that holds the
// two-year demo journal (about 40,000 entries, imported here through the API first): sequential requests after a
// warm-up, p50/p95/max per URL. The target is under 200 ms for the page.
// With --server-pid (Linux), also the server's CPU time per request, which the machine's other load does not inflate.
// The Server-Timing header gives the database read and the computation inside each request.
// Usage: SecureBase.PageBench --server http://127.0.0.1:5098 [--requests 200] [--warmup 20] [--label sqlite] [--server-pid N]
var server = Arg("--server") ?? "http://127.0.0.1:5098";
var requests = int.Parse(Arg("--requests") ?? "200", CultureInfo.InvariantCulture);
var warmUp = int.Parse(Arg("--warmup") ?? "20", CultureInfo.InvariantCulture);
var label = Arg("--label") ?? "server";
var serverPid = Arg("--server-pid");

var browser = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(10) };
var membership = await Post(browser, "/api/account/signup", new { email = "pagebench@example.org", password = "Bench-password-1", displayName = "Bench", householdName = "Bench household", timeZone = "UTC" });
var householdId = membership.GetProperty("householdId").GetGuid();

var now = DateTimeOffset.UtcNow;
var journal = DemoJournal.CreateLong(now.AddHours(-1), TimeSpan.FromDays(730), seed: 3);
using (var body = new MemoryStream())
{
    JournalDocumentWriter.Write(journal, body);
    var content = new ByteArrayContent(body.ToArray());
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    var imported = await browser.PostAsync($"/api/households/{householdId}/import", content);
    if (!imported.IsSuccessStatusCode) throw new InvalidOperationException($"Import failed: {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
}
var sarah = journal.Children.Single(c => c.Name == "Sarah").Id;
var today = DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
Console.WriteLine($"[{label}] {journal.Entries.Count} entries imported; {requests} sequential requests per URL after {warmUp} warm-up requests");

string[] urls =
[
    $"/Insights?child={sarah}&period=week&date={today}",
    $"/Insights?child={sarah}&period=month&date={today}",
    $"/Insights/Report?child={sarah}&date={today}",
    $"/api/households/{householdId}/children/{sarah}/insights",
];
foreach (var url in urls)
{
    var times = new List<double>(requests);
    var db = new List<double>(requests);
    var calc = new List<double>(requests);
    long bytes = 0;
    double cpuBefore = 0;
    for (var i = 0; i < warmUp + requests; i++)
    {
        if (i == warmUp) cpuBefore = CpuMilliseconds(serverPid);
        var begin = Stopwatch.GetTimestamp();
        using var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        if (url.StartsWith("/Insights", StringComparison.Ordinal) && !text.Contains("svg class=\"chart\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{url} did not render the charts.");
        if (i >= warmUp)
        {
            times.Add(elapsed);
            var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(",", values) : "";
            if (Duration(timing, "db") is { } d) db.Add(d);
            if (Duration(timing, "insights") is { } c) calc.Add(c);
        }
        bytes = text.Length;
    }
    var cpu = (CpuMilliseconds(serverPid) - cpuBefore) / requests;
    times.Sort();
    db.Sort();
    calc.Sort();
    static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    double P(double p) => Pct(times, p);
    var shown = url.Replace(sarah.ToString(), "{child}", StringComparison.Ordinal).Replace(householdId.ToString(), "{household}", StringComparison.Ordinal);
    Console.WriteLine(
        FormattableString.Invariant($"[{label}] GET {shown}: p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, max {times[^1]:0.0} ms ({bytes / 1024.0:0} KB); ") +
        FormattableString.Invariant($"inside: database p50 {Pct(db, 0.5):0.0} ms, insights p50 {Pct(calc, 0.5):0.0} ms") +
        (serverPid is null ? "" : FormattableString.Invariant($"; server CPU {cpu:0.0} ms per request")));
}
return 0;

static async Task<JsonElement> Post(HttpClient http, string url, object body)
{
    var response = await http.PostAsJsonAsync(url, body);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return await response.Content.ReadFromJsonAsync<JsonElement>();
}

// "db;dur=12.3;desc=..., insights;dur=4.5" → the dur of one metric.
static double? Duration(string header, string metric)
{
    foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
    {
        var fields = part.Split(';', StringSplitOptions.TrimEntries);
        if (fields[0] != metric) continue;
        var dur = fields.FirstOrDefault(f => f.StartsWith("dur=", StringComparison.Ordinal));
        if (dur is not null && double.TryParse(dur[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)) return ms;
    }
    return null;
}

// User + system CPU time of a process from /proc (Linux), milliseconds; 0 when not available.
static double CpuMilliseconds(string? pid)
{
    if (pid is null || !File.Exists($"/proc/{pid}/stat")) return 0;
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12 here; clock ticks of 10 ms.
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
