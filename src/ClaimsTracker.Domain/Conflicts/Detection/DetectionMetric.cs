using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>A metric as detection sees it: how its figures may be compared.</summary>
public sealed record DetectionMetric(
    int Id,
    string Name,
    FigureKind Kind,
    bool IsCumulative,
    bool IsSingleEvent,
    IReadOnlyList<int> PartIds);
