using System.Diagnostics;
using System.Globalization;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Data.LocalDatabase;
using ClaimsTracker.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// <c>--scale [--figures N] [--runs N] [--import-reports N] [--seconds N] [--clients N] [--parts a,b] [--sessions 50,200,1000] [--session-client chromium|http] [--session-pages /claims,/reports,/sources]</c>: generates
/// the newsroom data set into a private PostgreSQL with binary COPY, starts the real app on Kestrel,
/// and prints a Markdown table: each list query beside its floor (hand-written SQL on the same
/// indexes), API throughput beside a bare endpoint, detection through the database, import rate.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task RunAsync(ScaleSettings settings)
    {
        var shape = new ScaleShape(settings.Figures);
        var directory = Path.Combine(Path.GetTempPath(), $"claims-scale-{Environment.ProcessId}");
        Console.WriteLine($"Scale benchmark: {shape.Figures:N0} figures, {shape.Claims:N0} claims, {shape.Reports:N0} reports, {shape.Sources:N0} sources, {shape.Metrics:N0} metrics");
        var rows = new List<string>();
        var queryTable = new List<string>();
        if (settings.Measures("engine"))
        {
            EngineAtScale.Run(new NewsroomData(shape), Math.Min(settings.Runs, 3), rows);
            if (settings.Parts.Count == 1)
            {
                rows.ForEach(Console.WriteLine);
                return;
            }
        }

        var cluster = await LocalPostgresCluster.StartAsync(directory, durable: false);
        try
        {
            var connectionString = cluster.ConnectionString("claims_scale");
            await using (var db = new ClaimsDbContext(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options))
            {
                await db.Database.MigrateAsync();
            }

            var data = new NewsroomData(shape);
            var generation = await BulkLoader.LoadAsync(connectionString, data, Console.WriteLine);
            rows.Add(Row("Generate the data set (binary COPY, then VACUUM ANALYZE)", $"{generation.TotalSeconds:N0} s", string.Empty, $"{shape.Figures / generation.TotalSeconds:N0} figures/s"));

            await using var app = new ScaleApp(connectionString);
            app.Start();
            await using var database = NpgsqlDataSource.Create(connectionString);

            if (settings.Measures("detection"))
            {
                await DetectionAsync(app.Services, database, settings, rows, Path.Combine(directory, "data"));
            }

            if (settings.Measures("queries"))
            {
                await QueriesAsync(app, database, data, settings, rows, queryTable);
            }

            if (settings.Measures("overhead"))
            {
                await RequestOverhead.MeasureAsync(app, database, settings, rows);
            }

            if (settings.Measures("throughput"))
            {
                await ThroughputAsync(app, database, settings, rows);
            }

            if (settings.Measures("sessions"))
            {
                Console.WriteLine("Memory per open session …");
                await SessionMemory.MeasureAsync(app, settings.SessionPages, settings.Sessions, settings.Runs, settings.SessionClient, rows);
            }

            if (settings.Measures("import"))
            {
                await ImportAsync(app.Services, data, settings, rows, Path.Combine(directory, "data"));
            }

            if (settings.Hold)
            {
                await HoldAsync(directory, connectionString, app.Address);
            }
        }
        finally
        {
            await cluster.DisposeAsync();
            TryDelete(directory);
        }

        Console.WriteLine();
        Console.WriteLine($"| {shape.Figures:N0} figures | app | floor | note |");
        Console.WriteLine("|---|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
        queryTable.ForEach(Console.WriteLine);
    }

    /// <summary>
    /// Keeps the database and the app up after the measured parts, so their SQL can be read with psql and
    /// EXPLAIN on the same data, until a file named "release" appears in the run's folder.
    /// </summary>
    private static async Task HoldAsync(string directory, string connectionString, Uri address)
    {
        var release = Path.Combine(directory, "release");
        Console.WriteLine($"Holding: database {connectionString}; app {address}; create {release} to finish.");
        while (!File.Exists(release))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task DetectionAsync(IServiceProvider services, NpgsqlDataSource database, ScaleSettings settings, List<string> rows, string postgresData)
    {
        Console.WriteLine("Detection through the database …");
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var heap = HeapUse.Now();
        DetectionSummary full;
        var postgresAtStart = PostgresCpu(postgresData);
        using (var scope = services.CreateScope())
        {
            full = await scope.ServiceProvider.GetRequiredService<ConflictDetectionService>().DetectAllAsync();
        }

        var postgresFull = PostgresCpu(postgresData) - postgresAtStart;

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        rows.Add(Row("Full detection through the database", $"{full.Elapsed.TotalSeconds:N1} s", string.Empty,
            $"{full.Added:N0} conflicts stored; read {full.Reading.TotalSeconds:N1} s, detect {full.Detecting.TotalSeconds:N1} s, save {full.Saving.TotalSeconds:N1} s; peak working set {Math.Max(before, peak) / 1048576.0:N0} MiB; {HeapUse.Now().Since(heap)}"));
        heap = HeapUse.Now();
        DetectionSummary again;
        postgresAtStart = PostgresCpu(postgresData);
        using (var scope = services.CreateScope())
        {
            again = await scope.ServiceProvider.GetRequiredService<ConflictDetectionService>().DetectAllAsync();
        }

        var postgresAgain = PostgresCpu(postgresData) - postgresAtStart;

        rows.Add(Row("Full detection again (nothing to change)", $"{again.Elapsed.TotalSeconds:N1} s", string.Empty,
            $"{again.Added + again.Updated + again.Reopened + again.Withdrawn:N0} changes; read {again.Reading.TotalSeconds:N1} s, detect {again.Detecting.TotalSeconds:N1} s, save {again.Saving.TotalSeconds:N1} s; {HeapUse.Now().Since(heap)}"));
        Console.WriteLine($"  full: {full.Elapsed.TotalSeconds:N1} s (read {full.Reading.TotalSeconds:N1}, detect {full.Detecting.TotalSeconds:N1}, save {full.Saving.TotalSeconds:N1}, then commit {full.Committing.TotalSeconds:N1}); again {again.Elapsed.TotalSeconds:N1} s (read {again.Reading.TotalSeconds:N1}, detect {again.Detecting.TotalSeconds:N1}, save {again.Saving.TotalSeconds:N1}, then commit {again.Committing.TotalSeconds:N1}); {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

        var metricIds = new List<int>();
        await using (var command = database.CreateCommand("SELECT \"Id\" FROM \"Metrics\" ORDER BY \"Id\""))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                metricIds.Add(reader.GetInt32(0));
            }
        }

        var random = new Random(5);
        var times = new List<double>();
        var phases = new List<DetectionSummary>();
        var familyTimes = new List<double>();
        var familyPhases = new List<DetectionSummary>();
        var (cpu, postgresCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var run = 0; run < settings.Runs + 3; run++)
        {
            var metricId = metricIds[random.Next(metricIds.Count)];
            // An editor's change: one figure of the metric moves by one.
            string place;
            await using (var edit = database.CreateCommand(
                "UPDATE \"Figures\" SET \"Low\" = \"Low\" + 1, \"Best\" = \"Best\" + 1, \"High\" = \"High\" + 1 WHERE \"Id\" = (SELECT min(\"Id\") FROM \"Figures\" WHERE \"MetricId\" = $1) RETURNING \"Scope\""))
            {
                edit.Parameters.AddWithValue(metricId);
                place = (string)(await edit.ExecuteScalarAsync())!;
            }

            using var scope = services.CreateScope();
            var detection = scope.ServiceProvider.GetRequiredService<ConflictDetectionService>();
            // CPU time beside the clock: this process's and PostgreSQL's (the planner's work shows only there). PostgreSQL's
            // first: reading /proc costs this process CPU time too.
            var postgresBefore = PostgresCpu(postgresData);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            // As the claim editor's save does: the figure's metric family, in the figure's scope only.
            var incremental = await detection.DetectForScopesAsync([new TouchedScope(metricId, place)]);
            var scoped = clock.Elapsed.TotalMilliseconds;
            if (run >= 3)
            {
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                postgresCpu += PostgresCpu(postgresData) - postgresBefore;
            }

            // The same edit's whole metric family, all scopes (what every save ran before): it has nothing left to change.
            clock.Restart();
            var family = await detection.DetectForMetricsAsync([metricId]);
            if (run >= 3)
            {
                times.Add(scoped);
                phases.Add(incremental with { Elapsed = TimeSpan.FromMilliseconds(scoped) });
                familyTimes.Add(clock.Elapsed.TotalMilliseconds);
                familyPhases.Add(family);
            }
        }

        rows.Add(Row($"Incremental detection after one edit, the figure's scope ({settings.Runs} runs)", Percentiles(times), string.Empty, Phases(phases)));
        rows.Add(Row($"Incremental detection after one edit, the whole metric family ({settings.Runs} runs)", Percentiles(familyTimes), string.Empty, Phases(familyPhases)));
        Console.WriteLine($"  incremental: scope {Percentiles(times)} (CPU a run: this process {cpu.TotalMilliseconds / settings.Runs:N1} ms, PostgreSQL {postgresCpu.TotalMilliseconds / settings.Runs:N1} ms), family {Percentiles(familyTimes)}; the slowest scoped runs step by step:");
        foreach (var slow in phases.OrderByDescending(p => p.Elapsed).Take(3))
        {
            Console.WriteLine($"    {slow.Elapsed.TotalMilliseconds:N1} ms (GC pauses {slow.GcPauses.TotalMilliseconds:N1} ms): {Steps(slow)}");
        }

        Console.WriteLine($"  PostgreSQL's CPU time: full pass {postgresFull.TotalSeconds:N1} s, again {postgresAgain.TotalSeconds:N1} s");
        Console.WriteLine($"  full pass step by step: {Steps(full)}");
        Console.WriteLine($"  again step by step: {Steps(again)}");
    }

    private static string Steps(DetectionSummary summary) =>
        string.Join("; ", summary.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Took.TotalMilliseconds:N1} ms")));

    private static string Phases(List<DetectionSummary> phases) => string.Create(CultureInfo.InvariantCulture,
        $"read + detect + reconcile + audit; medians: {Percentile(phases.Select(p => (double)p.Figures).ToList(), 50):N0} figures read, read {Percentile(phases.Select(p => p.Reading.TotalMilliseconds).ToList(), 50):N1} ms, detect {Percentile(phases.Select(p => p.Detecting.TotalMilliseconds).ToList(), 50):N1} ms, save {Percentile(phases.Select(p => p.Saving.TotalMilliseconds).ToList(), 50):N1} ms, commit {Percentile(phases.Select(p => p.Committing.TotalMilliseconds).ToList(), 50):N1} ms; GC pauses p50 / p95 {Percentile(phases.Select(p => p.GcPauses.TotalMilliseconds).ToList(), 50):N1} / {Percentile(phases.Select(p => p.GcPauses.TotalMilliseconds).ToList(), 95):N1} ms");

    /// <summary>Each query timed through the app, as bare HTTP and as SQL alone; its own table (with the ratios) goes to <paramref name="queryTable"/>.</summary>
    private static async Task QueriesAsync(ScaleApp app, NpgsqlDataSource database, NewsroomData data, ScaleSettings settings, List<string> rows, List<string> queryTable)
    {
        Console.WriteLine("List and search queries …");
        using var client = await app.SignedInClientAsync();
        var metricId = data.Metrics[data.Metrics.Count / 2].Id;
        var aliased = data.People.First(s => s.Alias is not null);
        var surname = data.People.First(s => s.Kind == Domain.Sources.SourceKind.Person).Name.Split(' ')[^1];
        var queries = new (string Name, Func<Task> App, string Floor)[]
        {
            ("API figures, first page of 50", () => GetAsync(client, "/api/v1/figures?take=50"), FloorSql.Figures),
            ("Explorer / API claims, newest first", () => GetAsync(client, "/api/v1/claims?take=50"), FloorSql.ClaimsNewest(null)),
            ("Explorer / API claims of one metric", () => GetAsync(client, $"/api/v1/claims?metricId={metricId}&take=50"),
                FloorSql.ClaimsNewest($"EXISTS (SELECT 1 FROM \"Figures\" f WHERE f.\"ClaimId\" = c.\"Id\" AND f.\"MetricId\" = {metricId})")),
            ($"Explorer / API claims by alias \"{aliased.Alias}\"", () => GetAsync(client, $"/api/v1/claims?source={Uri.EscapeDataString(aliased.Alias!)}&take=50"),
                FloorSql.ClaimsNewest($"c.\"SourceId\" IN (SELECT \"SourceId\" FROM \"SourceAliases\" WHERE \"NameKey\" = '{Domain.Sources.NameKey.From(aliased.Alias)}')")),
            ("API reports, newest first", () => GetAsync(client, "/api/v1/reports?take=50"), FloorSql.ReportsNewest(null)),
            ("API reports, search \"casualties\"", () => GetAsync(client, "/api/v1/reports?search=casualties&take=50"),
                FloorSql.ReportsNewest("r.\"SearchVector\" @@ websearch_to_tsquery('english', 'casualties')")),
            ("Search page \"prisoners Kursk\"", () => SearchAsync(app.Services, "prisoners Kursk"), FloorSql.Search("prisoners Kursk")),
            ($"API sources, search \"{surname}\"", () => GetAsync(client, $"/api/v1/sources?search={surname}&take=50"), FloorSql.Sources(surname)),
            ("API conflict queue, most severe first", () => GetAsync(client, "/api/v1/conflicts?take=50"), FloorSql.Conflicts),
        };

        // Beside each query: its floor SQL alone, the same SQL behind a trivial endpoint of the app (HTTP, the bearer token
        // and the session check, rows written straight to JSON: the "bare HTTP" floor), and the ratios, so what is SQL and
        // what is HTTP can be told apart.
        var table = new List<string>
        {
            string.Empty,
            "| query (p50 / p95) | app | bare HTTP | floor SQL | app ÷ floor at p50 | app ÷ bare HTTP at p50 |",
            "|---|---:|---:|---:|---:|---:|",
        };
        foreach (var (name, appQuery, floor) in queries)
        {
            var bare = app.Floors.Add($"query{table.Count}", floor);
            var appTimes = await TimeAsync(appQuery, settings.Runs);
            var bareTimes = await TimeAsync(() => GetAsync(client, bare), settings.Runs);
            var floorTimes = await TimeAsync(() => ReadAllAsync(database, floor), settings.Runs);
            var ratio = Median(appTimes) / Math.Max(0.01, Median(floorTimes));
            var bareRatio = Median(appTimes) / Math.Max(0.01, Median(bareTimes));
            rows.Add(Row(name, Percentiles(appTimes), Percentiles(floorTimes),
                string.Create(CultureInfo.InvariantCulture, $"{ratio:N1}× floor at p50; bare HTTP {Percentiles(bareTimes)} ({bareRatio:N1}×) ({appTimes.Count} runs)")));
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Percentiles(appTimes)} | {Percentiles(bareTimes)} | {Percentiles(floorTimes)} | {ratio:N1}× | {bareRatio:N1}× |"));
            Console.WriteLine($"  {name}: {Percentiles(appTimes)} (bare HTTP {Percentiles(bareTimes)}, floor {Percentiles(floorTimes)}; {ratio:N1}× floor, {bareRatio:N1}× bare)");
        }

        queryTable.AddRange(table);
    }

    private static async Task ThroughputAsync(ScaleApp app, NpgsqlDataSource database, ScaleSettings settings, List<string> rows)
    {
        Console.WriteLine($"Throughput, {settings.Clients} clients for {settings.Seconds} s each …");
        using var appClient = await app.SignedInClientAsync();
        var appRate = await RequestsPerSecondAsync(appClient, "/api/v1/figures?take=50", settings);
        await using var bare = await BareEndpoint.StartAsync(database, FloorSql.Figures);
        using var bareClient = new HttpClient { BaseAddress = bare.Address };
        var bareRate = await RequestsPerSecondAsync(bareClient, "/figures", settings);
        rows.Add(Row($"API figures list throughput ({settings.Clients} clients)", $"{appRate:N0} req/s", $"{bareRate:N0} req/s",
            $"{appRate / Math.Max(0.01, bareRate):N2}× the bare endpoint"));
    }

    private static async Task ImportAsync(IServiceProvider services, NewsroomData data, ScaleSettings settings, List<string> rows, string postgresData)
    {
        Console.WriteLine($"Import of {settings.ImportReports:N0} new reports …");
        var names = data.Sources.ToDictionary(s => s.Id, s => s.Name);
        var keys = data.Metrics.ToDictionary(m => m.Id, m => m.Key);
        var items = data.Reports(data.Shape.Reports + 1, settings.ImportReports)
            .Select(r => new ImportItem($"reports[{r.Number}]", ToRecord(r, names, keys)))
            .ToList();
        using var scope = services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<ReportImporter>();
        // This process's CPU time and allocations beside the wall time: on a shared machine the wall time also holds
        // waiting for a core, and PostgreSQL's own work runs in its processes.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var postgresBefore = PostgresCpu(postgresData);
        var clock = Stopwatch.StartNew();
        var summary = await importer.ImportAsync(items);
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var postgres = PostgresCpu(postgresData) - postgresBefore;
        var storing = elapsed - summary.DetectionTime;
        rows.Add(Row($"Import {items.Count:N0} reports ({items.Count * ScaleShape.ClaimsPerReport * ScaleShape.FiguresPerClaim:N0} figures) incl. detection",
            $"{summary.Added / elapsed.TotalSeconds:N0} reports/s", string.Empty, $"{summary}; {elapsed.TotalSeconds:N1} s"));
        rows.Add(Row("Import, the same without detection", $"{summary.Added / storing.TotalSeconds:N0} reports/s", string.Empty,
            $"check, build and store {storing.TotalSeconds:N1} s (of which writing {summary.StoreTime.TotalSeconds:N1} s); detection {summary.DetectionTime.TotalSeconds:N1} s"));
        rows.Add(Row("Import, where the time without detection went", string.Empty, string.Empty, summary.Timings.ToString()));
        rows.Add(Row("Import, this process's CPU time and allocations (detection included)", $"{cpu.TotalSeconds:N1} s CPU", string.Empty,
            $"{allocated / (1024.0 * 1024):N0} MiB allocated, {allocated / Math.Max(1, summary.Added) / 1024.0:N0} KiB a report; PostgreSQL's CPU time {postgres.TotalSeconds:N1} s; wall time {elapsed.TotalSeconds:N1} s"));
        Console.WriteLine($"  import steps: {summary.Timings}");

        // The same file again: every report is found by the duplicate check and nothing is stored.
        clock.Restart();
        var again = await importer.ImportAsync(items);
        rows.Add(Row("Import the same reports again (all already present)", $"{items.Count / clock.Elapsed.TotalSeconds:N0} reports/s", string.Empty,
            $"{again}; {clock.Elapsed.TotalSeconds:N1} s"));
    }

    /// <summary>
    /// CPU time of the benchmark's PostgreSQL so far: its server processes' own time plus that of the ones that ended
    /// (from /proc; zero where there is none). Each connection is a process of its own, a child of the postmaster.
    /// </summary>
    private static TimeSpan PostgresCpu(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var postmaster))
        {
            return TimeSpan.Zero;
        }

        const double TicksPerSecond = 100; // USER_HZ on Linux
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // After the command's closing parenthesis: state, ppid, …; utime and stime are fields 14 and 15, cutime and cstime 16 and 17.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(Path.GetFileName(folder), CultureInfo.InvariantCulture);
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == postmaster || parent == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                        + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process folder, or the process ended meanwhile.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static ReportRecord ToRecord(GeneratedReport report, Dictionary<int, string> sources, Dictionary<int, string> metrics) => new(
        report.Title, sources[report.OutletId], report.PublishedOn, report.Text, Url: report.Url, Authors: [report.Author], Language: "en",
        Claims: report.Claims.Select(c => new ClaimRecord(
            sources[c.SourceId], c.Summary, report.Text.Substring(c.QuoteStart, c.QuoteLength),
            c.Figures.Select(f => new FigureRecord(metrics[f.MetricId], f.AsWritten, f.Qualifier, f.Value, f.High, Scope: f.Scope,
                Time: new TimeRecord(f.Time.Kind, f.Time.Start, f.Time.End, f.Time.AsWritten))).ToList(),
            RelayedVia: c.RelayedViaId is { } relay ? sources[relay] : null)).ToList());

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task SearchAsync(IServiceProvider services, string text)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SearchQueries>().SearchWithAliasesAsync(text);
    }

    /// <summary>Runs a floor statement and reads every row, as the floors are timed.</summary>
    internal static async Task ReadAllAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }

    private static async Task<List<double>> TimeAsync(Func<Task> query, int runs)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await query();
        }

        // A query that takes seconds is measured fewer times; its slowness is the finding.
        if (warmUp.Elapsed.TotalSeconds > 3)
        {
            runs = Math.Min(runs, 5);
        }
        else
        {
            // Tiered JIT: a method runs unoptimised for its first 30 calls and is recompiled in the background a little
            // later, so three warm-up runs timed the app's code half-compiled (the first queries of a run were the
            // slowest). Up to 30 warm-up runs within 3 s, then a pause for the background compiler.
            for (var i = 3; i < 30 && warmUp.Elapsed.TotalSeconds < 3; i++)
            {
                await query();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task<double> RequestsPerSecondAsync(HttpClient client, string path, ScaleSettings settings)
    {
        await GetAsync(client, path);
        var until = Stopwatch.StartNew();
        var done = 0;
        var workers = Enumerable.Range(0, settings.Clients).Select(async _ =>
        {
            while (until.Elapsed.TotalSeconds < settings.Seconds)
            {
                await GetAsync(client, path);
                Interlocked.Increment(ref done);
            }
        });
        await Task.WhenAll(workers);
        return done / until.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> times) => Percentile(times, 50);

    private static double Percentile(List<double> times, int percent)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * percent / 100.0) - 1)];
    }

    private static string Percentiles(List<double> times) =>
        string.Create(CultureInfo.InvariantCulture, $"{Percentile(times, 50):N1} / {Percentile(times, 95):N1} ms");

    internal static string Row(string what, string app, string floor, string note) => $"| {what} | {app} | {floor} | {note} |";

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

