using System.Diagnostics;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>One named step of a detection run and how long it took.</summary>
public readonly record struct DetectionStep(string Name, TimeSpan Took);

/// <summary>
/// Times a run step by step (each mark closes the step since the previous one), so that the slow runs of a benchmark
/// can say where their time went: a round trip, the commit, the collector.
/// </summary>
internal sealed class DetectionSteps
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<DetectionStep> steps = [];
    private TimeSpan last;

    public IReadOnlyList<DetectionStep> Steps => steps;

    public void Mark(string name)
    {
        var now = clock.Elapsed;
        steps.Add(new DetectionStep(name, now - last));
        last = now;
    }
}
