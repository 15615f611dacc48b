using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        // The first sign-in on a class's fresh app also pays its start-up (JIT, first queries) on two loaded cores.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
    }

    public Task<bool> IsShownAsync() => page.Locator("h1", new() { HasText = "Sign in to ClaimsTracker" }).IsVisibleAsync();
}
