using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

/// <summary>
/// The pages no other journey opens, as an admin sees them in the browser: each renders its form
/// interactively. Screenshots land in artifacts/screenshots for people to look at.
/// </summary>
public class PageTourJourneys(BrowserFixture browser) : Journey(browser)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "/conflicts", "conflicts-grid", "tour-conflicts" },
        { "/reports/new", "report-form", "tour-report-new" },
        { "/claims/{claim}/edit", "claim-form", "tour-claim-edit" },
        { "/sources/{source}/edit", "source-form", "tour-source-edit" },
        { "/sources/{source}/merge", "source-merge", "tour-source-merge" },
        { "/metrics/{metric}/edit", "metric-form", "tour-metric-edit" },
        { "/metrics/{capture}", "metric-figures", "tour-metric-corroborated" },
        { "/admin/users", "users-page", "tour-users" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Admin_OpensPage_SeesItRenderedInteractively(string path, string testId, string screenshot)
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Admin), ClaimsAppFactory.DemoPassword);

        await page.GotoAsync(await ResolveAsync(path));
        await new AppShell(page).WaitForCircuitAsync();

        await Assertions.Expect(page.Locator($"[data-testid={testId}]").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, $"{screenshot}.png", fullPage: true);
    }

    private async Task<string> ResolveAsync(string path)
    {
        await using var db = App.CreateDbContext();
        var claim = db.Claims.OrderBy(c => c.Id).First().Id;
        var source = db.Sources.First(s => s.Name == "Antony Blinken").Id;
        var metric = db.Metrics.First(m => m.Key == "nk-killed-or-wounded").Id;
        var capture = db.Metrics.First(m => m.Key == "capture-date").Id;
        return path.Replace("{claim}", $"{claim}", StringComparison.Ordinal).Replace("{source}", $"{source}", StringComparison.Ordinal)
            .Replace("{metric}", $"{metric}", StringComparison.Ordinal).Replace("{capture}", $"{capture}", StringComparison.Ordinal);
    }
}
