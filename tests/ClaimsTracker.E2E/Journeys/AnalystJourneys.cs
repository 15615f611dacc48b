using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;

namespace ClaimsTracker.E2E.Journeys;

public class AnalystJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Analyst_SearchesKurskCasualties_OpensClaimAndSeesQuoteHighlighted()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync("/search");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("input[name=q]").FillAsync("Kursk casualties");
        await page.Locator("[data-testid=search-button]").ClickAsync();
        await page.Locator("[data-testid=search-results] .search-hit[data-kind=Claim] a").First.ClickAsync();

        var quote = page.Locator("[data-testid=report-text] mark.claim-quote");
        await quote.First.WaitForAsync();
        Assert.Equal(1, await quote.CountAsync());
        Assert.Contains("casualties", (await quote.InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("/claims/", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "claim.png"), FullPage = true });
    }

    [Fact]
    public async Task Analyst_OpensCasualtyMetric_SeesIntervalsChartWithConflictsMarked()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync("/metrics");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=metrics-grid] a", new() { HasText = "killed or wounded" }).ClickAsync();

        var chart = page.Locator("[data-testid=metric-chart] svg");
        await chart.First.WaitForAsync();
        // One range series per source, and the figures in open conflicts marked.
        Assert.Contains("Antony Blinken", await page.Locator("[data-testid=metric-chart]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("in an open conflict", await page.Locator("[data-testid=metric-chart]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=metric-figures] tbody tr").CountAsync() >= 5);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "metric.png"), FullPage = true });
    }

    [Fact]
    public async Task ContentSecurityPolicy_InteractivePages_WorkWithoutViolations()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        // The explorer's filters, grid paging and a dropdown popup all need the circuit and Radzen's script.
        await page.GotoAsync("/claims");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=claims-grid] a").First.WaitForAsync();
        await page.Locator("input[name=source]").FillAsync("Zelenskyy");
        await page.Locator("input[name=source]").PressAsync("Tab");
        await page.WaitForURLAsync(url => url.Contains("source=Zelenskyy", StringComparison.Ordinal));
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=claims-grid] tbody tr").First).ToContainTextAsync("Volodymyr Zelensky");
        await page.GotoAsync("/metrics");
        await page.Locator("[data-testid=metrics-grid] a").First.ClickAsync();
        await page.Locator("[data-testid=metric-chart] svg").First.WaitForAsync();

        Assert.Empty(violations);
    }
}
