using System.Globalization;
using Microsoft.Playwright;
using SecureBase.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>
/// In Debian's Chromium: a parent puts Tom on duty tonight and gives herself quiet hours, saves, reloads and sees
/// both; a viewer (the pediatric nurse) sees them too but has nothing to change them with, and a change sent anyway
/// is refused kindly and changes nothing. Saves docs/screenshots/rota.png.
/// </summary>
public sealed class RotaBrowserTests
{
    private const string Zone = "Europe/Paris";

    [SkippableFact]
    public async Task A_parent_sets_who_is_on_duty_tonight_and_quiet_hours_and_a_viewer_cannot_change_them()
    {
        DebianChromium.SkipIfMissing();

        using var app = new KestrelAppFactory();
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var options = new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), IgnoreHTTPSErrors = true, TimezoneId = Zone, Locale = "en-GB" };
        await using var parentContext = await browser.NewContextAsync(options);
        await using var viewerContext = await browser.NewContextAsync(options);
        var parent = await parentContext.NewPageAsync();
        var viewer = await viewerContext.NewPageAsync();
        // "Tonight" is in the household's zone, which the set-up page takes from the parent's browser.
        var tonight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).DayOfWeek;
        var tonightShort = CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(tonight);
        try
        {
            await parent.GotoAsync("/Setup");
            await parent.GetByLabel("Household name").FillAsync("Ada's home");
            await parent.GetByLabel("Your name").FillAsync("Ada");
            await parent.GetByLabel("Email", new() { Exact = true }).FillAsync("ada@example.org");
            await parent.GetByLabel("Password", new() { Exact = true }).FillAsync("Long enough passphrase");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Create household" }).ClickAsync();
            await parent.GetByLabel("Name").FillAsync("Iris");
            await parent.GetByLabel("Birth date").FillAsync(DateTime.UtcNow.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            // Tom helps at night (no account of his own), and the pediatric nurse is invited to read along.
            await parent.GotoAsync("/People");
            await parent.GetByLabel("Name", new() { Exact = true }).Last.FillAsync("Tom");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Expect(parent.GetByText("Tom").First).ToBeVisibleAsync();
            await parent.GetByLabel("Their name (optional)").FillAsync("Nurse Kim");
            await parent.GetByLabel("They will be").SelectOptionAsync(new SelectOptionValue { Value = "Viewer" });
            await parent.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
            var code = (await parent.GetByTestId("invitation-code").InnerTextAsync()).Trim();

            // The rota: Tom on duty tonight, Ada's quiet hours.
            await parent.GetByRole(AriaRole.Link, new() { Name = "Who is woken first: on-duty rota and quiet hours" }).ClickAsync();
            await Expect(parent.GetByTestId("no-shifts")).ToBeVisibleAsync();
            await parent.Locator("#shift-who").SelectOptionAsync(new SelectOptionValue { Label = "Tom" });
            await parent.Locator("#shift-from").FillAsync("21:00");
            await parent.Locator("#shift-to").FillAsync("07:00");
            await parent.GetByLabel(tonight.ToString(), new() { Exact = true }).CheckAsync();
            await parent.GetByRole(AriaRole.Button, new() { Name = "Add shift" }).ClickAsync();
            await Expect(parent.Locator(".flash")).ToContainTextAsync("The shift was added.");
            await parent.Locator("#quiet-who").SelectOptionAsync(new SelectOptionValue { Label = "Ada" });
            await parent.Locator("#quiet-from").FillAsync("22:30");
            await parent.Locator("#quiet-to").FillAsync("06:30");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Add quiet hours" }).ClickAsync();
            await Expect(parent.Locator(".flash")).ToContainTextAsync("The quiet hours were added.");

            // Saved, not just shown: a fresh load reads them back from the server.
            await parent.ReloadAsync();
            await Expect(parent.GetByTestId("shifts").Locator("li")).ToHaveCountAsync(1);
            await Expect(parent.GetByTestId("shifts")).ToContainTextAsync($"Tom · 21:00–07:00 · {tonightShort}");
            await Expect(parent.GetByTestId("quiet").Locator("li")).ToHaveCountAsync(1);
            await Expect(parent.GetByTestId("quiet")).ToContainTextAsync("Ada · 22:30–06:30");
            await Screenshots.SaveForDocsAsync(parent, "rota.png");

            // The nurse joins as a viewer: she reads the rota, with no way to change it.
            await viewer.GotoAsync("/Invitations/Accept");
            await viewer.GetByLabel("Your invitation code").FillAsync(code);
            await viewer.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await viewer.GetByLabel("Email", new() { Exact = true }).FillAsync("kim@example.org");
            await viewer.GetByLabel("Choose a password").FillAsync("Stethoscope in the drawer");
            await viewer.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
            await viewer.GotoAsync("/People/Rota");
            await Expect(viewer.GetByTestId("shifts")).ToContainTextAsync($"Tom · 21:00–07:00 · {tonightShort}");
            await Expect(viewer.GetByTestId("quiet")).ToContainTextAsync("Ada · 22:30–06:30");
            await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Add shift" })).ToHaveCountAsync(0);
            await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Add quiet hours" })).ToHaveCountAsync(0);
            await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true })).ToHaveCountAsync(0);

            // A removal sent anyway (a form built by hand, with her valid anti-forgery token) is refused kindly.
            await viewer.EvaluateAsync("""
                () => {
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = '/People/Rota?handler=RemoveShift';
                    for (const [name, value] of [['index', '0'], ['__RequestVerificationToken', document.querySelector('input[name=__RequestVerificationToken]').value]]) {
                        const input = document.createElement('input');
                        input.type = 'hidden';
                        input.name = name;
                        input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();
                }
                """);
            await Expect(viewer.Locator(".flash")).ToContainTextAsync("Only a parent of the household can change this.");

            await parent.ReloadAsync();
            await Expect(parent.GetByTestId("shifts")).ToContainTextAsync($"Tom · 21:00–07:00 · {tonightShort}");
            await Expect(parent.GetByTestId("quiet")).ToContainTextAsync("Ada · 22:30–06:30");
        }
        catch
        {
            await Screenshots.SaveFailureAsync("rota", parent, viewer);
            throw;
        }
    }
}
