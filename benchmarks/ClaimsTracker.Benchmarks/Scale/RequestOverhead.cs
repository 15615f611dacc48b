using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Features.Reports;
using ClaimsTracker.Web.Features.Sources;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// Part <c>overhead</c>: where a list request's time goes beyond its SQL. The same client times HTTP alone, HTTP with
/// the bearer token, the app's pipeline without a database read (<c>/alive</c>), the floor's SQL behind a trivial
/// endpoint of the app, the app's query service called in-process (EF alone) and the API itself; EF's compiled-query
/// cache is watched while the API runs.
/// </summary>
public static class RequestOverhead
{
    public static async Task MeasureAsync(ScaleApp app, NpgsqlDataSource database, ScaleSettings settings, List<string> rows)
    {
        Console.WriteLine("Where a list request's time goes …");
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        using var client = await app.SignedInClientAsync();
        var floors = app.Floors;
        var surname = "a";
        var lists = new (string Name, string Api, string Floor, Func<IServiceProvider, Task> InProcess)[]
        {
            ("reports, newest first", "/api/v1/reports?take=50", floors.Add("reports", FloorSql.ReportsNewest(null)),
                s => s.GetRequiredService<ReportQueries>().ListAsync(null, new PageRequest(Take: 50))),
            ($"sources, search \"{surname}\"", $"/api/v1/sources?search={surname}&take=50", floors.Add("sources", FloorSql.Sources(surname)),
                s => s.GetRequiredService<SourceQueries>().ListAsync(surname, new PageRequest(Take: 50))),
            ("conflict queue", "/api/v1/conflicts?take=50", floors.Add("conflicts", FloorSql.Conflicts),
                s => s.GetRequiredService<ConflictQueries>().ListAsync(new ConflictFilter(), "analyst@claims.test", new PageRequest(Take: 50))),
        };

        // For a profiler: OVERHEAD_LOOP_SECONDS keeps requesting OVERHEAD_LOOP_PATH (default: the reports list) this long first.
        if (int.TryParse(Environment.GetEnvironmentVariable("OVERHEAD_LOOP_SECONDS"), out var loop))
        {
            var path = Environment.GetEnvironmentVariable("OVERHEAD_LOOP_PATH") is { Length: > 0 } given ? given : lists[0].Api;
            Console.WriteLine($"  looping on {path} for {loop} s (process {Environment.ProcessId})");
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < loop)
            {
                await GetAsync(client, path);
            }
        }

        await Time(rows, settings, "HTTP alone (trivial endpoint, no token)", () => GetAsync(anonymous, InAppFloor.PathPrefix + InAppFloor.Empty + "?anonymous"));
        await Time(rows, settings, "HTTP + bearer token + session check (trivial endpoint)", () => GetAsync(client, InAppFloor.PathPrefix + InAppFloor.Empty));
        await Time(rows, settings, "the app's pipeline, no token, no database (/alive)", () => GetAsync(anonymous, "/alive"));
        await Time(rows, settings, "the app's pipeline with the token, no database (/alive)", () => GetAsync(client, "/alive"));
        foreach (var (name, api, floor, inProcess) in lists)
        {
            await Time(rows, settings, $"{name}: floor SQL (Npgsql)", () => ScaleBenchmark.ReadAllAsync(database, FloorSqlOf(floors, floor)));
            await Time(rows, settings, $"{name}: floor SQL behind the trivial endpoint", () => GetAsync(client, floor));
            await Time(rows, settings, $"{name}: the app's query in-process (EF alone)", async () =>
            {
                using var scope = app.Services.CreateScope();
                await inProcess(scope.ServiceProvider);
            });
            using var cache = new QueryCacheWatch();
            await Time(rows, settings, $"{name}: the API", () => GetAsync(client, api));
            rows.Add(ScaleBenchmark.Row($"{name}: EF compiled-query cache during the API runs", $"{cache.Hits} hits", $"{cache.Misses} misses", string.Empty));
            Console.WriteLine($"  {name}: EF query cache {cache.Hits} hits, {cache.Misses} misses");
        }
    }

    private static string FloorSqlOf(InAppFloor floors, string path) => floors.Sql(path[InAppFloor.PathPrefix.Length..]);

    private static async Task Time(List<string> rows, ScaleSettings settings, string what, Func<Task> run)
    {
        // Past tiered JIT's 30 unoptimised calls, then a pause for the background compiler (as the query part does).
        for (var i = 0; i < 30; i++)
        {
            await run();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200));

        var times = new List<double>(settings.Runs);
        // CPU time of this process (client and app) per run: steadier than the wall clock when other work shares the cores.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < settings.Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / settings.Runs;
        times.Sort();
        var text = string.Create(CultureInfo.InvariantCulture, $"{times[times.Count / 2]:N2} / {times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]:N2} ms, CPU {cpuPerRun:N2} ms");
        rows.Add(ScaleBenchmark.Row(what, text, string.Empty, $"p50 / p95 and this process's CPU time per run, {times.Count} runs"));
        Console.WriteLine($"  {what}: {text}");
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private sealed class QueryCacheWatch : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly long startHits;
        private readonly long startMisses;
        private long hits;
        private long misses;

        public QueryCacheWatch()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore" && instrument.Name.Contains("compiled_query_cache", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                if (instrument.Name.EndsWith("hits", StringComparison.Ordinal))
                {
                    hits = value;
                }
                else
                {
                    misses = value;
                }
            });
            listener.Start();
            listener.RecordObservableInstruments();
            (startHits, startMisses) = (hits, misses);
        }

        public long Hits
        {
            get
            {
                listener.RecordObservableInstruments();
                return hits - startHits;
            }
        }

        public long Misses
        {
            get
            {
                listener.RecordObservableInstruments();
                return misses - startMisses;
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
