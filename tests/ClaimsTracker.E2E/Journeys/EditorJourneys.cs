using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

public class EditorJourneys(BrowserFixture browser) : Journey(browser)
{
    // Our own article: a casualty estimate that disagrees with the demo data's, and a troop
    // figure whose metric the extractor cannot guess from "men".
    private const string Article =
        "A spokesman for Ukraine's general staff said on Tuesday that about 5,000 North Korean soldiers had been killed or wounded in the Kursk region by the end of December.\n\n"
        + "Some 12,000 men from the North have rotated through the front since the autumn, the spokesman said. Neither figure could be checked independently.";

    [Fact]
    public async Task Editor_PastesArticle_AcceptsTwoProposalsCorrectingAMetric_AndSeesTheNewConflict()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Editor), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync("/reports/new");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("input[name=title]").FillAsync("General staff puts North Korean losses at 5,000");
        await page.Locator("input[name=outlet]").FillAsync("Test Wire");
        await page.Locator("[data-testid=report-form] input[name=publishedOn]").FillAsync("2025-01-14");
        await page.Locator("input[name=url]").FillAsync("https://example.org/test/general-staff-estimate");
        await page.Locator("textarea[name=text]").FillAsync(Article);
        await page.Locator("[data-testid=save-report]").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/proposals", StringComparison.Ordinal));
        await new AppShell(page).WaitForCircuitAsync();
        var casualties = page.Locator("[data-testid=proposal]", new() { HasText = "about 5,000" });
        var troops = page.Locator("[data-testid=proposal]", new() { HasText = "12,000" });
        await casualties.WaitForAsync();

        // First proposal: the suggested metric is right; name the source and accept.
        await casualties.Locator("input[name=source]").FillAsync("Ukrainian General Staff");
        await casualties.Locator("[data-testid=accept]").ClickAsync();
        // Against Blinken's "about 1,000" by the end of December, among others.
        var conflict = page.Locator("[data-testid=new-conflict]", new() { HasText = "about 5,000" }).Filter(new() { HasText = "about 1,000" });
        await conflict.First.WaitForAsync();

        // Second proposal: the extractor found no metric for "men"; the editor keeps the figure and picks one.
        await troops.Locator("input[name=source]").FillAsync("Ukrainian General Staff");
        var figure = troops.Locator("[data-testid=proposal-figure]", new() { HasText = "12,000" });
        await figure.Locator("[data-testid=proposal-keep]").CheckAsync();
        await Assertions.Expect(figure.Locator("[data-testid=proposal-keep]")).ToBeCheckedAsync();
        await figure.Locator("[data-testid=proposal-metric]").FillAsync("troops");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "North Korean troops deployed" }).ClickAsync();
        // Each step is a round trip over the circuit; accept only once the choice has arrived.
        await Assertions.Expect(figure.Locator("[data-testid=proposal-metric]")).ToHaveValueAsync("North Korean troops deployed");
        await troops.Locator("[data-testid=accept]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=accepted] li")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Screenshots.TakeAsync(page, "proposals.png", fullPage: true);

        // The conflict is real: it is in the queue for reviewers.
        await conflict.First.Locator("a").ClickAsync();
        await page.Locator("[data-testid=conflict-figures]").WaitForAsync();
        Assert.Contains("Ukrainian General Staff", await page.Locator("[data-testid=conflict-figures]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_SavesEmptyForm_SeesFieldMessagesAndStaysOnTheForm()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Editor), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync("/reports/new");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=save-report]").ClickAsync();

        await Assertions.Expect(FieldControl(page, "input[name=title]").Locator(".mud-input-error.mud-input-helper-text")).ToContainTextAsync("title");
        await Assertions.Expect(FieldControl(page, "textarea[name=text]").Locator(".mud-input-error.mud-input-helper-text")).ToContainTextAsync("text");
        Assert.EndsWith("/reports/new", page.Url, StringComparison.Ordinal);
    }

    /// <summary>The MudBlazor control around an input: its label and its message live there.</summary>
    internal static ILocator FieldControl(IPage page, string input) =>
        page.Locator(".mud-input-control", new() { Has = page.Locator(input) }).Last;

    [Fact]
    public async Task Analyst_OpensNewReportForm_IsRefused()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync("/reports/new");

        Assert.Equal(0, await page.Locator("[data-testid=report-form]").CountAsync());
        Assert.Contains("/account/access-denied", page.Url, StringComparison.Ordinal);
    }
}
