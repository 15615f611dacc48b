namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>A conflict as detection found it, before it is matched to what is stored.</summary>
/// <param name="Positions">
/// The statements on the disputed quantity, each with its corroborations and its camp. For the
/// single-source kinds (reporting discrepancy, trend reversal) every figure is its own position.
/// </param>
public sealed record DetectedConflict(
    ConflictKind Kind,
    int MetricId,
    string Scope,
    string Signature,
    double Severity,
    string Explanation,
    IReadOnlyList<DetectionFigure> Members,
    IReadOnlyList<DetectedPosition> Positions)
{
    /// <summary>What a stored conflict's ScopeKey holds: <see cref="Scope"/> folded as <see cref="Conflict.Scope"/> is.</summary>
    public string ScopeKey => Sources.NameKey.From(Scope);

    /// <summary>The position (and so the camp) a member figure belongs to.</summary>
    public DetectedPosition PositionOf(int figureId) => Positions.First(p => p.Figures.Any(f => f.FigureId == figureId));
}

/// <summary>
/// One statement on a disputed quantity: a source's figure, or the sum of the parts a source gave,
/// together with every report that repeats it (its corroborations).
/// </summary>
/// <param name="Number">1, 2, … in the order shown: by camp, then by value.</param>
/// <param name="Camp">Positions in one camp agree with each other; camps are numbered from the lowest values up.</param>
/// <param name="ConsistentCamps">Every camp this position agrees with (its own first): a hedge such as "more than 1,000" can fit two.</param>
public sealed record DetectedPosition(
    int Number,
    int Camp,
    int SourceId,
    string SourceName,
    Figures.ValueInterval Interval,
    bool IsSumOfParts,
    IReadOnlyList<DetectionFigure> Figures,
    IReadOnlyList<int> ConsistentCamps)
{
    /// <summary>How many reports carry this statement; more than one is corroboration.</summary>
    public int ReportCount => Figures.Select(f => f.ReportId).Distinct().Count();
}
