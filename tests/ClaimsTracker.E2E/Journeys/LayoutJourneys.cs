using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Accessibility;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

/// <summary>The shared layout: navigation on a phone, the 404 page, dark mode, the CSP with MudBlazor.</summary>
public class LayoutJourneys(BrowserFixture browser) : Journey(browser)
{
    [Fact]
    public async Task Analyst_OnPhone_OpensMenuAndNavigatesToReports()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);
        var shell = new AppShell(page);
        await shell.WaitForCircuitAsync();

        // At phone width the drawer starts closed; the menu button is the way in.
        await Assertions.Expect(shell.Navigation.GetByText("Reports")).Not.ToBeInViewportAsync();
        await Assertions.Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await OpenMenuAsync(page, shell);
        await Assertions.Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(shell.Navigation.GetByText("Reports")).ToBeInViewportAsync();
        // The drawer slides in: photograph it once it has stopped moving.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        await Screenshots.TakeAsync(page, "mobile-nav-open-390.png");
        await Axe.AssertNoSeriousViolationsAsync(page, "mobile-nav-open-390");
        await shell.Navigation.GetByText("Reports").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/reports", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "mobile-nav-reports-390.png");
    }

    [Fact]
    public async Task SignedInUser_OpensUnknownAddress_SeesNotFoundPageInLayout()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Analyst), ClaimsAppFactory.DemoPassword);

        var response = await page.GotoAsync("/no-such-page");
        await new AppShell(page).WaitForCircuitAsync();

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.Locator("[data-testid=nav]")).ToBeAttachedAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "not-found");
        await Screenshots.TakeAsync(page, "not-found.png");
    }

    [Fact]
    public async Task DarkModeToggle_SwitchesPaletteWithoutCspViolations()
    {
        var csp = await CspViolations.SignedInAsync(await NewPageAsync(), Roles.Analyst);
        var page = csp.Page;
        await page.GotoAsync("/not-found");
        await new AppShell(page).WaitForCircuitAsync();
        var lightBackground = await BackgroundAsync(page);

        await page.Locator("[data-testid=dark-mode-toggle]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=dark-mode-toggle]")).ToHaveAttributeAsync("aria-label", "Switch to light mode");
        Assert.NotEqual(lightBackground, await BackgroundAsync(page));
        await Axe.AssertNoSeriousViolationsAsync(page, "not-found-dark");
        Assert.Empty(csp.Reported);
    }

    /// <summary>
    /// Presses the menu button until the drawer stays open. MudDrawer asks the browser for the
    /// window's width once after its first render and closes itself when that answer arrives after
    /// the press (seen on a loaded machine), so one press right after load can be undone.
    /// </summary>
    private static async Task OpenMenuAsync(IPage page, AppShell shell)
    {
        for (var press = 0; press < 3; press++)
        {
            await shell.MenuButton.ClickAsync();
            await page.WaitForTimeoutAsync(1_500);
            if (await shell.MenuButton.GetAttributeAsync("aria-expanded") == "true")
            {
                return;
            }
        }

        Assert.Fail("Three presses of the menu button did not leave the navigation drawer open.");
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
