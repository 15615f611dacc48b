using System.Diagnostics;
using ClaimsTracker.Domain.Conflicts.Detection;

namespace ClaimsTracker.Benchmarks;

/// <summary>The pure detector: a full pass over every family, and one family again after a change.</summary>
public static class EngineBenchmark
{
    private const int FullRuns = 5;
    private const int IncrementalRuns = 2_000;

    public static Task RunAsync(int families, int perFamily)
    {
        Console.WriteLine($"Generating {families * perFamily:N0} figures in {families:N0} metric families …");
        var (metrics, figures) = SyntheticFigures.Generate(families, perFamily);
        var detector = new ConflictDetector(new DetectionOptions());
        var metricFamilies = new MetricFamilies(metrics);
        var heapWithData = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  managed heap holding the figures: {heapWithData / 1048576.0:N0} MiB");

        var fullTimes = new List<double>();
        var conflicts = 0;
        long allocated = 0;
        for (var run = 0; run <= FullRuns; run++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            conflicts = 0;
            // As the service does: group by (family, scope), then detect group by group.
            foreach (var group in figures.GroupBy(f => (metricFamilies.FamilyOf(f.MetricId), f.ScopeKey)))
            {
                conflicts += detector.Detect(metricFamilies.Members(group.Key.Item1), group.ToList()).Count;
            }

            clock.Stop();
            if (run > 0)
            {
                // Run 0 warms up the JIT and is not counted.
                fullTimes.Add(clock.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            }
        }

        fullTimes.Sort();
        Console.WriteLine($"Full detection ({FullRuns} runs): median {fullTimes[FullRuns / 2]:N0} ms, best {fullTimes[0]:N0} ms, worst {fullTimes[^1]:N0} ms; {conflicts:N0} conflicts; {allocated / 1048576.0:N0} MiB allocated per run");

        // Incremental: one figure changed; only its family is read and detected again.
        var byFamily = figures.GroupBy(f => metricFamilies.FamilyOf(f.MetricId)).ToDictionary(g => g.Key, g => g.ToList());
        var random = new Random(7);
        var times = new List<double>(IncrementalRuns);
        for (var run = 0; run < IncrementalRuns; run++)
        {
            var changed = figures[random.Next(figures.Count)];
            var clock = Stopwatch.StartNew();
            var family = metricFamilies.FamilyOf(changed.MetricId);
            foreach (var group in byFamily[family].GroupBy(f => f.ScopeKey))
            {
                detector.Detect(metricFamilies.Members(family), group.ToList());
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"Incremental detection of one family ({IncrementalRuns:N0} runs): median {times[IncrementalRuns / 2]:N3} ms, p99 {times[IncrementalRuns * 99 / 100]:N3} ms");
        Console.WriteLine($"  peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
        return Task.CompletedTask;
    }
}
