using ClaimsTracker.Data.Identity;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Accessibility;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

/// <summary>
/// The editor's forms as people use them: work that survives a refresh, the whole journey by
/// keyboard, and every form page checked by axe and photographed at desktop and phone width.
/// </summary>
public class FormJourneys(BrowserFixture browser) : Journey(browser)
{
    // Our own short article: one figure with a named source and a metric the extractor knows.
    private const string Article =
        "A spokesman for Ukraine's general staff said on Wednesday that about 6,000 North Korean soldiers had been killed or wounded in the Kursk region by the end of January.";

    [Fact]
    public async Task Editor_RefreshesHalfWayThroughReportAndProposals_FindsTheWorkRestored()
    {
        var page = await SignedInAsync(Roles.Editor);
        await page.GotoAsync("/reports/new");
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("input[name=title]").FillAsync("Draft survives a refresh");
        await page.Locator("textarea[name=text]").FillAsync(Article);
        await Assertions.Expect(page.Locator("[data-testid=draft-saved]")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await new AppShell(page).WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-testid=draft-restored]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[name=title]")).ToHaveValueAsync("Draft survives a refresh");
        await Assertions.Expect(page.Locator("textarea[name=text]")).ToHaveValueAsync(Article);

        // Saving clears the draft; the proposals page keeps its own.
        await page.Locator("input[name=outlet]").FillAsync("Draft Wire");
        await page.Locator("input[name=url]").FillAsync("https://example.org/test/draft-survives");
        await page.Locator("[data-testid=save-report]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/proposals", StringComparison.Ordinal));
        await new AppShell(page).WaitForCircuitAsync();
        var proposal = page.Locator("[data-testid=proposal]").First;
        await proposal.Locator("input[name=source]").FillAsync("Ukrainian General Staff (draft)");
        await Assertions.Expect(page.Locator("[data-testid=draft-saved]")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await new AppShell(page).WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-testid=draft-restored]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=proposal]").First.Locator("input[name=source]")).ToHaveValueAsync("Ukrainian General Staff (draft)");
        await page.GotoAsync("/reports/new");
        await new AppShell(page).WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("input[name=title]")).ToHaveValueAsync(string.Empty);
        Assert.Equal(0, await page.Locator("[data-testid=draft-restored]").CountAsync());
    }

    [Fact]
    public async Task Editor_EntersReportAndAcceptsProposal_WithTheKeyboardOnly()
    {
        var page = await SignedInAsync(Roles.Editor);
        var keys = new Keyboard(page);
        await page.GotoAsync("/reports/new");
        await new AppShell(page).WaitForCircuitAsync();

        await keys.TabToAsync("el => el.name === 'title'", "The title field");
        await page.Keyboard.TypeAsync("Typed without a mouse");
        await keys.TabToAsync("el => el.name === 'outlet'", "The outlet field");
        await page.Keyboard.TypeAsync("Keyboard Wire");
        await keys.TabToAsync("el => el.name === 'url'", "The URL field");
        await page.Keyboard.TypeAsync("https://example.org/test/keyboard-only");
        await keys.TabToAsync("el => el.name === 'text'", "The article field");
        await page.Keyboard.InsertTextAsync(Article.Replace("6,000", "7,000", StringComparison.Ordinal));
        await keys.TabToAsync("el => el.dataset.testid === 'save-report'", "The save button");
        Assert.Equal(string.Empty, await keys.FocusProblemAsync());
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.EndsWith("/proposals", StringComparison.Ordinal));
        await new AppShell(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=proposal]").First.WaitForAsync();
        await keys.TabToAsync("el => el.name === 'source' && el.closest('[data-testid=proposal]')", "The first proposal's source");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Ukrainian General Staff");
        // Playwright types faster than anyone: let the server catch up with the keystrokes (the draft is kept
        // once it has) before tabbing through the metric pickers, as a person's typing speed would.
        await Assertions.Expect(page.Locator("[data-testid=draft-saved]")).ToBeVisibleAsync();
        await keys.TabToAsync("el => el.dataset.testid === 'accept'", "The accept button");
        Assert.Equal(string.Empty, await keys.FocusProblemAsync());
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=accepted] li")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        // Snackbars fade in and out; axe measures their contrast mid-fade, so check the page once they are gone.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoSeriousViolationsAsync(page, "proposals-accepted");
    }

    public static TheoryData<string, string, string?> FormPages => new()
    {
        { "/reports/new", "report-new", Roles.Editor },
        { "/reports/{report}/proposals", "proposals", Roles.Editor },
        { "/claims/{claim}/edit", "claim-edit", Roles.Editor },
        { "/reports/{report}/claims/new", "claim-new", Roles.Editor },
        { "/sources/new", "source-new", Roles.Editor },
        { "/sources/{source}/edit", "source-edit", Roles.Editor },
        { "/sources/{source}/merge", "source-merge", Roles.Editor },
        { "/metrics/new", "metric-new", Roles.Editor },
        { "/metrics/{metric}/edit", "metric-edit", Roles.Editor },
        { "/import", "import", Roles.Editor },
        { "/admin/users", "users", Roles.Admin },
        { "/account/password", "change-password", Roles.Analyst },
        { "/account/login", "login", null },
        { "/account/access-denied", "access-denied", null },
    };

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task FormPage_AtDesktopAndPhoneWidth_HasNoSeriousAxeViolations(string path, string name, string? role)
    {
        var page = role is null ? await NewPageAsync() : await SignedInAsync(role);
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(await ResolveAsync(path));
            // Account pages render without a circuit (they set the cookie on their POST).
            if (role is not null && !path.StartsWith("/account/", StringComparison.Ordinal))
            {
                await new AppShell(page).WaitForCircuitAsync();
            }

            await page.Locator("h1").First.WaitForAsync();
            // Let MudBlazor finish laying out (labels float once the inputs have their values).
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Screenshots.TakeAsync(page, $"form-{name}-{width}.png", fullPage: true);
            await Axe.AssertNoSeriousViolationsAsync(page, $"form-{name}-{width}");
        }
    }

    [Fact]
    public async Task Editor_MergePage_FindsTheOtherSourceBySearchAndConfirmsInADialog()
    {
        var page = await SignedInAsync(Roles.Editor);
        await page.GotoAsync(await ResolveAsync("/sources/{source}/merge"));
        await new AppShell(page).WaitForCircuitAsync();

        await page.Locator("[data-testid=merge-other]").FillAsync("Zelensky");
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.First.WaitForAsync();
        Assert.InRange(await options.CountAsync(), 1, 20);
        await options.First.ClickAsync();
        await page.Locator("[data-testid=merge-preview]").WaitForAsync();
        await page.Locator("[data-testid=confirm-merge]").ClickAsync();

        // The dialog asks first; cancelling merges nothing.
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("cannot be undone");
        await Screenshots.TakeAsync(page, "form-source-merge-dialog-1280.png");
        await dialog.Locator("button", new() { HasText = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Contains("/merge", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ResetsAPasswordInADialog_ThenTheUserChangesItThemselves()
    {
        const string email = "reset-journey@claims.test";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(account, "Long-enough-pass-1")).Succeeded);
            await users.AddToRoleAsync(account, Roles.Analyst);
        }

        var admin = await SignedInAsync(Roles.Admin);
        await admin.GotoAsync("/admin/users");
        await new AppShell(admin).WaitForCircuitAsync();
        await admin.Locator($"tr[data-user='{email}'] [data-testid=reset-password]").ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        var field = dialog.Locator("input[name=resetPassword]");

        // A refused password is explained under the field and the dialog stays open.
        await field.FillAsync("short");
        await dialog.Locator("[data-testid=reset-password-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("at least 10");
        await Screenshots.TakeAsync(admin, "form-users-reset-dialog-1280.png");
        await Axe.AssertNoSeriousViolationsAsync(admin, "users-reset-dialog");
        await field.FillAsync("Reset-by-admin-2");
        await dialog.Locator("[data-testid=reset-password-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("New password set");

        // The user signs in with it and picks their own from the app bar's key button.
        var user = await NewPageAsync();
        await user.SetViewportSizeAsync(390, 844);
        await new LoginPage(user).SignInAsync(email, "Reset-by-admin-2");
        await new AppShell(user).WaitForCircuitAsync();
        await user.Locator("[data-testid=change-password-link]").ClickAsync();
        await user.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        await user.FillAsync("#current-password", "Reset-by-admin-2");
        await user.FillAsync("#new-password", "Chosen-by-me-3");
        await user.FillAsync("#confirm-password", "Chosen-by-me-3");
        await user.ClickAsync("#change-password");
        await Assertions.Expect(user.Locator("[data-testid=password-changed]")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(user, "form-change-password-done-390.png", fullPage: true);
        await Axe.AssertNoSeriousViolationsAsync(user, "change-password-done");

        // This session goes on with the new password's cookie.
        await user.GotoAsync("/");
        await Assertions.Expect(user.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync(email);
    }

    private async Task<IPage> SignedInAsync(string role)
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(role), ClaimsAppFactory.DemoPassword);
        return page;
    }

    private async Task<string> ResolveAsync(string path)
    {
        await using var db = App.CreateDbContext();
        var claim = db.Claims.OrderBy(c => c.Id).First();
        var source = db.Sources.First(s => s.Name == "Antony Blinken").Id;
        var metric = db.Metrics.First(m => m.Key == "nk-killed-or-wounded").Id;
        return path.Replace("{claim}", $"{claim.Id}", StringComparison.Ordinal).Replace("{report}", $"{claim.ReportId}", StringComparison.Ordinal)
            .Replace("{source}", $"{source}", StringComparison.Ordinal).Replace("{metric}", $"{metric}", StringComparison.Ordinal);
    }
}
