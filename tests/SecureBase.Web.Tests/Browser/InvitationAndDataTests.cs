using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Browser;

/// <summary>
/// A parent invites a grandparent, who joins with the typed code, logs care and signs in again later; the parent
/// downloads the journal, and a file that is not a journal is refused with a reason and changes nothing.
/// </summary>
public sealed class InvitationAndDataTests
{
    [SkippableFact]
    public async Task A_grandparent_joins_by_code_logs_care_and_the_parent_downloads_the_journal()
    {
        DebianChromium.SkipIfMissing();

        using var app = new KestrelAppFactory();
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var parentContext = await browser.NewContextAsync(BrowserPages.Desktop(baseUrl));
        await using var grandpaContext = await browser.NewContextAsync(BrowserPages.Desktop(baseUrl));
        var parent = await parentContext.NewPageAsync();
        var grandpa = await grandpaContext.NewPageAsync();
        var download = Path.Combine(Path.GetTempPath(), $"securebase-export-{Guid.NewGuid():N}.json");
        try
        {
            // The parent sets up, logs a feed and invites Grandpa Joe as a caregiver.
            await parent.GotoAsync("/Setup");
            await parent.GetByLabel("Household name").FillAsync("Ada's home");
            await parent.GetByLabel("Your name").FillAsync("Ada");
            await parent.GetByLabel("Email", new() { Exact = true }).FillAsync("ada@example.org");
            await parent.GetByLabel("Password", new() { Exact = true }).FillAsync("Long enough passphrase");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Create household" }).ClickAsync();
            await parent.GetByLabel("Name").FillAsync("Iris");
            await parent.GetByLabel("Birth date").FillAsync(DateTime.UtcNow.AddDays(-90).ToString("yyyy-MM-dd"));
            await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Summary(parent, "Feed").ClickAsync();
            await parent.GetByRole(AriaRole.Button, new() { Name = "Left breast", Exact = true }).ClickAsync();
            await Expect(parent.Locator(".flash")).ToContainTextAsync("Logged: Feed · Left breast");

            await parent.GotoAsync("/People");
            await parent.GetByLabel("Their name (optional)").FillAsync("Grandpa Joe");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
            var code = (await parent.GetByTestId("invitation-code").InnerTextAsync()).Trim();
            Assert.Matches("^[A-Z2-9]{8}$", code);

            // Grandpa types the code, creates his account and lands on Iris's day, where he sees Ada's feed.
            await grandpa.GotoAsync("/Invitations/Accept");
            await grandpa.GetByLabel("Your invitation code").FillAsync(code.ToLowerInvariant());
            await grandpa.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(grandpa.GetByText("You're invited to Ada's home as a caregiver")).ToBeVisibleAsync();
            await Expect(grandpa.GetByLabel("Your name")).ToHaveValueAsync("Grandpa Joe");
            await grandpa.GetByLabel("Email", new() { Exact = true }).FillAsync("joe@example.org");
            await grandpa.GetByLabel("Choose a password").FillAsync("Garden roses every June");
            await grandpa.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
            await Expect(grandpa.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Iris today");
            await Expect(grandpa.Locator("ol.timeline > li")).ToContainTextAsync("Feed · Left breast");
            await Summary(grandpa, "Diaper").ClickAsync();
            await grandpa.GetByRole(AriaRole.Button, new() { Name = "Wet", Exact = true }).ClickAsync();
            await Expect(grandpa.Locator("ol.timeline > li").First).ToContainTextAsync("Grandpa Joe");

            // The code works once. Leave the page first: its live connection could otherwise bring a renewed sign-in
            // cookie back after the clear, and the anonymous form's anti-forgery token would then not match.
            await grandpa.GotoAsync("about:blank");
            await grandpaContext.ClearCookiesAsync();
            await grandpa.GotoAsync("/Invitations/Accept");
            await grandpa.GetByLabel("Your invitation code").FillAsync(code);
            await grandpa.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(grandpa.Locator(".validation-summary-errors")).ToContainTextAsync("doesn't work any more");

            // He signs in again later.
            await grandpa.GotoAsync("/");
            await Expect(grandpa).ToHaveURLAsync(new Regex("/Account/SignIn"));
            await grandpa.GetByLabel("Email", new() { Exact = true }).FillAsync("joe@example.org");
            await grandpa.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong password here");
            await grandpa.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(grandpa.Locator(".validation-summary-errors")).ToContainTextAsync("don't match");
            await grandpa.GetByLabel("Password", new() { Exact = true }).FillAsync("Garden roses every June");
            await grandpa.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(grandpa.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Iris today");

            // The parent downloads the journal: both entries, in the journal format.
            await parent.GotoAsync("/Data");
            var file = await parent.RunAndWaitForDownloadAsync(() =>
                parent.GetByRole(AriaRole.Link, new() { Name = "Download the journal (JSON)" }).ClickAsync());
            await file.SaveAsAsync(download);
            var json = await File.ReadAllTextAsync(download);
            Assert.Contains("\"securebase-journal\"", json, StringComparison.Ordinal);
            Assert.Contains("\"Grandpa Joe\"", json, StringComparison.Ordinal);
            Assert.Equal(2, Regex.Count(json, "\"type\"\\s*:\\s*\"(feed|diaper)\""));

            // A file that is not a journal is refused with a reason, and nothing changes.
            await parent.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = "notes.json",
                MimeType = "application/json",
                Buffer = "{\"format\":\"something-else\",\"version\":1}"u8.ToArray(),
            });
            await parent.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Expect(parent.Locator("[role=alert]")).ToContainTextAsync("Nothing was imported");
            await parent.GotoAsync("/Journal");
            await Expect(parent.Locator("ol.timeline > li")).ToHaveCountAsync(2);
        }
        catch
        {
            await Screenshots.SaveFailureAsync("invitation", parent, grandpa);
            throw;
        }
        finally
        {
            File.Delete(download);
        }
    }

    private static ILocator Summary(IPage page, string text) =>
        page.Locator("summary").Filter(new() { HasTextRegex = new Regex($"^\\s*{text}\\s*$") });
}
