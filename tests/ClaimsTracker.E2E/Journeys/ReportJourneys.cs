using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;

namespace ClaimsTracker.E2E.Journeys;

public class ReportJourneys(BrowserFixture browser) : Journey(browser)
{
    [Fact]
    public async Task Analyst_OpensReport_SeesEveryClaimQuoteHighlighted()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        var report = new ReportPage(page);

        await report.OpenFromListAsync();

        var cards = await report.ClaimCards.CountAsync();
        Assert.True(cards > 0, "The demo report shows no claims.");
        Assert.Equal(cards, await report.Quotes.CountAsync());
        await Screenshots.TakeAsync(page, "report.png", fullPage: true);
    }

    [Fact]
    public async Task Analyst_ClicksQuote_SelectsItsClaim()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        var report = new ReportPage(page);
        await report.OpenFromListAsync();
        var quote = report.Quotes.Nth(1);
        var claimId = await quote.GetAttributeAsync("data-claim");

        await quote.ClickAsync();

        await page.Locator($"mark.claim-quote.selected[data-claim='{claimId}']").WaitForAsync();
        Assert.Equal(1, await page.Locator("mark.claim-quote.selected").CountAsync());
    }
}
