using ClaimsTracker.Benchmarks;
using ClaimsTracker.Benchmarks.Scale;

// Usage: dotnet run -c Release --project benchmarks/ClaimsTracker.Benchmarks [-- --families N --per-family N --skip-database]
//        dotnet run -c Release --project benchmarks/ClaimsTracker.Benchmarks -- --scale [--figures 1000000 --runs 30 --import-reports 500 --seconds 5 --clients 8]
//            [--parts engine,detection,queries,overhead,throughput,import,sessions] [--sessions 50,200,1000] [--session-client chromium|http] [--session-pages /claims,/reports,/sources] [--hold]
if (args.Contains(HttpSessions.WorkerFlag))
{
    // The child process that holds the light sessions of --session-client http.
    await HttpSessions.RunWorkerAsync(args);
    return;
}

if (args.Contains("--scale"))
{
    await ScaleBenchmark.RunAsync(new ScaleSettings(
        Argument("--figures", 1_000_000), Argument("--runs", 30), Argument("--import-reports", 500), Argument("--seconds", 5), Argument("--clients", 8))
    {
        Parts = Text("--parts", ScaleSettings.AllParts).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
        Sessions = Text("--sessions", "50,200").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        SessionClient = Text("--session-client", SessionMemory.Chromium) is var client && client is SessionMemory.Chromium or SessionMemory.Http
            ? client
            : throw new ArgumentException($"--session-client is {SessionMemory.Chromium} or {SessionMemory.Http}."),
        SessionPages = Text("--session-pages", "/claims").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => SessionMemory.Pages.Any(known => known.Path == p) ? p : throw new ArgumentException($"--session-pages takes {string.Join(", ", SessionMemory.Pages.Select(k => k.Path))}."))
            .ToList(),
        Hold = args.Contains("--hold"),
    });
    return;
}

var families = Argument("--families", 10_000);
var perFamily = Argument("--per-family", 100);

await EngineBenchmark.RunAsync(families, perFamily);
if (!args.Contains("--skip-database"))
{
    await DatabaseBenchmark.RunAsync();
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

string Text(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
