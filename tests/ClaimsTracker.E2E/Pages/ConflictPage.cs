using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

/// <summary>The conflict queue and one conflict's page, as a reviewer uses them.</summary>
public sealed class ConflictPage(IPage page)
{
    public ILocator OpenCount => page.Locator("[data-testid=open-count]");
    public ILocator Status => page.Locator("[data-testid=conflict-status]");
    public ILocator ConcurrencyMessage => page.Locator("[data-testid=concurrency-message]");
    public ILocator History => page.Locator("[data-testid=history] li");

    public async Task OpenQueueAsync(bool anyStatus = false)
    {
        await page.GotoAsync(anyStatus ? "/conflicts?status=All" : "/conflicts");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=conflicts-grid] a.conflict-link").First.WaitForAsync();
    }

    /// <summary>Opens, from the queue, the conflict whose explanation mentions all the given words.</summary>
    public Task OpenFromQueueAsync(params string[] mentioning) => OpenFromQueueAsync(false, mentioning);

    /// <summary>As above, from the queue of every status when <paramref name="anyStatus"/> (another journey may have decided it).</summary>
    public async Task OpenFromQueueAsync(bool anyStatus, params string[] mentioning)
    {
        await OpenQueueAsync(anyStatus);
        var link = page.Locator("[data-testid=conflicts-grid] a.conflict-link");
        foreach (var text in mentioning)
        {
            link = link.Filter(new() { HasText = text });
        }

        await link.First.ClickAsync();
        await page.Locator("[data-testid=conflict-figures]").WaitForAsync();
        await new AppShell(page).WaitForCircuitAsync();
    }

    public async Task PreferAsync(string figureText, string rationale)
    {
        // One radio per position; its label names the source and how the figures were written.
        var choice = page.Locator("[data-testid=preferred-figure] label", new() { HasText = figureText }).First;
        await choice.ClickAsync();
        await Assertions.Expect(choice.Locator("input")).ToBeCheckedAsync();
        await page.Locator("#rationale").FillAsync(rationale);
        await page.Locator("[data-testid=save-decision]").ClickAsync();
    }

    public async Task AskForMoreInformationAsync(string rationale)
    {
        var choice = page.Locator("[data-testid=decision-choice] label", new() { HasText = "Needs more information" }).First;
        await choice.ClickAsync();
        await Assertions.Expect(choice.Locator("input")).ToBeCheckedAsync();
        await page.Locator("#rationale").FillAsync(rationale);
        await page.Locator("[data-testid=save-decision]").ClickAsync();
    }
}
