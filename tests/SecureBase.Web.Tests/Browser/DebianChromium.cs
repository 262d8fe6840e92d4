using Microsoft.Playwright;

namespace SecureBase.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium package driven by Playwright: no browser download, and flags that keep it from reaching any
/// network service of its own, so a browser test talks only to the app under test.
/// </summary>
internal static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] QuietArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary>Skips the calling test with the reason when the package is not installed.</summary>
    public static void SkipIfMissing() =>
        Skip.IfNot(File.Exists(ExecutablePath), $"{ExecutablePath} is not installed (apt-get install chromium); the browser test needs it.");

    /// <summary>Starts a headless Chromium with the quiet flags plus <paramref name="extraArgs"/>.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [.. QuietArgs, .. extraArgs],
        });
    }
}
