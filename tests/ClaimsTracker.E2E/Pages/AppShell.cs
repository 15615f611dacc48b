using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

/// <summary>The layout every signed-in page shares: header, navigation, circuit state.</summary>
public sealed class AppShell(IPage page)
{
    public ILocator MenuButton => page.Locator("[data-testid=menu-button]");
    public ILocator Navigation => page.Locator("[data-testid=nav]");

    /// <summary>
    /// Waits until the interactive circuit is up (a click before that would be lost), or, on a page
    /// rendered without one (the claims explorer), until it has loaded.
    /// </summary>
    public Task WaitForCircuitAsync() =>
        page.Locator("[data-testid=circuit-ready], [data-testid=static-page]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    // Text content, not inner text: on a phone the name is hidden to leave room in the header.
    public async Task<string> SignedInUserAsync() =>
        (await page.Locator("[data-testid=signed-in-user]").TextContentAsync())?.Trim() ?? string.Empty;

    public async Task<IReadOnlyList<string>> RoleBadgesAsync() =>
        (await page.Locator("[data-testid=roles] .mud-chip").AllTextContentsAsync()).Select(t => t.Trim()).ToList();

    public async Task<IReadOnlyList<string>> NavigationItemsAsync() =>
        (await page.Locator("[data-testid=nav] .mud-nav-link-text").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
}
