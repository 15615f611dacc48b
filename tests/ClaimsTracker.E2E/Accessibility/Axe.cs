using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Accessibility;

/// <summary>
/// Runs axe-core on the page as it is now and fails the journey on any serious or critical
/// violation. Every run also writes its counts per impact to artifacts/axe/&lt;page&gt;.txt, so the
/// state of each page can be read without rerunning the tests.
/// </summary>
public static class Axe
{
    private static readonly string[] BlockingImpacts = ["critical", "serious"];

    public static string ReportDirectory { get; } = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDirectory)!, "axe");

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string pageName)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var violations = result.Violations ?? [];

        var counts = string.Join(", ", new[] { "critical", "serious", "moderate", "minor" }
            .Select(impact => $"{impact} {violations.Count(v => v.Impact == impact)}"));
        var details = violations.Select(v =>
            $"- [{v.Impact}] {v.Id}: {v.Help} ({v.Nodes?.Length ?? 0} nodes) e.g. {string.Join(" | ", (v.Nodes ?? []).Take(3).Select(n => n.Html))}");
        Directory.CreateDirectory(ReportDirectory);
        await File.WriteAllTextAsync(Path.Combine(ReportDirectory, $"{pageName}.txt"),
            $"{pageName} ({page.Url}, {page.ViewportSize?.Width} px wide): {counts}{Environment.NewLine}{string.Join(Environment.NewLine, details)}{Environment.NewLine}");

        var blocking = violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0,
            $"axe found {blocking.Count} serious/critical violation(s) on {pageName}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, details));
    }
}
