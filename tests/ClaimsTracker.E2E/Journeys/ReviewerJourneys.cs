using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

public class ReviewerJourneys(BrowserFixture browser) : Journey(browser)
{
    [Fact]
    public async Task Reviewer_PrefersAFigureWithRationale_AndAnOpenQueueUpdatesWithoutReload()
    {
        // A second reviewer watches the queue; it must update when the first one decides.
        var watcher = await NewPageAsync();
        await new LoginPage(watcher).SignInAsync(InitialisationOptions.DemoUserName(Roles.Admin), ClaimsAppFactory.DemoPassword);
        var queue = new ConflictPage(watcher);
        await queue.OpenQueueAsync();
        var before = int.Parse(await queue.OpenCount.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Reviewer), ClaimsAppFactory.DemoPassword);
        var conflict = new ConflictPage(page);
        // The casualty dispute: every position side by side, by camp.
        await conflict.OpenFromQueueAsync("about 1,000", "more than 3,000", "Volodymyr Zelensky");
        Assert.Equal(3, await page.Locator("[data-testid=conflict-camp]").CountAsync());
        await conflict.PreferAsync("about 1,000", "Dated, official estimate; the higher figures have no stated date.");

        await page.Locator("[data-testid=decision]").WaitForAsync();
        Assert.Equal("Resolved", (await conflict.Status.InnerTextAsync()).Trim(), ignoreCase: true);
        Assert.Contains(await conflict.History.AllInnerTextsAsync(), h => h.Contains("preferred", StringComparison.Ordinal));
        await Screenshots.TakeAsync(page, "conflict-resolved.png", fullPage: true);

        await Assertions.Expect(queue.OpenCount).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task TwoReviewers_DecideTheSameConflict_SecondGetsTheConcurrencyMessageAndCanReapply()
    {
        var first = await NewPageAsync();
        await new LoginPage(first).SignInAsync(InitialisationOptions.DemoUserName(Roles.Reviewer), ClaimsAppFactory.DemoPassword);
        var second = await NewPageAsync();
        await new LoginPage(second).SignInAsync(InitialisationOptions.DemoUserName(Roles.Admin), ClaimsAppFactory.DemoPassword);
        var firstConflict = new ConflictPage(first);
        var secondConflict = new ConflictPage(second);
        // Disputes are one per quantity, so this journey decides the other open item and leaves the casualty dispute alone.
        await firstConflict.OpenFromQueueAsync("Antony Blinken is carried differently");
        await secondConflict.OpenFromQueueAsync("Antony Blinken is carried differently");

        await firstConflict.PreferAsync("about 1,000", "The first reviewer's reading.");
        await first.Locator("[data-testid=decision]").WaitForAsync();
        await secondConflict.AskForMoreInformationAsync("The second reviewer's reading.");

        await secondConflict.ConcurrencyMessage.WaitForAsync();
        var message = await secondConflict.ConcurrencyMessage.InnerTextAsync();
        Assert.Contains("reviewer@claims.test", message, StringComparison.Ordinal);
        Assert.Contains("The first reviewer's reading.", message, StringComparison.Ordinal);
        await Screenshots.TakeAsync(second, "conflict-concurrency.png", fullPage: true);

        await second.Locator("[data-testid=reapply]").ClickAsync();
        await Assertions.Expect(secondConflict.Status).ToHaveTextAsync("Needs more information", new() { IgnoreCase = true });
    }

    [Fact]
    public async Task Analyst_CallingResolveDirectly_IsRefusedAndSeesNoDecisionForm()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        var conflict = new ConflictPage(page);
        await conflict.OpenFromQueueAsync(anyStatus: true, "about 1,000", "more than 3,000");
        Assert.Equal(0, await page.Locator("[data-testid=resolution-form]").CountAsync());
        var statusBefore = (await conflict.Status.InnerTextAsync()).Trim();
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The signed-in analyst's own cookies, straight at the endpoint the form would use.
        var response = await page.APIRequest.PostAsync($"/api/v1/conflicts/{id}/resolution", new()
        {
            DataObject = new { expectedVersion = 0, decision = "NeedsMoreInformation", rationale = "Trying anyway." },
        });

        Assert.Equal(403, response.Status);
        await page.ReloadAsync();
        await new AppShell(page).WaitForCircuitAsync();
        Assert.Equal(statusBefore, (await conflict.Status.InnerTextAsync()).Trim());
    }
}
