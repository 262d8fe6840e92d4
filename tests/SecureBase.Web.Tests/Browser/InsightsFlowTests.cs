using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Browser;

/// <summary>
/// The demo household in Debian's Chromium on a phone-sized screen: sign in as Emma, open Insights, see the four
/// charts (accessible SVG with a table behind each), the scores with "how is this computed" and the patterns with
/// their evidence, then open the printable weekly report. Saves docs/screenshots/insights.png and insights-report.png.
/// </summary>
public sealed class InsightsFlowTests
{
    [SkippableFact]
    public async Task A_demo_parent_opens_insights_sees_charts_and_patterns_and_the_weekly_report()
    {
        DebianChromium.SkipIfMissing();

        using var app = new KestrelAppFactory(demo: true);
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(BrowserPages.Phone(baseUrl));
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        try
        {
            await page.GotoAsync("/Account/SignIn");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync("emma@demo.securebase.local");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("securebase-demo");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sarah today");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Insights" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Insights for Sarah");

            // Four charts, each an image with a name and a description, drawn with data, and a table of the same numbers.
            var charts = page.Locator("svg.chart[role=img]");
            await Expect(charts).ToHaveCountAsync(4);
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "How long cries waited for someone, day by day" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Cries per day and how far they went" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Feeds against the feeding interval" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Connection moments per day" })).ToBeVisibleAsync();
            Assert.True(await page.Locator("#chart-latency polyline").CountAsync() >= 2, "Expected a latency line for at least two caregivers.");
            Assert.True(await page.Locator("#chart-cries rect").CountAsync() >= 7, "Expected a bar for the cries of each day.");
            Assert.True(await page.Locator("#chart-feeds .dot").CountAsync() >= 20, "Expected a dot for each feed.");
            await Expect(page.Locator("#chart-connections desc")).ToContainTextAsync("connection moments over 7 days");
            var cryTable = page.Locator("figure", new() { Has = page.Locator("#chart-cries") }).Locator("table tbody tr");
            await Expect(cryTable).ToHaveCountAsync(7);

            // The patterns with their evidence and a suggestion; the demo's Tom answers more slowly when busy.
            var patterns = page.Locator("li.pattern");
            Assert.True(await patterns.CountAsync() >= 1, "Expected at least one pattern in the demo week.");
            await Expect(patterns.First).ToContainTextAsync("What we saw:");
            await Expect(patterns.First).ToContainTextAsync("An idea:");

            // The scores explain themselves.
            var alignment = page.Locator("#score-alignment");
            await alignment.GetByText("How is this computed?").ClickAsync();
            await Expect(alignment.Locator("details.how p").First).ToContainTextAsync("Alignment =");
            await Expect(page.Locator("#by-caregiver th[scope=col]", new() { HasText = "Emma" })).ToBeVisibleAsync();

            await page.Locator("#charts-heading").ScrollIntoViewIfNeededAsync();
            await page.EvaluateAsync("document.getElementById('charts-heading').scrollIntoView()");
            await Screenshots.SaveForDocsAsync(page, "insights.png");

            // The weekly report: the same week, ready to print (on a wider screen, as a printer's page is), with the numbers tables open.
            await page.SetViewportSizeAsync(900, 1200);
            await page.GetByRole(AriaRole.Link, new() { Name = "Weekly report" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Insights/Report"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("A week with Sarah");
            await Expect(page.Locator("svg.chart[role=img]")).ToHaveCountAsync(4);
            await Expect(page.Locator("details.chart-table[open]")).ToHaveCountAsync(4);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print or save as PDF" })).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.Locator("nav.tabs")).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print or save as PDF" })).ToBeHiddenAsync();
            await Expect(page.Locator("svg.chart").First).ToBeVisibleAsync();
            await Screenshots.SaveForDocsAsync(page, "insights-report.png", fullPage: true);

            // Nothing was fetched from anywhere but the app itself.
            Assert.All(requests, url => Assert.StartsWith(baseUrl.ToString(), url, StringComparison.Ordinal));
        }
        catch
        {
            await Screenshots.SaveFailureAsync("insights", page);
            throw;
        }
    }
}
