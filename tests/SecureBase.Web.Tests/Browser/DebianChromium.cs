using Microsoft.Playwright;

namespace SecureBase.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium package driven by Playwright: no browser download, and flags that keep it from reaching any
/// network service of its own, so a browser test talks only to the app under test.
/// </summary>
internal static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>How long an <c>Expect(...)</c> waits for its condition unless the test says otherwise, in milliseconds.</summary>
    public const float ExpectTimeoutMs = 30_000;

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
        // Playwright's assertions give up after 5 s by default: on a busy CI machine a page that is right can take
        // longer to get there (a server's first request, a SignalR round trip). They still wait only for what they
        // check; this is the safety net, not a pause.
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [.. QuietArgs, .. extraArgs],
        });
    }
}
