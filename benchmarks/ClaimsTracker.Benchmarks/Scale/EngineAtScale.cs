using System.Diagnostics;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// The pure detector over the scale data set, without a database: what a full detection pass costs
/// in the engine alone, grouped as the service groups (metric family, scope), and which groups cost most.
/// </summary>
public static class EngineAtScale
{
    public static void Run(NewsroomData data, int runs, List<string> rows)
    {
        Console.WriteLine("Engine alone over the data set …");
        var metrics = data.Metrics.Select(m => new DetectionMetric(m.Id, m.Name, FigureKind.Count, IsCumulative: true, IsSingleEvent: false, m.PartIds)).ToList();
        var outlets = data.Outlets.ToDictionary(o => o.Id, o => o.Name);
        var names = data.Sources.ToDictionary(s => s.Id, s => s.Name);
        var figures = new List<DetectionFigure>(data.Shape.Figures);
        foreach (var report in data.Reports(1, data.Shape.Reports))
        {
            foreach (var claim in report.Claims)
            {
                figures.AddRange(claim.Figures.Select(f => new DetectionFigure
                {
                    FigureId = figures.Count + 1,
                    MetricId = f.MetricId,
                    Scope = f.Scope,
                    SourceId = claim.SourceId,
                    SourceName = names[claim.SourceId],
                    ReportId = report.Number,
                    Outlet = outlets[report.OutletId],
                    PublishedOn = report.PublishedOn,
                    AsWritten = f.AsWritten,
                    Qualifier = f.Qualifier,
                    Kind = FigureKind.Count,
                    Interval = f.Interval,
                    Time = f.Time,
                }));
            }
        }

        var detector = new ConflictDetector(new DetectionOptions());
        var families = new MetricFamilies(metrics);
        var groups = figures.GroupBy(f => (families.FamilyOf(f.MetricId), f.ScopeKey)).Select(g => (g.Key, Figures: g.ToList())).ToList();
        var times = new List<double>();
        var slowest = new List<(double Ms, int Figures, int Conflicts)>();
        var conflicts = 0;
        long allocated = 0;
        var heap = string.Empty;
        for (var run = 0; run <= runs; run++)
        {
            conflicts = 0;
            var perGroup = new List<(double, int, int)>(groups.Count);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var heapBefore = HeapUse.Now();
            var clock = Stopwatch.StartNew();
            foreach (var (key, members) in groups)
            {
                var start = clock.Elapsed.TotalMilliseconds;
                var found = detector.Detect(families.Members(key.Item1), members).Count;
                conflicts += found;
                perGroup.Add((clock.Elapsed.TotalMilliseconds - start, members.Count, found));
            }

            if (run > 0)
            {
                // Run 0 warms up the JIT and is not counted.
                times.Add(clock.Elapsed.TotalMilliseconds);
                // Allocation does not depend on the machine's load as time does: a steadier before/after.
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                heap = HeapUse.Now().Since(heapBefore);
                slowest = perGroup.OrderByDescending(g => g.Item1).Take(3).ToList();
            }
        }

        times.Sort();
        var sizes = groups.Select(g => g.Figures.Count).Order().ToList();
        Console.WriteLine($"  {figures.Count:N0} figures in {groups.Count:N0} groups (median {sizes[sizes.Count / 2]}, largest {sizes[^1]} figures); {conflicts:N0} conflicts");
        Console.WriteLine($"  full pass: median {times[times.Count / 2] / 1000:N1} s of {times.Count} runs, {allocated / 1048576.0:N0} MiB allocated ({heap}); slowest groups: {string.Join("; ", slowest.Select(s => $"{s.Ms:N0} ms for {s.Figures} figures ({s.Conflicts} conflicts)"))}");
        rows.Add(ScaleBenchmark.Row("Full detection, the engine alone (no database)", $"{times[times.Count / 2] / 1000:N1} s", string.Empty,
            $"{groups.Count:N0} groups, median {sizes[sizes.Count / 2]} figures, {conflicts:N0} conflicts, {allocated / 1048576.0:N0} MiB allocated; last run: {heap}"));
    }
}
