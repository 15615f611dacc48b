using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.E2E.Pages;
using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E.Journeys;

public class ImportJourneys(BrowserFixture browser) : Journey(browser)
{
    // Invented reports written for this test: two that import, one with a date in the future.
    private const string File = """
        {
          "reports": [
            { "title": "Harbour crane collapses in storm", "outlet": "Coastline Daily", "publishedOn": "2025-02-01",
              "url": "https://coast.example/crane", "text": "A crane at the north quay fell during the night; nobody was hurt, the port said." },
            { "title": "Ferry service suspended for two days", "outlet": "Coastline Daily", "publishedOn": "2025-02-02",
              "url": "https://coast.example/ferry", "text": "The island ferry will not sail until Tuesday while the quay is inspected." },
            { "title": "A report from the future", "outlet": "Coastline Daily", "publishedOn": "2999-01-01",
              "url": "https://coast.example/future", "text": "This cannot have been published yet." }
          ]
        }
        """;

    [Fact]
    public async Task Editor_UploadsJson_SeesProgressAndPerItemResults()
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(InitialisationOptions.DemoUserName(Roles.Editor), ClaimsAppFactory.DemoPassword);
        await page.GotoAsync("/import");
        await new AppShell(page).WaitForCircuitAsync();

        // The file input's change handler is wired a moment after the circuit starts; a file chosen
        // before that is dropped by the browser, so choose it again until the page has read it.
        var start = page.Locator("[data-testid=import-start]");
        for (var attempt = 0; attempt < 5 && !(await start.InnerTextAsync()).Contains("Import 3", StringComparison.Ordinal); attempt++)
        {
            await page.Locator("[data-testid=import-files]").SetInputFilesAsync(new FilePayload
            {
                Name = "coast.json",
                MimeType = "application/json",
                Buffer = System.Text.Encoding.UTF8.GetBytes(File),
            });
            await page.WaitForTimeoutAsync(500);
        }

        await Assertions.Expect(start).ToContainTextAsync("Import 3 report(s)");
        await page.Locator("[data-testid=import-start]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=import-count]")).ToHaveTextAsync("3 of 3", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("2 added, 0 already present, 1 failed");
        var failed = page.Locator("[data-testid=import-results] tr", new() { HasText = "A report from the future" });
        await Assertions.Expect(failed).ToContainTextAsync("future");
        await Screenshots.TakeAsync(page, "import.png", fullPage: true);
    }
}
