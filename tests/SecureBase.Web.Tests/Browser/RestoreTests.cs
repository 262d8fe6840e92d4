using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Browser;

/// <summary>First run offers to restore an exported journal; a file that is not one is refused and leaves setup open.</summary>
public sealed class RestoreTests
{
    [SkippableFact]
    public async Task Restoring_a_file_that_is_not_a_journal_is_refused_with_the_reason_and_creates_nothing()
    {
        DebianChromium.SkipIfMissing();

        using var app = new KestrelAppFactory();
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(BrowserPages.Desktop(baseUrl));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Setup");
        await page.Locator("summary", new() { HasText = "Restore a journal file" }).ClickAsync();
        await page.Locator("#restore-file").SetInputFilesAsync(new FilePayload
        {
            Name = "journal.json",
            MimeType = "application/json",
            Buffer = "{\"format\":\"securebase-journal\",\"version\":99}"u8.ToArray(),
        });
        await page.GetByLabel("Your email").FillAsync("kim@example.org");
        await page.GetByLabel("Choose a password").FillAsync("Long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("Nothing was restored");
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("version");

        // Nothing was created: the instance still offers first-run setup.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Setup$"));
    }
}
