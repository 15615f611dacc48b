using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>
/// Finds the figures of one metric family, in one scope, that cannot all be right. Pure: the
/// same figures always give the same conflicts, with the same signatures.
/// </summary>
/// <remarks>
/// Figures are compared only where the comparison means something: the same metric, a
/// comparable time (as-of days within a window, the same period, or any time for a single event)
/// and intervals that do not overlap. Each kind of disagreement is a set of edges between
/// figures; connected figures become one conflict. docs/conflict-rules.md has the rules.
/// </remarks>
public sealed class ConflictDetector(DetectionOptions options)
{
    private sealed record Edge(ConflictKind Kind, int MetricId, string GroupKey, IReadOnlyList<DetectionFigure> Figures, double Severity);

    public IReadOnlyList<DetectedConflict> Detect(
        IReadOnlyList<DetectionMetric> family,
        IReadOnlyList<DetectionFigure> figures,
        IReadOnlySet<FigurePair>? dismissed = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(figures);
        dismissed ??= new HashSet<FigurePair>();

        var byMetric = figures.GroupBy(f => f.MetricId).ToDictionary(g => g.Key, g => g.ToList());
        var edges = new List<Edge>();
        foreach (var metric in family)
        {
            if (byMetric.TryGetValue(metric.Id, out var ofMetric) && ofMetric.Count > 1)
            {
                CompareAcrossSources(metric, ofMetric, dismissed, edges);
                CompareWithinSources(metric, ofMetric, dismissed, edges);
            }

            if (metric.PartIds.Count > 0)
            {
                ComparePartsWithWhole(metric, byMetric, dismissed, edges);
            }
        }

        var metrics = family.ToDictionary(m => m.Id);
        return edges
            .GroupBy(e => (e.Kind, e.MetricId, e.GroupKey))
            .SelectMany(g => Components(g.ToList()).Select(c => ToConflict(metrics[g.Key.MetricId], g.Key.Kind, g.Key.GroupKey, c)))
            .OrderByDescending(c => c.Severity)
            .ThenBy(c => c.Signature, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Value (or date) disagreement: two sources, a comparable time, intervals apart.</summary>
    private void CompareAcrossSources(DetectionMetric metric, List<DetectionFigure> figures, IReadOnlySet<FigurePair> dismissed, List<Edge> edges)
    {
        var kind = metric.Kind == FigureKind.Date ? ConflictKind.DateDisagreement : ConflictKind.ValueDisagreement;
        foreach (var (a, b) in ComparablePairs(metric, figures))
        {
            if (a.SourceId == b.SourceId || !Disagree(metric.Kind, a.Interval, b.Interval, out var severity) || dismissed.Contains(new FigurePair(a.FigureId, b.FigureId)))
            {
                continue;
            }

            var groupKey = $"{Math.Min(a.SourceId, b.SourceId)}-{Math.Max(a.SourceId, b.SourceId)}";
            edges.Add(new Edge(kind, metric.Id, groupKey, [a, b], severity));
        }
    }

    /// <summary>
    /// One source against itself: carried differently by two reports (reporting discrepancy), or
    /// a running total that falls over time (trend reversal).
    /// </summary>
    private void CompareWithinSources(DetectionMetric metric, List<DetectionFigure> figures, IReadOnlySet<FigurePair> dismissed, List<Edge> edges)
    {
        foreach (var ofSource in figures.GroupBy(f => f.SourceId).Where(g => g.Skip(1).Any()))
        {
            var list = ofSource.OrderBy(f => f.FigureId).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (dismissed.Contains(new FigurePair(a.FigureId, b.FigureId)))
                    {
                        continue;
                    }

                    var groupKey = ofSource.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var apart = Disagree(metric.Kind, a.Interval, b.Interval, out var severity);
                    if (apart && FallsOverTime(metric, a, b) is { } fall)
                    {
                        edges.Add(new Edge(ConflictKind.TrendReversal, metric.Id, groupKey, fall, severity));
                    }
                    else if (a.ReportId != b.ReportId && TimesNear(metric, a, b) && (apart || FramingDiffers(a, b)))
                    {
                        edges.Add(new Edge(ConflictKind.ReportingDiscrepancy, metric.Id, groupKey, [a, b], apart ? severity : options.FramingSeverity));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Parts from one source and report, summed, against a whole from anywhere at a comparable
    /// time: 300 killed + 2,700 wounded cannot be "approximately 200" killed or wounded.
    /// </summary>
    private void ComparePartsWithWhole(DetectionMetric whole, Dictionary<int, List<DetectionFigure>> byMetric, IReadOnlySet<FigurePair> dismissed, List<Edge> edges)
    {
        if (!byMetric.TryGetValue(whole.Id, out var wholes))
        {
            return;
        }

        var parts = whole.PartIds.SelectMany(id => byMetric.GetValueOrDefault(id) ?? []).ToList();
        foreach (var set in parts.GroupBy(p => (p.SourceId, p.ReportId, Time: TimeKey(p))))
        {
            var members = set.ToList();
            var sum = Sum(members, complete: whole.PartIds.All(id => members.Any(m => m.MetricId == id)));
            var representative = members[0];
            foreach (var w in wholes)
            {
                if (!Disagree(whole.Kind, sum, w.Interval, out var severity)
                    || !Comparable(whole, representative, w)
                    || members.Any(m => dismissed.Contains(new FigurePair(m.FigureId, w.FigureId))))
                {
                    continue;
                }

                edges.Add(new Edge(ConflictKind.PartsVersusWhole, whole.Id, $"{set.Key.SourceId}>{w.SourceId}", [.. members, w], severity));
            }
        }
    }

    private IEnumerable<(DetectionFigure A, DetectionFigure B)> ComparablePairs(DetectionMetric metric, List<DetectionFigure> figures)
    {
        if (metric.IsSingleEvent)
        {
            for (var i = 0; i < figures.Count; i++)
            {
                for (var j = i + 1; j < figures.Count; j++)
                {
                    yield return (figures[i], figures[j]);
                }
            }

            yield break;
        }

        // Sorted by day, each figure meets only its neighbours within the window: no all-pairs.
        var points = figures.Where(f => f.Day is not null).OrderBy(f => f.Day).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count && points[j].Day!.Value.DayNumber - points[i].Day!.Value.DayNumber <= options.ComparableWindowDays; j++)
            {
                yield return (points[i], points[j]);
            }
        }

        foreach (var period in figures.Where(f => f.Day is null).GroupBy(f => (f.Time.Start, f.Time.End)))
        {
            var list = period.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    yield return (list[i], list[j]);
                }
            }
        }
    }

    private bool Comparable(DetectionMetric metric, DetectionFigure a, DetectionFigure b) =>
        metric.IsSingleEvent
        || (a.Day, b.Day) switch
        {
            ({ } x, { } y) => Math.Abs(x.DayNumber - y.DayNumber) <= options.ComparableWindowDays,
            (null, null) => a.Time.Start == b.Time.Start && a.Time.End == b.Time.End,
            _ => false,
        };

    /// <summary>Near enough that one source should have said the same thing.</summary>
    private bool TimesNear(DetectionMetric metric, DetectionFigure a, DetectionFigure b)
    {
        if (metric.IsSingleEvent)
        {
            return true;
        }

        var (aStart, aEnd) = Span(a);
        var (bStart, bEnd) = Span(b);
        var gap = Math.Max(aStart.DayNumber - bEnd.DayNumber, bStart.DayNumber - aEnd.DayNumber);
        return gap <= options.ComparableWindowDays;
    }

    /// <summary>A total "by the end of December" and a count "in the last week of December" are different claims.</summary>
    private static bool FramingDiffers(DetectionFigure a, DetectionFigure b) =>
        (a.Time.Kind, b.Time.Kind) switch
        {
            (TimeReferenceKind.AsOf, TimeReferenceKind.Period) or (TimeReferenceKind.Period, TimeReferenceKind.AsOf) => true,
            (TimeReferenceKind.Period, TimeReferenceKind.Period) => a.Time.Start != b.Time.Start || a.Time.End != b.Time.End,
            _ => false,
        };

    /// <summary>The later of two as-of figures of a running total lies wholly below the earlier.</summary>
    private static IReadOnlyList<DetectionFigure>? FallsOverTime(DetectionMetric metric, DetectionFigure a, DetectionFigure b)
    {
        if (!metric.IsCumulative || a.Day is not { } dayA || b.Day is not { } dayB || dayA == dayB)
        {
            return null;
        }

        var (earlier, later) = dayA < dayB ? (a, b) : (b, a);
        return later.Interval.High is { } high && earlier.Interval.Low is { } low && high < low ? [earlier, later] : null;
    }

    private static (DateOnly Start, DateOnly End) Span(DetectionFigure f) =>
        f.Day is { } day ? (day, day) : (f.Time.Start ?? f.Time.End ?? f.PublishedOn, f.Time.End ?? f.PublishedOn);

    private static string TimeKey(DetectionFigure f) =>
        f.Day is { } day ? $"d{day.DayNumber}" : $"p{f.Time.Start?.DayNumber}-{f.Time.End?.DayNumber}";

    /// <summary>
    /// The interval the parts add up to. Counts are never negative, so a missing part adds zero
    /// below and makes the top open.
    /// </summary>
    private static ValueInterval Sum(List<DetectionFigure> parts, bool complete)
    {
        var low = parts.Sum(p => p.Interval.Low ?? 0);
        var best = parts.Sum(p => p.Interval.Best ?? p.Interval.Low ?? 0);
        decimal? high = complete && parts.All(p => p.Interval.High is not null) ? parts.Sum(p => p.Interval.High!.Value) : null;
        return new ValueInterval(low, best, high);
    }

    /// <summary>Intervals apart by more than rounding; <paramref name="severity"/> says how far.</summary>
    private bool Disagree(FigureKind kind, ValueInterval a, ValueInterval b, out double severity)
    {
        severity = a.Overlaps(b) ? 0 : Severity(kind, a, b);
        return !a.Overlaps(b) && (kind is FigureKind.Date or FigureKind.Year || severity >= options.MinimumSeverity);
    }

    /// <summary>
    /// 0 for touching intervals, towards 1 as they move apart: for counts the ratio between the
    /// closest ends (1,100 against 3,000 is 0.63), for dates and years the gap over a full scale.
    /// </summary>
    private double Severity(FigureKind kind, ValueInterval a, ValueInterval b)
    {
        var (lower, upper) = a.High is { } ah && b.Low is { } bl && ah < bl ? (a, b) : (b, a);
        if (lower.High is not { } top || upper.Low is not { } bottom || top >= bottom)
        {
            return 0;
        }

        var gap = (double)(bottom - top);
        var severity = kind switch
        {
            FigureKind.Date => gap / options.DateSeverityFullDays,
            FigureKind.Year => gap / options.YearSeverityFullYears,
            _ when bottom > 0 && top >= 0 => 1 - (double)(top / bottom),
            _ => 1,
        };
        return Math.Round(Math.Clamp(severity, 0, 1), 3);
    }

    /// <summary>Edges that share a figure describe one disagreement.</summary>
    private static IEnumerable<List<Edge>> Components(List<Edge> edges)
    {
        var parent = new Dictionary<int, int>();
        int Find(int id)
        {
            if (!parent.TryGetValue(id, out var p))
            {
                parent[id] = id;
                return id;
            }

            return p == id ? id : parent[id] = Find(p);
        }

        foreach (var edge in edges)
        {
            var root = Find(edge.Figures[0].FigureId);
            foreach (var figure in edge.Figures.Skip(1))
            {
                var other = Find(figure.FigureId);
                if (other != root)
                {
                    parent[Math.Max(root, other)] = Math.Min(root, other);
                    root = Math.Min(root, other);
                }
            }
        }

        return edges.GroupBy(e => Find(e.Figures[0].FigureId)).Select(g => g.ToList());
    }

    private static DetectedConflict ToConflict(DetectionMetric metric, ConflictKind kind, string groupKey, List<Edge> edges)
    {
        var members = edges.SelectMany(e => e.Figures).DistinctBy(f => f.FigureId).OrderBy(f => f.FigureId).ToList();
        var scope = members[0].Scope;
        // The smallest member id anchors the signature: figures joining later do not change it.
        var signature = $"{kind}|{metric.Id}|{members[0].ScopeKey}|{groupKey}|{members[0].FigureId}";
        var explanation = ConflictExplanation.For(kind, metric, members);
        return new DetectedConflict(kind, metric.Id, scope, signature, edges.Max(e => e.Severity), explanation, members);
    }
}
