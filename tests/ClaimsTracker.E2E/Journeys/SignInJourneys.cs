using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;

namespace ClaimsTracker.E2E.Journeys;

public class SignInJourneys(BrowserFixture browser) : Journey(browser)
{
    public static TheoryData<string> AllRoles => new(Roles.All);

    [Fact]
    public async Task AnonymousVisitor_OpensReports_IsSentToLogin()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/reports");

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Freports", page.Url, StringComparison.Ordinal);
        Assert.True(await new LoginPage(page).IsShownAsync());
        Assert.Equal(0, await page.Locator("[data-testid=reports-grid]").CountAsync());
        await Screenshots.TakeAsync(page, "login.png");
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task DemoUser_SignsIn_SeesOverviewWithOwnRole(string role)
    {
        var page = await NewPageAsync();
        var email = InitialisationOptions.DemoUserName(role);

        await new LoginPage(page).SignInAsync(email, ClaimsAppFactory.DemoPassword);
        var shell = new AppShell(page);
        await shell.WaitForCircuitAsync();

        Assert.Equal(email, await shell.SignedInUserAsync());
        Assert.Equal([role], await shell.RoleBadgesAsync());
        Assert.Contains("Reports", await shell.NavigationItemsAsync());
        await Screenshots.TakeAsync(page, $"overview-{role.ToLowerInvariant()}.png");
    }

    [Fact]
    public async Task WrongPassword_StaysOnLoginWithMessage()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", InitialisationOptions.DemoUserName(Roles.Analyst));
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("#sign-in");

        await page.Locator("[data-testid=login-error]").WaitForAsync();
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
