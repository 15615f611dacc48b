using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Playwright;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// Memory per open session: N sessions of one list page (the claims explorer by default), either pages in headless
/// Chromium (ten pages per browser context, a few renderer processes for all), each with its first grid page loaded
/// (and its live circuit, where the page has one), or light HTTP sessions (<see cref="HttpSessions"/>: a cookie and
/// an open connection each, what a tab of a page without a circuit holds on the server). The app runs in this process,
/// so the managed heap after a full collection, before and while the sessions are open, tells what they retain;
/// divided by N it is the cost of one idle session. While they stay open, the claims list is sorted and filtered
/// through the API, and the page itself is fetched sorted and filtered.
/// </summary>
public static class SessionMemory
{
    public const string Chromium = "chromium";
    public const string Http = "http";
    private const int PagesPerContext = 10;

    /// <summary>The pages whose sessions can be measured, with the page fetches timed while they are open.</summary>
    public static readonly IReadOnlyList<SessionPage> Pages =
    [
        new("/claims", "claims-grid", "Explorer page sorted by source / filtered by kind", "/claims?sort=Source&size=50", "/claims?order=Outlet+desc&kind=Count&size=50"),
        new("/reports", "reports-grid", "Reports page sorted by outlet / searched for a word", "/reports?sort=Outlet&size=50", "/reports?q=killed&size=50"),
        new("/sources", "sources-grid", "Sources page sorted by kind / searched for a name", "/sources?sort=Kind&size=50", "/sources?q=ministry&size=50"),
    ];

    public static async Task MeasureAsync(ScaleApp app, IReadOnlyList<string> pages, IReadOnlyList<int> counts, int runs, string sessionClient, List<string> rows)
    {
        using var connections = new ServerConnections();
        foreach (var page in pages.Select(path => Pages.Single(p => p.Path == path)))
        {
            if (sessionClient == Http)
            {
                await MeasureWithHttpAsync(app, page, counts, runs, connections, rows);
            }
            else
            {
                await MeasureWithChromiumAsync(app, page, counts, runs, connections, rows);
            }
        }
    }

    private static async Task MeasureWithHttpAsync(ScaleApp app, SessionPage page, IReadOnlyList<int> counts, int runs, ServerConnections connections, List<string> rows)
    {
        // One session first, so what every session shares (compiled queries, caches, the first render) is paid before.
        await (await HttpSessions.OpenAsync(app.Address, page, 1, reportEvery: 0)).DisposeAsync();
        foreach (var count in counts)
        {
            await MeasureCountAsync(app, page, count, runs, "HTTP sessions", connections, rows, async () =>
            {
                var sessions = await HttpSessions.OpenAsync(app.Address, page, count, reportEvery: 100);
                var load = sessions.Load;
                var note = string.Create(CultureInfo.InvariantCulture,
                    $"each session: {load.Requests} requests (the page, its style sheets and scripts, its pickers' options), {load.Bytes / 1024.0:N0} KB; all opened in {load.Seconds:N0} s");
                return (sessions, note);
            });
        }
    }

    private static async Task MeasureWithChromiumAsync(ScaleApp app, SessionPage page, IReadOnlyList<int> counts, int runs, ServerConnections connections, List<string> rows)
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

