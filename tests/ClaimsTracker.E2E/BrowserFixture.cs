using ClaimsTracker.Testing;
using Microsoft.Playwright;

namespace ClaimsTracker.E2E;

/// <summary>
/// The app on a real port and one headless Chromium (Debian's, at /usr/bin/chromium or
/// CHROMIUM_PATH) for a test class. Each test gets its own browser context (own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public ClaimsServerFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots for people to look at; the folder is git-ignored.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        // Warm the sign-in page before the first journey's clock starts: a cold app renders it slowly.
        using (var http = new HttpClient { BaseAddress = App.ServerAddress, Timeout = TimeSpan.FromSeconds(120) })
        {
            (await http.GetAsync(new Uri("/account/login", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // No sandbox as root in CI; the rest stops Chromium calling out to a network it cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        // Journeys share two cores with the integration tests running beside them: a step may wait
        // this long for a page under that load; a broken step still fails, only later.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimsTracker.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
