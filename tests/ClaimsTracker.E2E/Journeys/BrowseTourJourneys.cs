using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Accessibility;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

/// <summary>
/// Every read page at desktop and phone width: it renders, axe finds nothing serious, nothing is
/// wider than a phone screen, and a screenshot lands in artifacts/screenshots for people to look at.
/// </summary>
public class BrowseTourJourneys(BrowserFixture browser) : Journey(browser)
{
    public static TheoryData<string, string, string, int> Pages
    {
        get
        {
            var data = new TheoryData<string, string, string, int>();
            (string Path, string TestId, string Name)[] pages =
            [
                ("/", "overview-counts", "overview"),
                ("/reports", "reports-grid", "reports"),
                ("/reports/{report}", "report-text", "report"),
                ("/sources", "sources-grid", "sources"),
                ("/sources/{source}", "track-record", "source"),
                ("/metrics", "metrics-grid", "metrics"),
                ("/metrics/{metric}", "metric-chart", "metric-timeline"),
                ("/search?q=Zelenskyy", "search-results", "search-results"),
                ("/claims", "claims-grid", "claims-explorer"),
                ("/claims/{claim}", "figures", "claim"),
                ("/conflicts", "conflicts-grid", "conflict-queue"),
                ("/conflicts/{conflict}", "conflict-figures", "conflict"),
                ("/no-such-page", "status-page", "not-found"),
            ];
            foreach (var width in new[] { 1280, 390 })
            {
                foreach (var (path, testId, name) in pages)
                {
                    data.Add(path, testId, name, width);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Analyst_OpensReadPage_RendersAccessiblyWithinTheScreen(string path, string testId, string name, int width)
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync(await ResolveAsync(path));
        await new AppShell(page).WaitForCircuitAsync();
        await Assertions.Expect(page.Locator($"[data-testid={testId}]").First).ToBeVisibleAsync();
        if (testId.EndsWith("-grid", StringComparison.Ordinal))
        {
            // Grids read their rows once the session is live: look at the page with its rows, not while loading.
            await page.Locator($"[data-testid={testId}] tbody a").First.WaitForAsync();
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Screenshots.TakeAsync(page, $"browse-{name}-{width}.png", fullPage: true);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"{name} at {width} px is {overflow} px wider than the window");
        await Axe.AssertNoSeriousViolationsAsync(page, $"{name}-{width}");
    }

    private async Task<string> ResolveAsync(string path)
    {
        await using var db = App.CreateDbContext();
        var claim = db.Claims.Where(c => c.Figures.Count > 1).OrderBy(c => c.Id).Select(c => c.Id).First();
        var report = db.Reports.OrderBy(r => r.Id).Select(r => r.Id).First();
        var source = db.Sources.First(s => s.Name == "Antony Blinken").Id;
        var metric = db.Metrics.First(m => m.Key == "nk-killed-or-wounded").Id;
        var conflict = db.Conflicts.OrderBy(c => c.Id).Select(c => c.Id).First();
        return path.Replace("{claim}", $"{claim}", StringComparison.Ordinal).Replace("{source}", $"{source}", StringComparison.Ordinal)
            .Replace("{metric}", $"{metric}", StringComparison.Ordinal).Replace("{report}", $"{report}", StringComparison.Ordinal)
            .Replace("{conflict}", $"{conflict}", StringComparison.Ordinal);
    }
}
