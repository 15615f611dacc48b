using System.Diagnostics;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.LocalDatabase;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Benchmarks;

/// <summary>
/// The stored path on a private PostgreSQL cluster: a full pass with reconciliation, the same pass
/// again (nothing to change), and the incremental pass an editor's save triggers.
/// </summary>
public static class DatabaseBenchmark
{
    private const int Families = 200;
    private const int PerFamily = 100;
    private const int IncrementalRuns = 30;

    public static async Task RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"claims-benchmark-{Environment.ProcessId}");
        Console.WriteLine($"Database: {Families * PerFamily:N0} stored figures in {Families} families on a private PostgreSQL …");
        await using var cluster = await LocalPostgresCluster.StartAsync(directory, durable: false);
        var contexts = new Contexts(cluster.ConnectionString("postgres"));
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var metricIds = await SeedAsync(contexts);
        var service = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);

        var full = await service.DetectAllAsync();
        Console.WriteLine($"  full detection with reconciliation: {full.Elapsed.TotalMilliseconds:N0} ms (read {full.Reading.TotalMilliseconds:N0}, detect {full.Detecting.TotalMilliseconds:N0}, save {full.Saving.TotalMilliseconds:N0}), {full.Added:N0} conflicts stored");
        var again = await service.DetectAllAsync();
        Console.WriteLine($"  full detection again (idempotent, {again.Added + again.Updated + again.Reopened + again.Withdrawn} changes): {again.Elapsed.TotalMilliseconds:N0} ms");

        var times = new List<double>();
        var random = new Random(11);
        for (var run = 0; run < IncrementalRuns; run++)
        {
            var metricId = metricIds[random.Next(metricIds.Count)];
            await using (var db = contexts.CreateDbContext())
            {
                var figure = await db.Figures.Where(f => f.MetricId == metricId).OrderBy(f => f.Id).FirstAsync();
                figure.Interval = ValueInterval.Exactly((figure.Best ?? 0) + 1);
                await db.SaveChangesAsync();
            }

            var clock = Stopwatch.StartNew();
            var incremental = await service.DetectForMetricsAsync([metricId]);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (run == IncrementalRuns - 1)
            {
                Console.WriteLine($"  last incremental run: read {incremental.Reading.TotalMilliseconds:N1} ms, detect {incremental.Detecting.TotalMilliseconds:N1} ms, save {incremental.Saving.TotalMilliseconds:N1} ms, lock and the rest {(clock.Elapsed - incremental.Elapsed).TotalMilliseconds:N1} ms");
            }
        }

        times.Sort();
        Console.WriteLine($"  incremental after one figure changed ({IncrementalRuns} runs, read + detect + reconcile + audit): median {times[IncrementalRuns / 2]:N1} ms, worst {times[^1]:N1} ms");
        try
        {
            await cluster.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static async Task<List<int>> SeedAsync(Contexts contexts)
    {
        var (metrics, figures) = SyntheticFigures.Generate(Families, PerFamily);
        await using var db = contexts.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var outlet = new Source { Name = "Synthetic Wire", Kind = SourceKind.Outlet };
        var sources = Enumerable.Range(0, 12).Select(i => new Source { Name = $"Source {i}", Kind = SourceKind.Person }).ToList();
        var stored = metrics.ToDictionary(m => m.Id, m => new Metric { Key = $"metric-{m.Id}", Name = m.Name, Kind = m.Kind, IsCumulative = m.IsCumulative });
        foreach (var metric in metrics)
        {
            stored[metric.Id].Parts.AddRange(metric.PartIds.Select(p => new MetricPart { Whole = stored[metric.Id], Part = stored[p] }));
        }

        db.Sources.Add(outlet);
        db.Sources.AddRange(sources);
        db.Metrics.AddRange(stored.Values);
        const string text = "A synthetic sentence that carries a figure.";
        foreach (var byReport in figures.GroupBy(f => f.ReportId))
        {
            var first = byReport.First();
            var report = new Report
            {
                Title = $"Synthetic report {byReport.Key}",
                Outlet = outlet,
                PublishedOn = first.PublishedOn,
                Url = $"https://example.org/benchmark/{byReport.Key}",
                Text = text,
                EnteredBy = "benchmark",
                EnteredAt = TimeProvider.System.GetUtcNow(),
            };
            foreach (var figure in byReport)
            {
                var claim = new Claim { Source = sources[figure.SourceId], Summary = "synthetic", Quote = QuoteAnchoring.At(text, 0, text.Length) };
                claim.Figures.Add(new Figure
                {
                    Metric = stored[figure.MetricId],
                    Kind = figure.Kind,
                    Scope = figure.Scope,
                    AsWritten = figure.AsWritten,
                    Qualifier = figure.Qualifier,
                    Interval = figure.Interval,
                    Time = figure.Time,
                });
                report.Claims.Add(claim);
            }

            db.Reports.Add(report);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return stored.Values.Select(m => m.Id).ToList();
    }

    private sealed class Contexts(string connectionString) : IDbContextFactory<ClaimsDbContext>
    {
        public ClaimsDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options);
    }
}
