using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Accessibility;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

/// <summary>
/// The reports list has no circuit (issue 12): its search is a GET form, its sorts and pages are links, and
/// js/static-pages.js submits the "Sort by" field when it changes, at desktop and phone width alike.
/// </summary>
public class ReportsListJourneys(BrowserFixture browser) : Journey(browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Analyst_ReportsList_SearchesSortsAndPagesWithoutACircuit(int width)
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        // The overview the sign-in lands on is interactive: count sockets only once its circuit is up.
        await new AppShell(page).WaitForCircuitAsync();
        var sockets = 0;
        page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        await page.GotoAsync("/reports");
        await new AppShell(page).WaitForCircuitAsync();
        var rows = page.Locator("[data-testid=reports-grid] tbody tr");
        var titles = page.Locator("[data-testid=reports-grid] tbody td[data-label=Title] a");
        await rows.First.WaitForAsync();
        var everyReport = await rows.CountAsync();

        // Words typed and Enter: the form is sent as a GET and the address carries the search.
        await page.Locator("#reports-search").FillAsync("interrogated");
        await page.Locator("#reports-search").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q=interrogated", StringComparison.Ordinal));
        await Assertions.Expect(rows).Not.ToHaveCountAsync(everyReport);
        Assert.InRange(await rows.CountAsync(), 1, everyReport - 1);

        // "Sort by" applies as soon as it changes, and keeps the search.
        await page.Locator("#reports-sort").SelectOptionAsync("Title");
        await page.WaitForURLAsync(url => url.Contains("order=Title", StringComparison.Ordinal) && url.Contains("q=interrogated", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=reports-grid] th", new() { HasText = "Title" })).ToHaveAttributeAsync("aria-sort", "ascending");
        var sorted = (await titles.AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.True(sorted.Count > 1, "the search should leave several reports to sort");
        // The test cluster uses the C collation: byte order, which is ordinal order.
        Assert.Equal(sorted.Order(StringComparer.Ordinal).ToList(), sorted);

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.TakeAsync(page, $"reports-list-sorted-{width}.png", fullPage: true);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"the reports list at {width} px is {overflow} px wider than the window");
        await Axe.AssertNoSeriousViolationsAsync(page, $"reports-list-sorted-{width}");

        // A page of two, then "next": the cursor lands in the address and the rows move on.
        await page.GotoAsync("/reports?sort=Title&size=2");
        var firstPage = await titles.AllTextContentsAsync();
        await page.Locator("[data-testid=next-page]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal) && url.Contains("after=", StringComparison.Ordinal));
        await Assertions.Expect(titles.First).Not.ToHaveTextAsync(firstPage[0]);
        Assert.Empty((await titles.AllTextContentsAsync()).Intersect(firstPage));

        Assert.Equal(0, sockets);
    }
}
