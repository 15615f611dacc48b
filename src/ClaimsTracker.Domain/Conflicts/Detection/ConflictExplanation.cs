using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>The one line a reviewer reads first: who said what, and why it cannot all be true.</summary>
public static class ConflictExplanation
{
    /// <summary>Stored explanations fit this many characters.</summary>
    public const int MaxLength = 1000;

    public static string For(ConflictKind kind, DetectionMetric metric, IReadOnlyList<DetectionFigure> members)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(members);
        var text = kind switch
        {
            ConflictKind.ValueDisagreement =>
                $"{BySource(members)} — {metric.Name}: these ranges do not overlap.",
            ConflictKind.DateDisagreement =>
                $"{BySource(members)} — different dates for one event ({metric.Name}).",
            ConflictKind.ReportingDiscrepancy =>
                $"{members[0].SourceName} is carried differently: {string.Join("; ", members.Select(f => $"{f.Outlet} has {Describe(f)}"))}.",
            ConflictKind.TrendReversal =>
                $"{members[0].SourceName}'s running total falls: {string.Join(", then ", members.OrderBy(f => f.Day).Select(Describe))}.",
            ConflictKind.PartsVersusWhole => PartsVersusWhole(metric, members),
            _ => $"{BySource(members)}.",
        };
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
    }

    /// <summary>
    /// A dispute in one line: each camp with the values its positions share and who holds it,
    /// lowest camp first. "Antony Blinken (2 reports)" marks a corroborated position.
    /// </summary>
    public static string ForDispute(DetectionMetric metric, IReadOnlyList<DetectedPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(positions);
        var camps = positions.GroupBy(p => p.Camp).OrderBy(g => g.Key).Select(camp =>
        {
            var shared = Shared(camp.Select(p => p.Interval).ToList());
            // One source's several statements in a camp read as one entry.
            var who = string.Join("; ", camp.GroupBy(p => (p.SourceName, p.IsSumOfParts))
                .Select(g => $"{g.Key.SourceName} {string.Join(", ", g.Select(Written))}"));
            return $"{FigureFormatting.Interval(metric.Kind, shared.Low, shared.High)}: {who}";
        }).ToList();
        var text = $"{camps.Count} camps on {metric.Name} that cannot all be right — {string.Join(" · ", camps)}.";
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
    }

    /// <summary>Who holds a position and how it was written: “300” + “2,700” for parts.</summary>
    public static string PositionText(DetectedPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return $"{position.SourceName} {Written(position)}";
    }

    private static string Written(DetectedPosition position)
    {
        var written = position.IsSumOfParts
            ? string.Join(" + ", position.Figures.DistinctBy(f => f.MetricId).Select(f => $"“{f.AsWritten}”"))
            : string.Join(", ", position.Figures.Select(f => f.AsWritten).Distinct(StringComparer.Ordinal).Select(w => $"“{w}”"));
        return position.ReportCount > 1 ? $"{written} ({position.ReportCount} reports)" : written;
    }

    /// <summary>The values every interval of a camp allows (they overlap, up to rounding).</summary>
    private static ValueInterval Shared(List<ValueInterval> intervals)
    {
        var low = intervals.Any(i => i.Low is not null) ? intervals.Where(i => i.Low is not null).Max(i => i.Low) : null;
        var high = intervals.Any(i => i.High is not null) ? intervals.Where(i => i.High is not null).Min(i => i.High) : null;
        // Within rounding the top may fall just below the bottom; show the point then.
        return low is { } l && high is { } h && h < l ? new(h, h, l) : new(low, null, high);
    }

    public static string Describe(DetectionFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var interval = FigureFormatting.Interval(figure.Kind, figure.Interval.Low, figure.Interval.High);
        return $"“{figure.AsWritten}” ({interval}) {When(figure)}";
    }

    public static string When(DetectionFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Time.Kind switch
        {
            TimeReferenceKind.AsOf => $"as of {figure.Day:yyyy-MM-dd}",
            TimeReferenceKind.Period => $"for {figure.Time.Start:yyyy-MM-dd} to {figure.Time.End:yyyy-MM-dd}",
            _ => $"as of {figure.PublishedOn:yyyy-MM-dd} (report date)",
        };
    }

    private static string BySource(IReadOnlyList<DetectionFigure> members) =>
        string.Join(" · ", members
            .GroupBy(f => f.SourceId)
            .Select(g => $"{g.First().SourceName}: {string.Join("; ", g.Select(Describe))}"));

    private static string PartsVersusWhole(DetectionMetric whole, IReadOnlyList<DetectionFigure> members)
    {
        var parts = members.Where(f => f.MetricId != whole.Id).ToList();
        var wholes = members.Where(f => f.MetricId == whole.Id).ToList();
        var sum = parts.Sum(p => p.Interval.Best ?? p.Interval.Low ?? 0);
        return $"{parts[0].SourceName}'s parts add up to {FigureFormatting.Value(whole.Kind, sum)} "
            + $"({string.Join(" + ", parts.Select(p => $"“{p.AsWritten}”"))}), which does not fit "
            + $"{string.Join("; ", wholes.Select(w => $"{w.SourceName}'s {Describe(w)}"))} for {whole.Name}.";
    }
}
