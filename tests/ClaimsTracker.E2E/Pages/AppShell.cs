using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

/// <summary>The layout every signed-in page shares: header, navigation, circuit state.</summary>
public sealed class AppShell(IPage page)
{
    /// <summary>Waits until the interactive circuit is up; a click before that would be lost.</summary>
    public Task WaitForCircuitAsync() =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public Task<string> SignedInUserAsync() => page.Locator("[data-testid=signed-in-user]").InnerTextAsync();

    // Text content, not inner text: the badge style upper-cases what is shown.
    public async Task<IReadOnlyList<string>> RoleBadgesAsync() =>
        (await page.Locator("[data-testid=roles] .rz-badge").AllTextContentsAsync()).Select(t => t.Trim()).ToList();

    public Task<IReadOnlyList<string>> NavigationItemsAsync() => page.Locator(".rz-navigation-item-text").AllInnerTextsAsync();
}
