using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// Memory per open session: N explorer pages in headless Chromium (ten pages per browser context, a few renderer
/// processes for all), each with its first grid page loaded (and its live circuit, where the page has one). The app runs in this process, so the
/// managed heap after a full collection, before and while the sessions are open, tells what they retain; divided by N
/// it is the cost of one idle session. While they stay open, the claims list is sorted and filtered through the API.
/// </summary>
public static class SessionMemory
{
    private const int PagesPerContext = 10;

    public static async Task MeasureAsync(ScaleApp app, IReadOnlyList<int> counts, int runs, List<string> rows)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--renderer-process-limit=4",
                // Background pages must keep their circuits as a real open tab does.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            ],
        });
        var signedIn = await SignInAsync(browser, app.Address);

        // One session first, so what every session shares (compiled queries, caches, the first render) is paid before.
        await OpenAsync(browser, app.Address, signedIn, 1, reportEvery: 0);
        foreach (var count in counts)
        {
            Console.WriteLine($"  {count:N0} explorer sessions …");
            var before = RetainedBytes();
            var clock = Stopwatch.StartNew();
            var contexts = await OpenAsync(browser, app.Address, signedIn, count, reportEvery: 50);
            var opened = clock.Elapsed;
            var during = RetainedBytes();
            var perSession = (during - before) / (double)count;
            Console.WriteLine($"    {perSession / 1024:N0} KB per session");

            // Signed in now: the API's access token lasts 15 minutes, less than opening a few hundred pages takes here.
            using var client = await app.SignedInClientAsync();

            var sort = await TimeAsync(client, "/api/v1/claims?take=50&sort=Source", runs);
            var filter = await TimeAsync(client, "/api/v1/claims?take=50&sort=Outlet&desc=true&kind=Count", runs);
            // The explorer page itself, rendered on the server for each sort or filter since it keeps no circuit.
            await EnsureExplorerPageAsync(client);
            var pageSort = await TimeAsync(client, "/claims?sort=Source&size=50", runs);
            var pageFilter = await TimeAsync(client, "/claims?order=Outlet+desc&kind=Count&size=50", runs);
            rows.Add($"| Memory per open explorer session, {count:N0} sessions | {perSession / 1024:N0} KB | | " +
                $"managed heap after a full GC {before / 1048576.0:N0} → {during / 1048576.0:N0} MiB; opened in {opened.TotalSeconds:N0} s |");
            rows.Add($"| Claims sorted by source / filtered by kind, with {count:N0} sessions open | {Percentiles(sort)} / {Percentiles(filter)} | | p50 / p95 ms, {runs} runs each, through the API |");
            rows.Add($"| Explorer page sorted by source / filtered by kind, with {count:N0} sessions open | {Percentiles(pageSort)} / {Percentiles(pageFilter)} | | p50 / p95 ms, {runs} runs each, the whole HTML page |");
            Console.WriteLine($"    sort {Percentiles(sort)}, filter {Percentiles(filter)}; page {Percentiles(pageSort)}, {Percentiles(pageFilter)}");

            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }

            // Closed tabs leave disconnected circuits behind for a while; the next count starts without them.
            await WaitForDisconnectedCircuitsAsync(before);
        }
    }

    private static async Task<string> SignInAsync(IBrowser browser, Uri address)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "analyst@claims.test");
        await page.FillAsync("#password", ScaleApp.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    /// <summary>Opens <paramref name="count"/> explorer pages, each waited for until its circuit is up and its grid has rows.</summary>
    private static async Task<List<IBrowserContext>> OpenAsync(IBrowser browser, Uri address, string signedIn, int count, int reportEvery)
    {
        var contexts = new List<IBrowserContext>();
        for (var opened = 0; opened < count; opened++)
        {
            if (opened % PagesPerContext == 0)
            {
                contexts.Add(await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), StorageState = signedIn }));
            }

            var page = await contexts[^1].NewPageAsync();
            await page.GotoAsync("/claims");
            // An interactive page is ready with its circuit; the statically rendered explorer (issue 12) once it has loaded.
            await page.Locator("[data-testid=circuit-ready], [data-testid=static-page]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            await page.Locator("[data-testid=claims-grid] tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });
            if (reportEvery > 0 && (opened + 1) % reportEvery == 0)
            {
                Console.WriteLine($"    {opened + 1:N0} open");
            }
        }

        return contexts;
    }

    private static async Task WaitForDisconnectedCircuitsAsync(long baseline)
    {
        // The benchmark's app keeps disconnected circuits for a few seconds only (ScaleApp); give it twice that.
        for (var i = 0; i < 20 && RetainedBytes() > baseline * 1.1; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static long RetainedBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The page timings must time the explorer, not a sign-in page a redirect led to.</summary>
    private static async Task EnsureExplorerPageAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/claims?sort=Source&size=50");
        if (!html.Contains("data-testid=\"claims-grid\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The explorer page did not render its grid for the benchmark's client.");
        }
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, string path, int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs + 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 3)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static string Percentiles(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(int percent) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * percent / 100.0) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{At(50):N1} / {At(95):N1}");
    }
}
