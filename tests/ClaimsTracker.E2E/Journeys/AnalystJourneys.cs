using System.Text.RegularExpressions;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Accessibility;
using ClaimsTracker.E2E.Pages;
using Microsoft.Playwright;
using ClaimsTracker.Testing;

namespace ClaimsTracker.E2E.Journeys;

public class AnalystJourneys(BrowserFixture browser) : Journey(browser)
{
    [Fact]
    public async Task Analyst_SearchesKurskCasualties_OpensClaimAndSeesQuoteHighlighted()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync("/search");
        await new AppShell(page).WaitForCircuitAsync();
        // Enter searches what is in the box now, not the previous text.
        await page.Locator("#search-text").FillAsync("Kursk");
        await page.Locator("#search-text").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q=Kursk", StringComparison.Ordinal));
        await page.Locator("#search-text").FillAsync("Kursk casualties");
        await page.Locator("#search-text").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q=Kursk%20casualties", StringComparison.Ordinal) || url.Contains("q=Kursk+casualties", StringComparison.Ordinal));
        await Axe.AssertNoSeriousViolationsAsync(page, "search");
        // Several claims rank alike (the word may be in a metric's name); open the one whose hit shows it.
        var casualtyClaims = page.Locator("[data-testid=search-results] .search-hit[data-kind=Claim]", new() { HasTextRegex = new Regex("casualties", RegexOptions.IgnoreCase) });
        await casualtyClaims.First.Locator("a").ClickAsync();

        var quote = page.Locator("[data-testid=report-text] mark.claim-quote");
        await quote.First.WaitForAsync();
        Assert.Equal(1, await quote.CountAsync());
        Assert.Contains("casualties", (await quote.InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("/claims/", page.Url, StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page, "claim");
        await Screenshots.TakeAsync(page, "claim.png", fullPage: true);
    }

    [Fact]
    public async Task Analyst_OpensCasualtyMetric_SeesIntervalsChartWithConflictsMarked()
    {
        var page = await NewPageAsync();
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
        // Each figure is a glyph on the time axis; conflicts are marked on the glyphs themselves.
        var wideGlyphs = page.Locator("[data-testid=metric-chart] svg.timeline-wide g.glyph");
        Assert.True(await wideGlyphs.CountAsync() >= 5);
        Assert.True(await page.Locator("[data-testid=metric-chart] svg.timeline-wide g.glyph.in-conflict").CountAsync() >= 1);
        await Axe.AssertNoSeriousViolationsAsync(page, "metric");
        await Screenshots.TakeAsync(page, "metric.png", fullPage: true);

        // The legend hides a source's glyphs, and focusing a glyph shows its quote.
        var blinken = page.Locator("[data-testid=metric-chart] button[data-source='Antony Blinken']");
        var before = await wideGlyphs.CountAsync();
        await blinken.ClickAsync();
        await Assertions.Expect(blinken).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.True(await wideGlyphs.CountAsync() < before);
        await wideGlyphs.First.FocusAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline-detail]")).ToContainTextAsync("“");
    }

    [Fact]
    public async Task ContentSecurityPolicy_InteractivePages_WorkWithoutViolations()
    {
        var csp = await CspViolations.SignedInAsync(await NewPageAsync(), Roles.Analyst);
        var page = csp.Page;

        // The explorer is static: its filter form is submitted by js/static-pages.js through enhanced navigation.
        await page.GotoAsync("/claims");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=claims-grid] a").First.WaitForAsync();
        await page.Locator("#filter-source").FillAsync("Zelenskyy");
        await page.Locator("#filter-source").PressAsync("Tab");
        await page.WaitForURLAsync(url => url.Contains("source=Zelenskyy", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=claims-grid] tbody tr").First).ToContainTextAsync("Volodymyr Zelensky");
        await page.GotoAsync("/metrics");
        await page.Locator("[data-testid=metrics-grid] a").First.ClickAsync();
        await page.Locator("[data-testid=metric-chart] svg").First.WaitForAsync();

        Assert.Empty(csp.Reported);
    }

    [Fact]
    public async Task Analyst_ExplorerPageAndSort_SurviveRefreshAndBack()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        await page.GotoAsync("/claims");
        await new AppShell(page).WaitForCircuitAsync();
        var rows = page.Locator("[data-testid=claims-grid] tbody tr");
        await rows.First.WaitForAsync();

