using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Metrics;

/// <summary>A catalogue metric's own fields as a writer (form, API, import) gives them.</summary>
public sealed record MetricDetails
{
    public string? Key { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Unit { get; init; }
    public FigureKind Kind { get; init; } = FigureKind.Count;
    public bool IsCumulative { get; init; }
    public bool IsSingleEvent { get; init; }
}
