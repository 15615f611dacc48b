namespace ClaimsTracker.Domain.Metrics;

/// <summary>One component of a whole metric: the whole equals the sum of its parts.</summary>
public class MetricPart
{
    public int WholeId { get; set; }
    public Metric? Whole { get; set; }

    public int PartId { get; set; }
    public Metric? Part { get; set; }
}
