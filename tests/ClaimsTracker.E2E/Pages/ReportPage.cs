using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

public sealed class ReportPage(IPage page)
{
    public ILocator Quotes => page.Locator("[data-testid=report-text] mark.claim-quote");
    public ILocator ClaimCards => page.Locator("[data-testid=claims] .claim-card");

    /// <summary>Opens the report whose title contains <paramref name="titleContains"/>, or the first one.</summary>
    public async Task OpenFromListAsync(string titleContains = "")
    {
        await page.GotoAsync("/reports");
        await new AppShell(page).WaitForCircuitAsync();
        // A report's title in the list, not a column header's sort link.
        await page.Locator("[data-testid=reports-grid] tbody td[data-label=Title] a", new() { HasText = titleContains }).First.ClickAsync();
        await Quotes.First.WaitForAsync();
        await new AppShell(page).WaitForCircuitAsync();
    }
}
