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
// Usage: SecureBase.PageBench --server http://127.0.0.1:5098 [--requests 200] [--warmup 20] [--label sqlite]
var server = Arg("--server") ?? "http://127.0.0.1:5098";
var requests = int.Parse(Arg("--requests") ?? "200", CultureInfo.InvariantCulture);
var warmUp = int.Parse(Arg("--warmup") ?? "20", CultureInfo.InvariantCulture);
var label = Arg("--label") ?? "server";

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
    long bytes = 0;
    for (var i = 0; i < warmUp + requests; i++)
    {
        var begin = Stopwatch.GetTimestamp();
        using var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        if (url.StartsWith("/Insights", StringComparison.Ordinal) && !text.Contains("svg class=\"chart\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{url} did not render the charts.");
        if (i >= warmUp) times.Add(elapsed);
        bytes = text.Length;
    }
    times.Sort();
    double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
    var shown = url.Replace(sarah.ToString(), "{child}", StringComparison.Ordinal).Replace(householdId.ToString(), "{household}", StringComparison.Ordinal);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"[{label}] GET {shown}: p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, max {times[^1]:0.0} ms ({bytes / 1024.0:0} KB)"));
}
return 0;

static async Task<JsonElement> Post(HttpClient http, string url, object body)
{
    var response = await http.PostAsJsonAsync(url, body);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return await response.Content.ReadFromJsonAsync<JsonElement>();
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
