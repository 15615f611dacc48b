namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>A conflict as detection found it, before it is matched to what is stored.</summary>
public sealed record DetectedConflict(
    ConflictKind Kind,
    int MetricId,
    string Scope,
    string Signature,
    double Severity,
    string Explanation,
    IReadOnlyList<DetectionFigure> Members);