/// <summary>Which scale to generate and how hard to measure.</summary>
public sealed record ScaleSettings(int Figures, int Runs, int ImportReports, int Seconds, int Clients)
{
    public const string AllParts = "engine,detection,queries,throughput,import,sessions";

    /// <summary>The parts to measure (all by default); a quick rerun of one part skips the others.</summary>
    public IReadOnlySet<string> Parts { get; init; } = AllParts.Split(',').ToHashSet();

    public bool Measures(string part) => Parts.Contains(part);

    /// <summary>How many explorer sessions to hold open at once, each count in turn.</summary>
    public IReadOnlyList<int> Sessions { get; init; } = [50, 200];

    /// <summary>What holds the sessions open: Chromium pages, or light HTTP sessions (a cookie and a connection each).</summary>
    public string SessionClient { get; init; } = SessionMemory.Chromium;

    /// <summary>Which list pages the sessions open, each in turn.</summary>
    public IReadOnlyList<string> SessionPages { get; init; } = ["/claims"];

    /// <summary>Keep the database and the app running after the measured parts (for EXPLAIN and SQL logs).</summary>
    public bool Hold { get; init; }
}

/// <summary>What the process allocated and collected between two moments: the GC's share of a pass shows beside its time.</summary>
/// <remarks>CPU time is the whole process's (all threads), which on a loaded machine says more than the wall clock.</remarks>
internal readonly record struct HeapUse(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Paused, TimeSpan Cpu)
{
    public static HeapUse Now() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration(), Process.GetCurrentProcess().TotalProcessorTime);

    public string Since(HeapUse start) => string.Create(CultureInfo.InvariantCulture,
        $"{(Allocated - start.Allocated) / 1048576.0:N0} MiB allocated, collections gen0/1/2 {Gen0 - start.Gen0}/{Gen1 - start.Gen1}/{Gen2 - start.Gen2}, GC pauses {(Paused - start.Paused).TotalSeconds:N1} s, process CPU {(Cpu - start.Cpu).TotalSeconds:N1} s");
}