        // Sort by source, then go to page two: both land in the URL.
        await page.Locator("[data-testid=claims-grid] th", new() { HasText = "Source" }).Locator("a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=Source", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=claims-grid] th", new() { HasText = "Source" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.Locator("[data-testid=claims-grid] a[aria-label='Next page']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal));
        // The address changes before the grid has its new rows: read page two from the address in a
        // fresh page, then wait for the live grid to show the same.
        var fresh = await NewPageAsync();
        await new LoginPage(fresh).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        await fresh.GotoAsync(page.Url);
        var firstOnPageTwo = await fresh.Locator("[data-testid=claims-grid] tbody tr").First.Locator("a").First.GetAttributeAsync("href");
        await Assertions.Expect(rows.First.Locator("a").First).ToHaveAttributeAsync("href", firstOnPageTwo!);

        await page.ReloadAsync();
        await new AppShell(page).WaitForCircuitAsync();
        await Assertions.Expect(rows.First.Locator("a").First).ToHaveAttributeAsync("href", firstOnPageTwo!);
        Assert.Contains("page=2", page.Url, StringComparison.Ordinal);

        await rows.First.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/claims?", StringComparison.Ordinal));
        await page.GoBackAsync();
        await new AppShell(page).WaitForCircuitAsync();
        await Assertions.Expect(rows.First.Locator("a").First).ToHaveAttributeAsync("href", firstOnPageTwo!);
        await Axe.AssertNoSeriousViolationsAsync(page, "claims-explorer");
    }

    [Fact]
    public async Task Analyst_ExplorerOutletField_FiltersByTheOutletPickedWithTheKeyboard()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        await page.GotoAsync("/claims");
        await new AppShell(page).WaitForCircuitAsync();

        // Typing asks the server for a screenful of matching outlets; the field's list offers them.
        var outlet = page.Locator("#filter-outlet");
        await outlet.FocusAsync();
        await outlet.PressSequentiallyAsync("a");
        var options = page.Locator("#filter-outlet-options option");
        await options.First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.InRange(await options.CountAsync(), 1, 20);
        var name = (await options.First.GetAttributeAsync("value"))!;
        var id = (await options.First.GetAttributeAsync("data-id"))!;
        await outlet.FillAsync(name);
        await outlet.PressAsync("Tab");

        await page.WaitForURLAsync(url => url.Contains($"outlet={id}", StringComparison.Ordinal));
        var outletCells = page.Locator("[data-testid=claims-grid] tbody td[data-label=Outlet]");
        // The address changes before the new rows arrive: wait until every row is the outlet's.
        await Assertions.Expect(outletCells.Filter(new() { HasNotText = name })).ToHaveCountAsync(0);
        var cells = await outletCells.AllTextContentsAsync();
        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.Equal(name, cell.Trim()));
        await Assertions.Expect(outlet).ToHaveValueAsync(name);

        // Clearing the field drops the filter from the address.
        await outlet.FillAsync(string.Empty);
        await outlet.PressAsync("Tab");
        await page.WaitForURLAsync(url => !url.Contains("outlet=", StringComparison.Ordinal));
        await Axe.AssertNoSeriousViolationsAsync(page, "claims-explorer-outlet");
    }

    [Fact]
    public async Task Analyst_ExplorerOnAPhone_SortsFromTheFormAndOpensTheMenu()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        await page.GotoAsync("/claims");
        var shell = new AppShell(page);
        await shell.WaitForCircuitAsync();

        // The grid's header row is hidden on a phone; the form's "Sort by" is the way to sort there.
        await page.Locator("#filter-sort").SelectOptionAsync("Source desc");
        await page.WaitForURLAsync(url => url.Contains("order=Source+desc", StringComparison.Ordinal) || url.Contains("order=Source%20desc", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=claims-grid] th", new() { HasText = "Source" })).ToHaveAttributeAsync("aria-sort", "descending");

        // Without a circuit the menu button still opens the drawer.
        await Assertions.Expect(shell.Navigation.GetByText("Reports")).Not.ToBeInViewportAsync();
        await Assertions.Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await shell.MenuButton.ClickAsync();
        await Assertions.Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(shell.Navigation.GetByText("Reports")).ToBeInViewportAsync();
        await shell.Navigation.GetByText("Reports").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/reports", StringComparison.Ordinal));
        await shell.WaitForCircuitAsync();
    }

    [Fact]
    public async Task Analyst_SearchesByAlias_FindsClaimsOfTheSource()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        // "Zelenskyy" is an alias; the claims are filed under "Volodymyr Zelensky".
        await page.GotoAsync("/search?q=Zelenskyy");
        await new AppShell(page).WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-testid=search-results] .search-hit[data-kind=Claim]").First).ToContainTextAsync("Volodymyr Zelensky");
        await Assertions.Expect(page.Locator("[data-testid=search-count]")).ToContainTextAsync("also as Volodymyr Zelensky");
    }
}
