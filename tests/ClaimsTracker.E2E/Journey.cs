using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E;

/// <summary>
/// A browser journey. The pages a test opens are closed when the test ends: left open, each keeps a
/// Chromium renderer busy and a live circuit on the server for the rest of the test class, and a
/// class's later journeys then run on a machine loaded by its earlier ones.
/// </summary>
public abstract class Journey(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    /// <summary>The app under test, for arranging data or reading what a journey stored.</summary>
    protected ClaimsServerFactory App => browser.App;

    /// <summary>A page in a browser context of its own (own cookies), closed when the test ends.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync();
        contexts.Add(page.Context);
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
