using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Browser;

/// <summary>
/// A new family's first minutes, in Debian's Chromium on a phone-sized screen: first-run setup, adding the
/// baby, quick-logging a feed and a diaper in two taps each, and seeing both on the Today timeline.
/// </summary>
public sealed class TodayFlowTests
{
    [SkippableFact]
    public async Task New_family_sets_up_adds_a_child_and_quick_logs_a_feed_and_a_diaper()
    {
        DebianChromium.SkipIfMissing();

        using var app = new KestrelAppFactory();
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(BrowserPages.Phone(baseUrl));
        var page = await context.NewPageAsync();
        await Screenshots.WithDiagnosticsAsync("today", page, async () =>
        {
            // First run: the home page leads to setup, which creates the household and signs the parent in.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/Setup$"));
            await page.GetByLabel("Household name").FillAsync("The Martins");
            await page.GetByLabel("Your name").FillAsync("Camille");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync("camille@example.org");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Calm evening 42!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create household" }).ClickAsync();

            // Then the baby.
            await Expect(page).ToHaveURLAsync(new Regex("/Children/Edit"));
            await page.GetByLabel("Name").FillAsync("Sarah");
            await page.GetByLabel("Birth date").FillAsync(DateTime.UtcNow.AddDays(-120).ToString("yyyy-MM-dd"));
            await page.GetByLabel("We talk about").SelectOptionAsync("her");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sarah today");
            await Expect(page.GetByText("Nothing logged yet today.")).ToBeVisibleAsync();

            // A feed in two taps: "Feed", then the kind.
            await Summary(page, "Feed").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Formula", Exact = true }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("Logged: Feed · Formula");

            // A diaper in two taps.
            await Summary(page, "Diaper").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Wet", Exact = true }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("Logged: Diaper · Wet");

            // Both on the timeline, newest first, with who gave the care.
            var items = page.Locator("ol.timeline > li");
            await Expect(items).ToHaveCountAsync(2);
            await Expect(items.Nth(0)).ToContainTextAsync("Diaper · Wet");
            await Expect(items.Nth(1)).ToContainTextAsync("Feed · Formula");
            await Expect(items.Nth(0)).ToContainTextAsync("Camille");
            await Expect(items.Nth(1)).ToContainTextAsync("Camille");

            await Screenshots.SaveForDocsAsync(page, "today.png");
        });
    }

    [SkippableFact]
    public async Task A_double_tap_logs_once_and_a_sleep_timer_starts_and_stops()
    {
        DebianChromium.SkipIfMissing();

        using var app = new KestrelAppFactory();
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(BrowserPages.Desktop(baseUrl));
        var page = await context.NewPageAsync();
        await Screenshots.WithDiagnosticsAsync("double-tap", page, async () =>
        {
            await BrowserPages.SetUpFamilyAsync(page, "Noor", "noor@example.org", "Lina");

            // The same rendered form sent twice (what a double tap or a flaky network retry does): same client id.
            await Summary(page, "Diaper").ClickAsync();
            var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Solid", Exact = true }) });
            var fields = await form.EvaluateAsync<Dictionary<string, string>>(
                "f => Object.fromEntries(new FormData(f).entries())");
            var action = await form.GetAttributeAsync("action") ?? "/?handler=Diaper";
            for (var i = 0; i < 2; i++)
            {
                var response = await context.APIRequest.PostAsync(action, new APIRequestContextOptions { Form = ToForm(context, fields), MaxRedirects = 0 });
                Assert.Equal(302, response.Status);
            }

            await page.ReloadAsync();
            await Expect(page.Locator("ol.timeline > li")).ToHaveCountAsync(1);
            await Expect(page.Locator("ol.timeline > li")).ToContainTextAsync("Diaper · Solid");

            // Timers: a sleep starts with one tap and shows as running until stopped.
            await page.GetByRole(AriaRole.Button, new() { Name = "Start sleep timer" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("sleep timer started");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start sleep timer" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop sleep" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("Stopped: Sleep · Crib");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop sleep" })).ToHaveCountAsync(0);
            await Expect(page.Locator("ol.timeline > li")).ToHaveCountAsync(2);
        });
    }

    [SkippableFact]
    public async Task Journal_entries_can_be_edited_and_deleted_with_confirmation_and_keep_a_history()
    {
        DebianChromium.SkipIfMissing();

        using var app = new KestrelAppFactory();
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(BrowserPages.Desktop(baseUrl));
        var page = await context.NewPageAsync();
        await Screenshots.WithDiagnosticsAsync("journal-edit", page, async () =>
        {
            await BrowserPages.SetUpFamilyAsync(page, "Sam", "sam@example.org", "Milo");

            await Summary(page, "Feed").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Bottle (breast milk)", Exact = true }).ClickAsync();
            await Summary(page, "Diaper").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Both", Exact = true }).ClickAsync();

            // Edit the feed: add the amount.
            await page.GotoAsync("/Journal");
            var feed = page.Locator("ol.timeline > li", new() { HasText = "Feed" });
            await feed.GetByRole(AriaRole.Link, new() { Name = "edit" }).ClickAsync();
            await page.GetByLabel("Amount").FillAsync("120");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("Saved: Feed · Bottle (breast milk) · 120 ml");
            await Expect(page.Locator("ol.timeline > li", new() { HasText = "Feed" })).ToContainTextAsync("120 ml");

            // A bad edit is refused with the reason, and changes nothing.
            await page.Locator("ol.timeline > li", new() { HasText = "Feed" }).GetByRole(AriaRole.Link, new() { Name = "edit" }).ClickAsync();
            await page.GetByLabel("Amount").FillAsync("5000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("The amount must be between 0 and 1000");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
            await Expect(page.Locator("ul.rows li")).ToHaveCountAsync(2); // created, then the one successful edit
            await page.GotoAsync("/Journal");
            await Expect(page.Locator("ol.timeline > li", new() { HasText = "Feed" })).ToContainTextAsync("120 ml");

            // Delete the diaper, after saying yes.
            await page.Locator("ol.timeline > li", new() { HasText = "Diaper" }).GetByRole(AriaRole.Link, new() { Name = "edit" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Delete…" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delete this entry?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("Deleted");
            await Expect(page.Locator("ol.timeline > li")).ToHaveCountAsync(1);
            await Expect(page.Locator("ol.timeline > li")).ToContainTextAsync("Feed");
        });
    }

    private static ILocator Summary(IPage page, string text) =>
        page.Locator("summary").Filter(new() { HasTextRegex = new Regex($"^\\s*{text}\\s*$") });

    private static IFormData ToForm(IBrowserContext context, Dictionary<string, string> fields)
    {
        var form = context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields) form.Set(name, value);
        return form;
    }
}
