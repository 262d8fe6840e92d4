using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Browser;

/// <summary>The browser contexts and first steps the browser tests share.</summary>
internal static class BrowserPages
{
    /// <summary>A phone-sized touch screen (the app is phone-first) on the test server.</summary>
    public static BrowserNewContextOptions Phone(Uri baseUrl) => new()
    {
        BaseURL = baseUrl.ToString(),
        IgnoreHTTPSErrors = true,
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    /// <summary>A plain desktop browser on the test server.</summary>
    public static BrowserNewContextOptions Desktop(Uri baseUrl) => new() { BaseURL = baseUrl.ToString(), IgnoreHTTPSErrors = true };

    /// <summary>
    /// First-run setup and the first child, as a new family does it, ending on the child's Today page.
    /// </summary>
    /// <param name="ageInDays">The child's age today, in days.</param>
    /// <param name="pronoun">How the family talks about the child ("her", "him", "them"); the form's default when null.</param>
    public static async Task SetUpFamilyAsync(IPage page, string parent, string email, string child, int ageInDays = 60, string? pronoun = null)
    {
        await page.GotoAsync("/Setup");
        await page.GetByLabel("Household name").FillAsync($"{parent}'s home");
        await page.GetByLabel("Your name").FillAsync(parent);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create household" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(child);
        await page.GetByLabel("Birth date").FillAsync(DateTime.UtcNow.AddDays(-ageInDays).ToString("yyyy-MM-dd"));
        if (pronoun is not null) await page.GetByLabel("We talk about").SelectOptionAsync(pronoun);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{child} today");
    }
}
