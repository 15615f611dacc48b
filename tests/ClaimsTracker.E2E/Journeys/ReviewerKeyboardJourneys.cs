using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Accessibility;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

/// <summary>
/// A reviewer's whole decision without a mouse: navigation, queue, conflict, decision, rationale,
/// save. Its own app and database, so no other journey has decided the conflict first.
/// </summary>
public class ReviewerKeyboardJourneys(BrowserFixture browser) : Journey(browser)
{
    private const string Rationale = "Dated official estimate; chosen by keyboard.";

    [Fact]
    public async Task Reviewer_PrefersAPositionWithRationale_WithTheKeyboardOnly()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Reviewer), ClaimsAppFactory.DemoPassword);
        var shell = new AppShell(page);
        await shell.WaitForCircuitAsync();
        var keys = new Keyboard(page);

        await keys.TabToAsync("el => el.matches('[data-testid=nav] a[href=\"/conflicts\"]')", "The Conflicts link in the navigation");
        Assert.Equal(string.Empty, await keys.FocusCueProblemAsync());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/conflicts", StringComparison.Ordinal));
        await page.Locator("[data-testid=conflicts-grid] a.conflict-link").First.WaitForAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "conflict-queue-keyboard");

        // The casualty dispute: its explanation names the lowest and the highest figures.
        await keys.TabToAsync("el => el.matches('a.conflict-link') && el.textContent.includes('about 1,000') && el.textContent.includes('more than 3,000')",
            "The casualty dispute's link in the queue", maxPresses: 120);
        Assert.Equal(string.Empty, await keys.FocusCueProblemAsync());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/conflicts/", StringComparison.Ordinal));
        await page.Locator("[data-testid=resolution-form]").WaitForAsync();
        var conflictId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Open", (await new ConflictPage(page).Status.InnerTextAsync()).Trim(), ignoreCase: true);
        await Axe.AssertNoSeriousViolationsAsync(page, "conflict-keyboard");

        // The decision is a radio group: Tab enters it at the chosen option, arrows move between options.
        var preferred = page.Locator("[data-testid=preferred-figure]");
        await keys.TabToAsync("el => el.type === 'radio' && !!el.closest('[data-testid=decision-choice]')", "The decision choice", maxPresses: 120);
        Assert.Equal(string.Empty, await keys.FocusCueProblemAsync());
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(preferred).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(preferred).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.checked"), "Arrow keys did not choose 'Prefer one position'.");

        // The positions: arrow down to the one that reads "about 1,000", Space keeps it chosen.
        await keys.TabToAsync("el => el.type === 'radio' && !!el.closest('[data-testid=preferred-figure]')", "The preferred position");
        Assert.Equal(string.Empty, await keys.FocusCueProblemAsync());
        for (var i = 0; i < 12 && !await FocusedLabelContainsAsync(page, "about 1,000"); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.True(await FocusedLabelContainsAsync(page, "about 1,000"), "No position reading 'about 1,000' was reached with the arrow keys.");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.checked"), "The focused position is not chosen.");
        Assert.Equal(string.Empty, await keys.FocusCueProblemAsync());
        await Screenshots.TakeAsync(page, "conflict-keyboard-focus.png");

        await keys.TabToAsync("el => el.id === 'rationale'", "The rationale field");
        Assert.Equal(string.Empty, await keys.FocusCueProblemAsync());
        await page.Keyboard.TypeAsync(Rationale);
        await keys.TabToAsync("el => el.dataset.testid === 'save-decision'", "The save button");
        Assert.Equal(string.Empty, await keys.FocusCueProblemAsync());
        await page.Keyboard.PressAsync("Enter");

        await page.Locator("[data-testid=decision]").WaitForAsync();
        await Assertions.Expect(new ConflictPage(page).Status).ToHaveTextAsync("Resolved", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator("[data-testid=decision]")).ToContainTextAsync("about 1,000");
        await Assertions.Expect(page.Locator("[data-testid=decision]")).ToContainTextAsync(Rationale);

        await using var db = App.CreateDbContext();
        var stored = await db.Conflicts.AsNoTracking().SingleAsync(c => c.Id == conflictId);
        Assert.Equal(ConflictStatus.Resolved, stored.Status);
        Assert.Equal(Rationale, stored.Rationale);
        var key = conflictId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Conflict) && a.EntityId == key
            && a.UserName == InitialisationOptions.DemoUserName(Roles.Reviewer) && a.Note!.StartsWith("resolved")),
            "No audit entry records the reviewer's decision.");

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoSeriousViolationsAsync(page, "conflict-decided-keyboard");
    }

    /// <summary>Whether the label of the focused control contains the text.</summary>
    private static Task<bool> FocusedLabelContainsAsync(IPage page, string text) =>
        page.EvaluateAsync<bool>("text => (document.activeElement.closest('label')?.textContent ?? '').includes(text)", text);
}
