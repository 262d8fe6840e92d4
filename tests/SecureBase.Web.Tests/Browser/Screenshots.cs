using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SecureBase.Web.Tests.Browser;

/// <summary>
/// Screenshots the browser tests take: the README's pictures, and what a page showed when a test failed.
/// </summary>
/// <remarks>
/// Everything is written beside the test output (<c>screenshots/</c> under the test assembly). The README's copies in
/// docs/screenshots are only replaced when <c>SECUREBASE_UPDATE_SCREENSHOTS=1</c> is set, so an ordinary test run
/// never leaves a clone with changed files.
/// </remarks>
internal static class Screenshots
{
    public const string UpdateDocsVariable = "SECUREBASE_UPDATE_SCREENSHOTS";

    private static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Saves a picture for the README (the visible screen, as a phone shows it, unless <paramref name="fullPage"/>:
    /// a full-page capture paints a fixed bottom bar mid-page) and checks that it is not empty.
    /// </summary>
    public static async Task SaveForDocsAsync(IPage page, string file, bool fullPage = false)
    {
        var output = Path.Combine(OutputFolder, file);
        Directory.CreateDirectory(OutputFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = output, FullPage = fullPage });
        Assert.True(new FileInfo(output).Length > 10_000, $"The screenshot {file} looks empty.");

        if (Environment.GetEnvironmentVariable(UpdateDocsVariable) == "1" && FindRepositoryRoot() is { } root)
        {
            var docs = Path.Combine(root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(output, Path.Combine(docs, file), overwrite: true);
        }
    }

    /// <summary>Runs a test's steps; if they fail, saves every open page (picture and HTML) before rethrowing.</summary>
    public static async Task WithDiagnosticsAsync(string name, IPage[] pages, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await SaveFailureAsync(name, pages);
            throw;
        }
    }

    /// <summary>Saves what every open page showed (picture and HTML) when a test failed.</summary>
    public static async Task SaveFailureAsync(string name, params IPage[] pages)
    {
        Directory.CreateDirectory(OutputFolder);
        for (var i = 0; i < pages.Length; i++)
        {
            if (pages[i].IsClosed) continue;
            var stem = Path.Combine(OutputFolder, pages.Length == 1 ? $"failed-{name}" : $"failed-{name}-{i}");
            await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await pages[i].ContentAsync());
        }
    }

    /// <inheritdoc cref="WithDiagnosticsAsync(string, IPage[], Func{Task})"/>
    public static Task WithDiagnosticsAsync(string name, IPage page, Func<Task> steps) => WithDiagnosticsAsync(name, [page], steps);

    /// <summary>The clone this test was built from (the build output may live elsewhere, e.g. under ArtifactsPath).</summary>
    private static string? FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureBase.slnx"))) return dir.FullName;
        }
        return null;
    }
}
