namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>One source's figure repeated by several reports: support, not disagreement.</summary>
public sealed record CorroborationGroup(int SourceId, int MetricId, IReadOnlyList<int> FigureIds, int ReportCount);

public static class Corroboration
{
    /// <summary>Figures of one source, metric and scope with the same interval and time, in two or more reports.</summary>
    public static IReadOnlyList<CorroborationGroup> Find(IEnumerable<DetectionFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures
            .GroupBy(f => (f.SourceId, f.MetricId, f.ScopeKey, f.Interval.Low, f.Interval.High, f.Time.Kind, f.Time.Start, f.Time.End))
            .Select(g => new CorroborationGroup(g.Key.SourceId, g.Key.MetricId, g.Select(f => f.FigureId).Order().ToList(), g.Select(f => f.ReportId).Distinct().Count()))
            .Where(g => g.ReportCount > 1)
            .ToList();
    }
}
