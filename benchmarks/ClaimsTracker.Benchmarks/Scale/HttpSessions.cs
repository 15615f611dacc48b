using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// Light list-page sessions for <c>--session-client http</c>: a signed-in browser on a page without a circuit is its
/// cookie and its open keep-alive connection, so one HttpClient per session, with its own cookie jar and its own
/// connection, stands in for a Chromium tab at a fraction of the load generator's memory. The sessions live in a child
/// process (this program started with <c>--session-worker</c>), so the server's heap, read in the benchmark's process,
/// holds none of the client's objects.
/// </summary>
public sealed partial class HttpSessions : IAsyncDisposable
{
    public const string WorkerFlag = "--session-worker";
    private const int OpenedAtOnce = 8;

    private readonly Process worker;

    private HttpSessions(Process worker, SessionLoad load)
    {
        this.worker = worker;
        Load = load;
    }

    /// <summary>What the sessions fetched while opening: the same requests for every session.</summary>
    public SessionLoad Load { get; }

    /// <summary>Starts the worker and returns once all <paramref name="count"/> sessions are open and idle.</summary>
    public static async Task<HttpSessions> OpenAsync(Uri address, SessionPage page, int count, int reportEvery)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run through "dotnet" the entry assembly is an argument; run through the apphost it is not.
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { WorkerFlag, address.ToString(), page.Path, page.GridTestId, count.ToString(CultureInfo.InvariantCulture), reportEvery.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var worker = Process.Start(start) ?? throw new InvalidOperationException("The session worker did not start.");
        try
        {
            while (await worker.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("ready ", StringComparison.Ordinal))
                {
                    return new HttpSessions(worker, SessionLoad.Parse(line["ready ".Length..]));
                }

                Console.WriteLine($"    {line}");
                if (line.StartsWith("error", StringComparison.Ordinal))
                {
                    break;
                }
            }

            throw new InvalidOperationException("The session worker ended before its sessions were open.");
        }
        catch
        {
            worker.Kill(entireProcessTree: true);
            worker.Dispose();
            throw;
        }
    }

    /// <summary>Closes every session (their connections with them) and waits for the worker to end.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await worker.StandardInput.WriteLineAsync("close");
            await worker.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await worker.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            worker.Kill(entireProcessTree: true);
        }

        worker.Dispose();
    }

    /// <summary>
    /// The worker's side: signs in once through the real form (as the Chromium path does; the sign-in limit allows ten
    /// a minute per address), gives each session a jar with that cookie, opens the sessions, reports, and holds them
    /// until told to close.
    /// </summary>
    public static async Task RunWorkerAsync(string[] args)
    {
        var index = Array.IndexOf(args, WorkerFlag);
        var address = new Uri(args[index + 1]);
        var (path, grid) = (args[index + 2], args[index + 3]);
        var count = int.Parse(args[index + 4], CultureInfo.InvariantCulture);
        var reportEvery = int.Parse(args[index + 5], CultureInfo.InvariantCulture);
        var sessions = new HttpClient[count];
        try
        {
            var signedIn = await SignInAsync(address);
            var clock = Stopwatch.StartNew();
            var opened = 0;
            var loads = new SessionLoad[count];
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = OpenedAtOnce }, async (i, _) =>
            {
                sessions[i] = NewSession(address, signedIn);
                loads[i] = await LoadPageAsync(sessions[i], path, grid);
                var done = Interlocked.Increment(ref opened);
                if (reportEvery > 0 && done % reportEvery == 0)
                {
                    Console.WriteLine($"{done:N0} open");
                }
            });

            if (loads.Any(l => l.Requests != loads[0].Requests))
            {
                throw new InvalidOperationException("The sessions did not all fetch the same resources.");
            }

            var ready = loads[0] with { Seconds = clock.Elapsed.TotalSeconds };
            Console.WriteLine($"ready {ready}");
            // Idle until the benchmark has read the heap and timed its queries.
            await Console.In.ReadLineAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            // The benchmark reads this line and stops; anything else ends the worker with its stack trace.
            Console.WriteLine($"error {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}");
        }
        finally
        {
            foreach (var session in sessions)
            {
                session?.Dispose();
            }
        }
    }

    private static HttpClient NewSession(Uri address, CookieCollection signedIn)
    {
        var jar = new CookieContainer();
        jar.Add(address, signedIn);
        var handler = new SocketsHttpHandler
        {
            CookieContainer = jar,
            // One connection per session, kept as long as the session: the client never closes it while idle.
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            // A redirect here would be to the sign-in page: a session that is not signed in must fail, not count.
            AllowAutoRedirect = false,
            // Asks for the compressed assets, as a browser does.
            AutomaticDecompression = DecompressionMethods.All,
        };
        return new HttpClient(handler) { BaseAddress = address };
    }

    private static async Task<CookieCollection> SignInAsync(Uri address)
    {
        var jar = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await client.GetStringAsync("/account/login");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups["token"].Value),
            ["_handler"] = "login",
            ["Input.Email"] = "analyst@claims.test",
            ["Input.Password"] = ScaleApp.Password,
        }));
        // A signed-in form answers with a redirect away from the sign-in page; a refusal renders the form again.
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Signing in through the form answered {(int)response.StatusCode}.");
        }

        return jar.GetCookies(address);
    }

    /// <summary>
    /// What a browser fetches for one tab of a list page: the page, its style sheets and scripts (read from the page, as
    /// a browser finds them), and the options its pickers (the explorer's outlet and metric fields) ask for when a field
    /// is first focused. Only a page without a circuit qualifies: an interactive one would hold a circuit these do not open.
    /// </summary>
    private static async Task<SessionLoad> LoadPageAsync(HttpClient session, string path, string grid)
    {
        var page = await FetchAsync(session, path, "text/html");
        if (!page.Text.Contains($"data-testid=\"{grid}\"", StringComparison.Ordinal) || !page.Text.Contains("data-testid=\"static-page\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} did not render its grid statically for a session (an interactive page needs --session-client chromium).");
        }

        var load = new SessionLoad(1, page.Bytes, 0);
        foreach (Match asset in Asset().Matches(page.Text))
        {
            var fetched = await FetchAsync(session, "/" + WebUtility.HtmlDecode(asset.Groups["path"].Value).TrimStart('/'), "*/*");
            load = load with { Requests = load.Requests + 1, Bytes = load.Bytes + fetched.Bytes };
        }

        foreach (Match picker in Picker().Matches(page.Text))
        {
            var fetched = await FetchAsync(session, WebUtility.HtmlDecode(picker.Groups["path"].Value) + "?search=", "application/json");
            load = load with { Requests = load.Requests + 1, Bytes = load.Bytes + fetched.Bytes };
        }

        return load;
    }

    private static async Task<(string Text, long Bytes)> FetchAsync(HttpClient session, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await session.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} for a session.");
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        return (accept == "*/*" ? string.Empty : System.Text.Encoding.UTF8.GetString(body), body.LongLength);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<(?:link rel=\"stylesheet\" href|script src)=\"(?<path>[^\"]+)\"")]
    private static partial Regex Asset();

    [GeneratedRegex("data-picker=\"(?<path>[^\"]+)\"")]
    private static partial Regex Picker();
}

/// <summary>What one session fetched while opening (the same for each), and how long opening all of them took.</summary>
public sealed record SessionLoad(int Requests, long Bytes, double Seconds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Requests} {Bytes} {Seconds:F1}");

    public static SessionLoad Parse(string text)
    {
        var parts = text.Split(' ');
        return new SessionLoad(int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