        await OpenAsync(browser, app.Address, page, signedIn, 1, reportEvery: 0, new BrowserTraffic());
        foreach (var count in counts)
        {
            await MeasureCountAsync(app, page, count, runs, "Chromium pages", connections, rows, async () =>
            {
                var traffic = new BrowserTraffic();
                var clock = Stopwatch.StartNew();
                var contexts = await OpenAsync(browser, app.Address, page, signedIn, count, reportEvery: 50, traffic);
                Console.WriteLine($"    one page fetched: {string.Join(", ", traffic.FirstPage)}");
                // The light HTTP sessions stand in for pages only while pages open no circuit: this shows whether they do.
                var note = string.Create(CultureInfo.InvariantCulture,
                    $"WebSockets opened by the {count:N0} pages: {traffic.WebSockets}, requests to /_blazor: {traffic.CircuitRequests}; opened in {clock.Elapsed.TotalSeconds:N0} s");
                return (new OpenContexts(contexts), note);
            });
        }
    }

    /// <summary>Opens one count of sessions, reads what they retain, times sorts and filters while they stay open, closes them.</summary>
    private static async Task MeasureCountAsync(ScaleApp app, SessionPage page, int count, int runs, string kind, ServerConnections connections, List<string> rows,
        Func<Task<(IAsyncDisposable Sessions, string Note)>> open)
    {
        Console.WriteLine($"  {count:N0} sessions of {page.Path} ({kind}) …");
        var before = RetainedBytes();
        var connectionsBefore = connections.Open;
        var (sessions, note) = await open();
        await using (sessions)
        {
            var during = RetainedBytes();
            var held = connections.Open - connectionsBefore;
            var perSession = (during - before) / (double)count;
            Console.WriteLine($"    {perSession / 1024:N0} KB per session; {held:N0} connections held open on the server; {note}");

            // Signed in now: the API's access token lasts 15 minutes, less than opening a few hundred pages takes here.
            using var client = await app.SignedInClientAsync();

            var sort = await TimeAsync(client, "/api/v1/claims?take=50&sort=Source", runs);
            var filter = await TimeAsync(client, "/api/v1/claims?take=50&sort=Outlet&desc=true&kind=Count", runs);
            // The page itself, rendered on the server for each sort or filter when it keeps no circuit.
            await EnsurePageAsync(client, page);
            var pageSort = await TimeAsync(client, page.SortPath, runs);
            var pageFilter = await TimeAsync(client, page.FilterPath, runs);
            rows.Add($"| Memory per open {page.Path} session, {count:N0} {kind} | {perSession / 1024:N0} KB | | " +
                $"managed heap after a full GC {before / 1048576.0:N0} → {during / 1048576.0:N0} MiB; {held:N0} connections held open on the server; {note} |");
            rows.Add($"| Claims sorted by source / filtered by kind, with {count:N0} {kind} open | {Percentiles(sort)} / {Percentiles(filter)} | | p50 / p95 ms, {runs} runs each, through the API |");
            rows.Add($"| {page.Timed}, with {count:N0} {kind} open | {Percentiles(pageSort)} / {Percentiles(pageFilter)} | | p50 / p95 ms, {runs} runs each, the whole HTML page |");
            Console.WriteLine($"    sort {Percentiles(sort)}, filter {Percentiles(filter)}; page {Percentiles(pageSort)}, {Percentiles(pageFilter)}");
        }

        // Closed tabs leave disconnected circuits behind for a while; the next count starts without them.
        await WaitForDisconnectedCircuitsAsync(before);
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

    /// <summary>Opens <paramref name="count"/> tabs of the page, each waited for until its circuit is up (or it has loaded) and its grid has rows.</summary>
    private static async Task<List<IBrowserContext>> OpenAsync(IBrowser browser, Uri address, SessionPage sessionPage, string signedIn, int count, int reportEvery, BrowserTraffic traffic)
    {
        var contexts = new List<IBrowserContext>();
        for (var opened = 0; opened < count; opened++)
        {
            if (opened % PagesPerContext == 0)
            {
                contexts.Add(await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), StorageState = signedIn }));
            }

            var page = await contexts[^1].NewPageAsync();
            traffic.Watch(page, first: opened == 0);
            await page.GotoAsync(sessionPage.Path);
            // An interactive page is ready with its circuit; one rendered without a circuit (issue 12) once it has loaded.
            await page.Locator("[data-testid=circuit-ready], [data-testid=static-page]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            await page.Locator($"[data-testid={sessionPage.GridTestId}] tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });
            if (reportEvery > 0 && (opened + 1) % reportEvery == 0)
            {
                Console.WriteLine($"    {opened + 1:N0} open");
            }
        }

        return contexts;
    }

    /// <summary>Closes a count's browser contexts, and with them their pages.</summary>
    private sealed class OpenContexts(List<IBrowserContext> contexts) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>What the pages asked the server for: any WebSocket or circuit request, and the first page's requests.</summary>
    private sealed class BrowserTraffic
    {
        private int webSockets;
        private int circuitRequests;

        public int WebSockets => webSockets;
        public int CircuitRequests => circuitRequests;
        public List<string> FirstPage { get; } = [];

        public void Watch(IPage page, bool first)
        {
            page.WebSocket += (_, _) => Interlocked.Increment(ref webSockets);
            page.Request += (_, request) =>
            {
                var path = new Uri(request.Url).PathAndQuery;
                if (path.StartsWith("/_blazor", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref circuitRequests);
                }

                if (first)
                {
                    lock (FirstPage)
                    {
                        FirstPage.Add(path);
                    }
                }
            };
        }
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

    /// <summary>The page timings must time the page, not a sign-in page a redirect led to.</summary>
    private static async Task EnsurePageAsync(HttpClient client, SessionPage page)
    {
        var html = await client.GetStringAsync(page.SortPath);
        if (!html.Contains($"data-testid=\"{page.GridTestId}\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page.Path} did not render its grid for the benchmark's client.");
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

/// <summary>A list page whose open sessions are measured: its grid (to know it has rows) and the two fetches timed.</summary>
public sealed record SessionPage(string Path, string GridTestId, string Timed, string SortPath, string FilterPath);

/// <summary>
/// The server's open connections, from Kestrel's own <c>kestrel.active_connections</c> counter: a session of a page
/// without a circuit is, on the server, little more than its connection, so the count shows how many were still held.
/// </summary>
internal sealed class ServerConnections : IDisposable
{
    private readonly MeterListener listener = new();
    private long open;

    public ServerConnections()
    {
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Server.Kestrel" && instrument.Name == "kestrel.active_connections")
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, change, _, _) => Interlocked.Add(ref open, change));
        listener.Start();
    }

    /// <summary>Connections opened since this listener started and not yet closed (compare two readings).</summary>
    public long Open => Interlocked.Read(ref open);

    public void Dispose() => listener.Dispose();
}
