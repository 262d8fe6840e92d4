using Xunit.Abstractions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecureBase.Care.Journal;
using SecureBase.Monitoring.Simulation;
using SecureBase.Storage;
using SecureBase.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Live;

/// <summary>
/// The core loop in Debian's Chromium: a phone on /Monitor whose (fake) microphone plays a quiet room and then a cry,
/// and a caregiver's phone that gets the alert with the likely need, answers "I'm going" and "I'm with her", logs
/// the response, and finds the episode with its latencies in the journal — also when the server restarts mid-cry.
/// The audio is synthesised (<see cref="SyntheticNursery"/>), so the test needs no recordings.
/// </summary>
public sealed class MonitorBrowserTests(ITestOutputHelper output)
{
    private const int Rate = 16000;
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 45_000 };

    [SkippableFact]
    public async Task A_cry_on_the_monitor_reaches_a_caregiver_who_answers_and_the_journal_keeps_the_latencies()
    {
        DebianChromium.SkipIfMissing();
        using var wav = CryRecording.Create(quietSeconds: 4, units: 8);
        using var server = new LiveServer();
        server.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright, wav.Path);
        var (nursery, phone) = await FamilyAsync(browser, server.BaseUrl);

        await Screenshots.WithDiagnosticsAsync("monitor", [nursery, phone], async () =>
        {
            await StartMonitorAsync(nursery);

            // The caregiver's phone: the alert, with the likely need and its reasons.
            var card = phone.Locator(".alert-card");
            await Expect(card).ToBeVisibleAsync(Soon);
            output.WriteLine(await card.InnerTextAsync());
            await Expect(card.Locator(".alert-text")).ToContainTextAsync(new Regex("^Sarah is (fussing|crying|intense) · likely "));
            await Expect(card.Locator(".alert-reasons li").First).ToContainTextAsync("fed");
            await Screenshots.SaveForDocsAsync(phone, "alert.png");

            await AnswerAsync(card);
            await CheckJournalAsync(phone);

            // Today lists the nursery device; when the nursery phone goes away, the caregiver sees it without reloading.
            await phone.GotoAsync("/");
            var monitors = phone.Locator("#monitor-health");
            await Expect(monitors.Locator(".monitor.ok")).ToHaveTextAsync("Nursery phone is listening.");
            await nursery.CloseAsync();
            await Expect(monitors.Locator(".monitor.warning")).ToContainTextAsync("Nursery phone has lost its connection", new() { Timeout = 30_000 });
            await Expect(monitors.Locator(".monitor.ok")).ToHaveCountAsync(0);
        });

        var cries = await server.CriesAsync();
        var cry = Assert.Single(cries);
        var response = Assert.Single(cry.Responses);
        Assert.True(response.AcknowledgedAt >= cry.StartedAt && response.ArrivedAt >= response.AcknowledgedAt);
        Assert.Contains(response.Actions, a => a.Action == CareAction.Feed);
    }

    [SkippableFact]
    public async Task A_server_restart_in_the_middle_of_a_cry_leaves_one_episode_and_one_alert()
    {
        DebianChromium.SkipIfMissing();
        // A long cry: about 40 s, so the restart falls in its middle.
        using var wav = CryRecording.Create(quietSeconds: 4, units: 30);
        using var server = new LiveServer();
        server.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright, wav.Path);
        var (nursery, phone) = await FamilyAsync(browser, server.BaseUrl);

        await Screenshots.WithDiagnosticsAsync("monitor-restart", [nursery, phone], async () =>
        {
            await StartMonitorAsync(nursery);
            var card = phone.Locator(".alert-card");
            await Expect(card).ToBeVisibleAsync(Soon);
            var before = Assert.Single(await server.CriesAsync());
            Assert.Null(before.EndedAt);

            // The server goes down mid-cry and comes back on the same address and database.
            server.Stop();
            await Expect(nursery.Locator("#monitor-status")).ToContainTextAsync("Reconnecting");
            server.Start();
            await Expect(nursery.Locator("#monitor-status")).ToContainTextAsync("Listening", new() { Timeout = 30_000 });

            // The cry goes on being heard into the same episode; the caregiver still sees one alert and can answer it.
            await LiveServer.WaitUntilAsync(async () => (await server.CriesAsync()).Any(c => c.EndedAt is not null), TimeSpan.FromSeconds(90));
            await Expect(card).ToHaveCountAsync(1);
            await AnswerAsync(card);
            await CheckJournalAsync(phone);
        });

        var cry = Assert.Single(await server.CriesAsync());
        Assert.NotNull(cry.EndedAt);
        // The whole cry, not only the part after the restart: it started before the server stopped.
        Assert.True(cry.EndedAt!.Value - cry.StartedAt > TimeSpan.FromSeconds(25), $"The episode lasted only {cry.EndedAt - cry.StartedAt}.");
        var response = Assert.Single(cry.Responses);
        Assert.NotNull(response.ArrivedAt);
    }

    private async Task StartMonitorAsync(IPage nursery)
    {
        nursery.Console += (_, m) => output.WriteLine($"nursery console: {m.Text}");
        nursery.WebSocket += (_, ws) =>
        {
            output.WriteLine($"nursery websocket: {ws.Url}");
            ws.SocketError += (_, e) => output.WriteLine($"websocket error: {e}");
            ws.Close += (_, _) => output.WriteLine("websocket closed");
        };
        await nursery.GotoAsync("/Monitor");
        await nursery.GetByRole(AriaRole.Button, new() { Name = "Start listening" }).ClickAsync();
        await Expect(nursery.Locator("#monitor-status")).ToContainTextAsync("Listening");
    }

    /// <summary>"I'm going", "I'm with her", then the response form (the likely need is preselected) in three taps.</summary>
    private static async Task AnswerAsync(ILocator card)
    {
        await card.GetByRole(AriaRole.Button, new() { Name = "I'm going" }).ClickAsync();
        await Expect(card.Locator("p.muted")).ToContainTextAsync("Joe is on the way.");
        await card.GetByRole(AriaRole.Button, new() { Name = "I'm with her" }).ClickAsync();
        var form = card.Locator("form.respond");
        await Expect(form).ToBeVisibleAsync();
        var feed = form.GetByRole(AriaRole.Button, new() { Name = "Feed", Exact = true });
        if (await feed.GetAttributeAsync("class") is not { } css || !css.Contains("on", StringComparison.Ordinal)) await feed.ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Saved. Thank you.");
    }

    /// <summary>The journal lists the cry as answered, and its page shows how long each step took.</summary>
    private static async Task CheckJournalAsync(IPage phone)
    {
        await phone.GotoAsync("/Journal?type=Cry");
        var entry = phone.Locator("ol.timeline > li");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("Cry answered");
        await entry.GetByRole(AriaRole.Link, new() { Name = "details" }).ClickAsync();
        await Expect(phone.GetByTestId("latency-going")).ToHaveTextAsync(new Regex(@"on the way after \d+ (s|min)"));
        await Expect(phone.GetByTestId("latency-arrived")).ToHaveTextAsync(new Regex(@"with her after \d+ (s|min)"));
        await Expect(phone.Locator("ul.responses")).ToContainTextAsync("Joe");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright, string wav) =>
        DebianChromium.LaunchAsync(
            playwright,
            // The nursery phone's microphone plays the recording (Chromium loops it; it ends in a long quiet).
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={wav}",
            "--autoplay-policy=no-user-gesture-required");

    /// <summary>A parent sets up the household and Sarah, logs a feed, and invites Joe, who joins on his phone.</summary>
    private static async Task<(IPage Nursery, IPage Phone)> FamilyAsync(IBrowser browser, Uri baseUrl)
    {
        var nurseryContext = await browser.NewContextAsync(BrowserPages.Desktop(baseUrl));
        var phoneContext = await browser.NewContextAsync(BrowserPages.Phone(baseUrl));
        var parent = await nurseryContext.NewPageAsync();
        await BrowserPages.SetUpFamilyAsync(parent, "Camille", "camille@example.org", "Sarah", pronoun: "her");
        // A feed, so the likely need has something to say ("fed … ago").
        await parent.Locator("summary").Filter(new() { HasTextRegex = new Regex("^\\s*Feed\\s*$") }).ClickAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Formula", Exact = true }).ClickAsync();
        await Expect(parent.Locator(".flash")).ToContainTextAsync("Logged: Feed");

        await parent.GotoAsync("/People");
        await parent.GetByLabel("Their name (optional)").FillAsync("Joe");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
        var code = (await parent.GetByTestId("invitation-code").InnerTextAsync()).Trim();

        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/Invitations/Accept");
        await phone.GetByLabel("Your invitation code").FillAsync(code);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await phone.GetByLabel("Email", new() { Exact = true }).FillAsync("joe@example.org");
        await phone.GetByLabel("Choose a password").FillAsync("Garden roses every June");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sarah today");
        await Expect(phone.Locator("#alerts[data-connection=connected]")).ToHaveCountAsync(1);
        return (parent, phone);
    }



    /// <summary>A WAV of a quiet room, a cry, and a long quiet tail (Chromium loops the file; the test ends first).</summary>
    private sealed class CryRecording : IDisposable
    {
        private CryRecording(string path) => Path = path;

        public string Path { get; }

        public static CryRecording Create(double quietSeconds, int units)
        {
            var cry = SyntheticNursery.QuietThenCry(Rate, quietSeconds, units);
            var samples = new short[Math.Max(cry.Length, Rate * 240)];
            cry.CopyTo(samples, 0);
            // The tail keeps the room's faint noise rather than digital silence (a dead microphone sends zeros).
            for (var i = cry.Length; i < samples.Length; i++) samples[i] = cry[i % (Rate * 2)];
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"securebase-cry-{Guid.NewGuid():N}.wav");
            File.WriteAllBytes(path, SyntheticNursery.ToWav(samples, Rate));
            return new CryRecording(path);
        }

        public void Dispose() => File.Delete(Path);
    }
}
