using System.Globalization;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>
/// Finds the figures of one metric family, in one scope, that cannot all be right. Pure: the
/// same figures always give the same conflicts, with the same signatures.
/// </summary>
/// <remarks>
/// Figures become positions first: one source's statement, repeated by several reports, is one
/// position with its corroborations, and the parts one source gives at one time are one position
/// on the whole (their sum). Positions that disagree at a comparable time are linked; linked
/// positions, with the positions around them that agree, form one dispute per quantity and period,
/// and within it the positions that agree are grouped into camps. Two single-source kinds stay
/// apart: a source carried with a different framing by two reports, and a running total that
/// falls. docs/conflict-rules.md has the rules.
/// </remarks>
public sealed class ConflictDetector(DetectionOptions options)
{
    private sealed record Edge(ConflictKind Kind, int MetricId, string GroupKey, IReadOnlyList<DetectionFigure> Figures, double Severity);

    /// <summary>A statement before it is placed in a dispute.</summary>
    private sealed class Position
    {
        public required int SourceId { get; init; }
        public required string SourceName { get; init; }
        public required ValueInterval Interval { get; init; }
        public required List<DetectionFigure> Figures { get; init; }
        public bool IsSumOfParts { get; init; }
        public DetectionFigure First => Figures[0];
        public int Anchor => anchor ??= Figures.Min(f => f.FigureId);
        public DateOnly? FirstDay => First.Day is null ? null : firstDay ??= Figures.Min(f => f.Day);
        public DateOnly? LastDay => First.Day is null ? null : lastDay ??= Figures.Max(f => f.Day);
        public HashSet<int> Reports => reports ??= [.. Figures.Select(f => f.ReportId)];

        private int? anchor;
        private DateOnly? firstDay, lastDay;
        private HashSet<int>? reports;
    }

    public IReadOnlyList<DetectedConflict> Detect(
        IReadOnlyList<DetectionMetric> family,
        IReadOnlyList<DetectionFigure> figures,
        IReadOnlySet<FigurePair>? dismissed = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(figures);
        dismissed ??= new HashSet<FigurePair>();

        var byMetric = figures.GroupBy(f => f.MetricId).ToDictionary(g => g.Key, g => g.ToList());
        var conflicts = new List<DetectedConflict>();
        var edges = new List<Edge>();
        foreach (var metric in family)
        {
            var positions = PositionsOn(metric, byMetric);
            if (positions.Count > 1)
            {
                conflicts.AddRange(Disputes(metric, positions, dismissed));
            }

            if (byMetric.TryGetValue(metric.Id, out var ofMetric) && ofMetric.Count > 1)
            {
                CompareWithinSources(metric, ofMetric, dismissed, edges);
            }
        }

        var metrics = family.ToDictionary(m => m.Id);
        conflicts.AddRange(edges
            .GroupBy(e => (e.Kind, e.MetricId, e.GroupKey))
            .SelectMany(g => Components(g.ToList()).Select(c => ToSingleSourceConflict(metrics[g.Key.MetricId], g.Key.Kind, g.Key.GroupKey, c))));
        return conflicts
            .OrderByDescending(c => c.Severity)
            .ThenBy(c => c.Signature, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Whether two figures disagree, and why or why not, by the same rules detection uses (a pair
    /// a reviewer dismissed aside).
    /// </summary>
    public FigureComparison Compare(DetectionMetric metricOfA, DetectionFigure a, DetectionMetric metricOfB, DetectionFigure b)
    {
        ArgumentNullException.ThrowIfNull(metricOfA);
        ArgumentNullException.ThrowIfNull(metricOfB);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.FigureId == b.FigureId)
        {
            return new(false, "It is the same figure.", 0);
        }

        if (a.ScopeKey != b.ScopeKey)
        {
            return new(false, $"Different scopes (“{a.Scope}” and “{b.Scope}”) are never compared.", 0);
        }

        var (whole, part, wholeMetric) = metricOfA.PartIds.Contains(b.MetricId) ? (a, b, metricOfA)
            : metricOfB.PartIds.Contains(a.MetricId) ? (b, a, metricOfB)
            : (null, null, null);
        if (a.MetricId != b.MetricId && whole is null)
        {
            return new(false, $"Different quantities ({metricOfA.Name}, {metricOfB.Name}) that are not parts of one another.", 0);
        }

        var metric = wholeMetric ?? metricOfA;
        if (!Comparable(metric, a.Day, a.Day, b.Day, b.Day, a.Time, b.Time))
        {
            return new(false, $"Not the same time: {ConflictExplanation.When(a)} against {ConflictExplanation.When(b)}.", 0);
        }

        if (whole is not null)
        {
            // A part alone says only that the whole is at least that large.
            var atLeast = new ValueInterval(part!.Interval.Low ?? 0, part.Interval.Best, null);
            return Disagree(metric.Kind, atLeast, whole.Interval, out var partSeverity)
                ? new(true, $"The part alone ({FigureFormatting.Interval(part.Kind, part.Interval.Low, part.Interval.High)}) is larger than the whole ({FigureFormatting.Interval(whole.Kind, whole.Interval.Low, whole.Interval.High)}).", partSeverity)
                : new(false, "The part fits inside the whole.", 0);
        }

        if (a.SourceId == b.SourceId && a.ReportId == b.ReportId)
        {
            return new(false, "One source in one report: a range or an update, not a dispute.", 0);
        }

        if (!metric.IsSingleEvent && a.Day is { } dayA && b.Day is { } dayB && dayA != dayB)
        {
            if (a.SourceId == b.SourceId)
            {
                return new(false, "One source on different days: its own revision, not a dispute.", 0);
            }

            var (earlier, later) = dayA < dayB ? (a, b) : (b, a);
            if (TimeChangesValues(metric) && !ChangedMoreThanTimeExplains(metric, earlier.Interval, later.Interval))
            {
                return new(false, $"Different days ({ConflictExplanation.When(earlier)}, then {ConflictExplanation.When(later)}): a change time can explain.", 0);
            }
        }

        if (a.SourceId == b.SourceId && a.Interval == b.Interval)
        {
            return new(false, "The same statement repeated: corroboration, not disagreement.", 0);
        }

        if (Disagree(metric.Kind, a.Interval, b.Interval, out var severity))
        {
            return new(true, $"{FigureFormatting.Interval(a.Kind, a.Interval.Low, a.Interval.High)} and {FigureFormatting.Interval(b.Kind, b.Interval.Low, b.Interval.High)} do not overlap (severity {severity.ToString("0.00", CultureInfo.InvariantCulture)}).", severity);
        }

        return a.Interval.Overlaps(b.Interval)
            ? new(false, "The ranges overlap: both can be right.", 0)
            : new(false, "Apart by less than rounding.", 0);
    }

    /// <summary>
    /// The statements on one metric: each source's figures with one interval, grouped while their
    /// times are comparable (corroboration), plus, for a whole, the sums of the parts each source gave.
    /// </summary>
    private List<Position> PositionsOn(DetectionMetric metric, Dictionary<int, List<DetectionFigure>> byMetric)
    {
        var positions = new List<Position>();
        foreach (var same in (byMetric.GetValueOrDefault(metric.Id) ?? []).GroupBy(f => (f.SourceId, f.Interval.Low, f.Interval.High, Time: metric.IsSingleEvent ? default : TimeClass(f))))
        {
            foreach (var cluster in ChainByDay(metric, same.ToList()))
            {
                positions.Add(new Position { SourceId = same.Key.SourceId, SourceName = cluster[0].SourceName, Interval = cluster[0].Interval, Figures = cluster });
            }
        }

        if (metric.PartIds.Count > 0)
        {
            positions.AddRange(PartSums(metric, byMetric));
        }

        return positions.OrderBy(p => p.Anchor).ToList();
    }

    /// <summary>
    /// The parts one source gave in one report at one time add up to one position on the whole.
    /// A part repeated in the report counts once, and the same split repeated by other reports is
    /// a corroboration of that position, never added again.
    /// </summary>
    private IEnumerable<Position> PartSums(DetectionMetric whole, Dictionary<int, List<DetectionFigure>> byMetric)
    {
        var parts = whole.PartIds.SelectMany(id => byMetric.GetValueOrDefault(id) ?? []).ToList();
        var sets = parts
            .GroupBy(p => (p.SourceId, p.ReportId, Time: whole.IsSingleEvent ? "" : TimeKey(p)))
            .Select(set =>
            {
                var perPart = set.GroupBy(p => p.MetricId).OrderBy(g => g.Key)
                    .Select(g => (MetricId: g.Key, Interval: Hull(g.Select(f => f.Interval).Distinct().ToList())))
                    .ToList();
                var complete = whole.PartIds.All(id => perPart.Any(p => p.MetricId == id));
                var split = string.Join(";", perPart.Select(p => $"{p.MetricId}:{p.Interval.Low}-{p.Interval.High}"));
                return (set.Key.SourceId, Split: split, Sum: Sum(perPart.Select(p => p.Interval).ToList(), complete), Figures: set.OrderBy(f => f.FigureId).ToList());
            });
        foreach (var same in sets.GroupBy(s => (s.SourceId, s.Split, Time: whole.IsSingleEvent ? default : TimeClass(s.Figures[0]))))
        {
            var bySet = same.ToList();
            foreach (var cluster in ChainByDay(whole, bySet.Select(s => s.Figures[0]).ToList()))
            {
                var members = bySet.Where(s => cluster.Contains(s.Figures[0])).SelectMany(s => s.Figures).OrderBy(f => f.FigureId).ToList();
                yield return new Position { SourceId = same.Key.SourceId, SourceName = members[0].SourceName, Interval = bySet[0].Sum, Figures = members, IsSumOfParts = true };
            }
        }
    }

    /// <summary>Figures of one statement whose days follow each other within the window belong together.</summary>
    private List<List<DetectionFigure>> ChainByDay(DetectionMetric metric, List<DetectionFigure> figures)
    {
        if (figures.Count == 1)
        {
            // Most statements are made once: nothing to chain.
            return [figures];
        }

        if (metric.IsSingleEvent || figures[0].Day is null)
        {
            return [figures.OrderBy(f => f.FigureId).ToList()];
        }

        var clusters = new List<List<DetectionFigure>>();
        foreach (var figure in figures.OrderBy(f => f.Day).ThenBy(f => f.FigureId))
        {
            if (clusters.Count > 0 && figure.Day!.Value.DayNumber - clusters[^1][^1].Day!.Value.DayNumber <= WindowDays(metric))
            {
                clusters[^1].Add(figure);
            }
            else
            {
                clusters.Add([figure]);
            }
        }

        return clusters.Select(c => c.OrderBy(f => f.FigureId).ToList()).ToList();
    }

    /// <summary>
    /// Positions that disagree at a comparable time are linked; each linked group, with the
    /// positions around it that agree, is one dispute with its camps.
    /// </summary>
    private IEnumerable<DetectedConflict> Disputes(DetectionMetric metric, List<Position> positions, IReadOnlySet<FigurePair> dismissed)
    {
        var parent = Enumerable.Range(0, positions.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var linked = new bool[positions.Count];
        var severity = new double[positions.Count];
        var agreeingNeighbours = new List<(int, int)>();

        foreach (var (i, j) in ComparablePositionPairs(metric, positions))
        {
            var (p, q) = (positions[i], positions[j]);
            if (p.IsSumOfParts && q.IsSumOfParts)
            {
                // Sums meet wholes; part against part is the parts' own metric's business.
                continue;
            }

            if (DifferentMoments(metric, p, q) && (p.SourceId == q.SourceId || (TimeChangesValues(metric) && !ChangedMoreThanTimeExplains(metric, p, q))))
            {
                // Counts of different days differ because time passed (a toll grows, the missing
                // are found, a source revises its own figure); between two sources only a running
                // total that falls, or growth far beyond plausible, is a disagreement across days.
                continue;
            }

            if ((p.SourceId == q.SourceId && p.Reports.Overlaps(q.Reports))
                || !Disagree(metric.Kind, p.Interval, q.Interval, out var pairSeverity)
                || dismissed.Count > 0 && p.Figures.Any(f => q.Figures.Any(g => dismissed.Contains(new FigurePair(f.FigureId, g.FigureId)))))
            {
                agreeingNeighbours.Add((i, j));
                continue;
            }

            (linked[i], linked[j]) = (true, true);
            var (a, b) = (Find(i), Find(j));
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }

            var root = Find(i);
            severity[root] = Math.Max(Math.Max(severity[root], severity[a]), Math.Max(severity[b], pairSeverity));
        }

        // A disagreement that goes on (both sides revise, neither converges) is one dispute: the
        // disputes a source takes part in within the window join.
        var linkedBySource = Enumerable.Range(0, positions.Count).Where(i => linked[i]).GroupBy(i => positions[i].SourceId);
        foreach (var ofSource in linkedBySource)
        {
            var list = ofSource.ToList();
            for (var x = 1; x < list.Count; x++)
            {
                var (a, b) = (Find(list[0]), Find(list[x]));
                if (a != b && Comparable(metric, positions[list[0]].FirstDay, positions[list[0]].LastDay, positions[list[x]].FirstDay, positions[list[x]].LastDay, positions[list[0]].First.Time, positions[list[x]].First.Time))
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                    severity[Math.Min(a, b)] = Math.Max(severity[a], severity[b]);
                }
            }
        }

        var groups = Enumerable.Range(0, positions.Count).Where(i => linked[i]).GroupBy(Find).ToDictionary(g => g.Key, g => g.ToList());
        if (groups.Count == 0)
        {
            yield break;
        }

        // Positions that disagree with nobody still belong beside the dispute they are comparable with.
        var anchorOf = groups.ToDictionary(g => g.Key, g => g.Value.Where(i => linked[i]).Min(i => positions[i].Anchor));
        var attached = new Dictionary<int, int>();
        foreach (var (i, j) in agreeingNeighbours)
        {
            foreach (var (free, other) in new[] { (i, j), (j, i) })
            {
                if (!linked[free] && linked[other])
                {
                    var group = Find(other);
                    if (!attached.TryGetValue(free, out var current) || anchorOf[group] < anchorOf[current])
                    {
                        attached[free] = group;
                    }
                }
            }
        }

        foreach (var (free, group) in attached)
        {
            groups[group].Add(free);
        }

        var placed = groups.Values.SelectMany(g => g).ToHashSet();
        foreach (var (root, members) in groups)
        {
            // What a source in the dispute said on other days of the window is its history, shown
            // in its camp but never deciding it.
            var history = Enumerable.Range(0, positions.Count)
                .Where(i => !placed.Contains(i) && members.Any(m => positions[m].SourceId == positions[i].SourceId
                    && Comparable(metric, positions[m].FirstDay, positions[m].LastDay, positions[i].FirstDay, positions[i].LastDay, positions[m].First.Time, positions[i].First.Time)))
                .ToList();
            if (ToDispute(metric, members.Select(i => positions[i]).ToList(), history.Select(i => positions[i]).ToList(), severity[Find(root)], anchorOf[root]) is { } dispute)
            {
                yield return dispute;
            }
        }
    }

    private IEnumerable<(int, int)> ComparablePositionPairs(DetectionMetric metric, List<Position> positions)
    {
        if (metric.IsSingleEvent)
        {
            for (var i = 0; i < positions.Count; i++)
            {
                for (var j = i + 1; j < positions.Count; j++)
                {
                    yield return (i, j);
                }
            }

            yield break;
        }

        // Sorted by day, each position meets only those within the window: no all-pairs.
        var days = Enumerable.Range(0, positions.Count).Where(i => positions[i].FirstDay is not null).OrderBy(i => positions[i].FirstDay).ToList();
        for (var x = 0; x < days.Count; x++)
        {
            var p = positions[days[x]];
            for (var y = x + 1; y < days.Count && positions[days[y]].FirstDay!.Value.DayNumber - p.LastDay!.Value.DayNumber <= WindowDays(metric); y++)
            {
                yield return (Math.Min(days[x], days[y]), Math.Max(days[x], days[y]));
            }
        }

        foreach (var period in Enumerable.Range(0, positions.Count).Where(i => positions[i].FirstDay is null).GroupBy(i => (positions[i].First.Time.Start, positions[i].First.Time.End)))
        {
            var list = period.ToList();
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    yield return (list[x], list[y]);
                }
            }
        }
    }

    /// <summary>
    /// Whether days passing can change what two sources say: counts of people move as an event
    /// unfolds (the missing are found, more flee) and running totals grow. A sum of money, a share,
    /// a duration or a date that two sources give a few days apart is the same quantity stated
    /// twice, so their difference is a disagreement, not time passing.
    /// </summary>
    private static bool TimeChangesValues(DetectionMetric metric) =>
        metric.Kind == FigureKind.Count || metric.IsCumulative;

    /// <summary>
    /// How many days apart two figures may be and still describe one moment: a count moves with the
    /// days, so its window is short; a share, a sum of money or a duration restated weeks later by
    /// another source is still the same quantity, so its window is longer.
    /// </summary>
    private int WindowDays(DetectionMetric metric) =>
        TimeChangesValues(metric) ? options.ComparableWindowDays : Math.Max(options.ComparableWindowDays, options.StableQuantityWindowDays);

    /// <summary>Two as-of positions whose days do not meet: what each says is about a different moment.</summary>
    private static bool DifferentMoments(DetectionMetric metric, Position p, Position q) =>
        !metric.IsSingleEvent && p.FirstDay is { } pFirst && q.FirstDay is { } qFirst && (p.LastDay < qFirst || q.LastDay < pFirst);

    /// <summary>
    /// A running total given by one source lies wholly below what another gave earlier, or a later
    /// figure lies beyond what the earlier one could have grown to.
    /// </summary>
    private bool ChangedMoreThanTimeExplains(DetectionMetric metric, Position p, Position q) =>
        p.LastDay < q.FirstDay ? ChangedMoreThanTimeExplains(metric, p.Interval, q.Interval) : ChangedMoreThanTimeExplains(metric, q.Interval, p.Interval);

    private bool ChangedMoreThanTimeExplains(DetectionMetric metric, ValueInterval earlier, ValueInterval later)
    {
        if (!Disagree(metric.Kind, earlier, later, out _))
        {
            return false;
        }

        var fell = metric.IsCumulative && later.High is { } high && earlier.Low is { } low && high < low;
        var leapt = metric.Kind == FigureKind.Count && earlier.High is { } top && top > 0 && later.Low is { } bottom
            && bottom > top * (decimal)options.PlausibleGrowthFactor;
        return fell || leapt;
    }

    /// <summary>The dispute with its camps, or null when the sources' latest statements all agree now.</summary>
    private DetectedConflict? ToDispute(DetectionMetric metric, List<Position> deciding, List<Position> history, double severity, int anchor)
    {
        var decided = CampsOfLatest(metric.Kind, deciding);
        if (decided.Distinct().Count() < 2)
        {
            return null;
        }

        var positions = deciding.Concat(history).ToList();
        var camps = decided.Concat(history.Select(h => decided[deciding.FindIndex(d => d.SourceId == h.SourceId)])).ToArray();

        var ordered = positions
            .Select((p, i) => (Position: p, Camp: camps[i]))
            .OrderBy(x => x.Camp).ThenBy(x => x.Position.Interval.Low ?? decimal.MinValue).ThenBy(x => x.Position.Anchor)
            .ToList();
        var campIntervals = ordered.GroupBy(x => x.Camp).ToDictionary(g => g.Key, g => g.Select(x => x.Position.Interval).Distinct().ToList());
        var detected = ordered.Select((x, n) => new DetectedPosition(
            n + 1, x.Camp, x.Position.SourceId, x.Position.SourceName, x.Position.Interval, x.Position.IsSumOfParts, x.Position.Figures,
            [x.Camp, .. campIntervals.Where(c => c.Key != x.Camp && c.Value.All(i => !Disagree(metric.Kind, i, x.Position.Interval, out _))).Select(c => c.Key).Order()]))
            .ToList();
        var kind = metric.Kind == FigureKind.Date ? ConflictKind.DateDisagreement : ConflictKind.ValueDisagreement;
        var members = detected.SelectMany(p => p.Figures).DistinctBy(f => f.FigureId).OrderBy(f => f.FigureId).ToList();
        var signature = $"{kind}|{metric.Id}|{members[0].ScopeKey}|dispute|{anchor}";
        return new DetectedConflict(kind, metric.Id, members[0].Scope, signature, severity, ConflictExplanation.ForDispute(metric, detected), members, detected);
    }

    /// <summary>
    /// Camps: groups of positions that all agree with each other, as few as possible. On a line,
    /// intervals that pairwise overlap share a point, so taking the lowest top end as that point,
    /// gathering everything that reaches it, and repeating gives the smallest set of camps. Tops
    /// are stretched by the rounding tolerance so "1,000" and "1,040" share a camp as they share a view.
    /// </summary>
    /// <summary>
    /// A source's latest statement in a dispute is its position; what it said on earlier days is
    /// its history and stands in the same camp, so a source that revised never disputes itself.
    /// </summary>
    private int[] CampsOfLatest(FigureKind kind, List<Position> positions)
    {
        var latestDay = positions.GroupBy(p => p.SourceId).ToDictionary(g => g.Key, g => g.Max(p => p.LastDay));
        var current = Enumerable.Range(0, positions.Count)
            .Where(i => positions[i].LastDay is null || positions[i].LastDay == latestDay[positions[i].SourceId])
            .ToList();
        var currentCamps = Camps(kind, current.Select(i => positions[i]).ToList());
        var camps = new int[positions.Count];
        for (var x = 0; x < current.Count; x++)
        {
            camps[current[x]] = currentCamps[x];
        }

        for (var i = 0; i < positions.Count; i++)
        {
            if (!current.Contains(i))
            {
                camps[i] = camps[current.First(c => positions[c].SourceId == positions[i].SourceId)];
            }
        }

        return camps;
    }

    private int[] Camps(FigureKind kind, List<Position> positions)
    {
        var tolerance = kind is FigureKind.Date or FigureKind.Year ? 1m : 1m / (1m - (decimal)options.MinimumSeverity);
        decimal Top(Position p) => p.Interval.High is { } high ? (high > 0 ? high * tolerance : high) : decimal.MaxValue;
        decimal Bottom(Position p) => p.Interval.Low ?? decimal.MinValue;

        var camp = new int[positions.Count];
        var left = Enumerable.Range(0, positions.Count).ToList();
        var number = 0;
        while (left.Count > 0)
        {
            number++;
            var point = left.Min(i => Top(positions[i]));
            var taken = left.Where(i => Bottom(positions[i]) <= point).ToList();
            foreach (var i in taken)
            {
                camp[i] = number;
            }

            left = left.Except(taken).ToList();
        }

        return camp;
    }

    /// <summary>
    /// One source against itself: carried with a different framing by two reports (reporting
    /// discrepancy), or a running total that falls over time (trend reversal). One source's
    /// differing values at one comparable time are positions in that quantity's dispute instead.
    /// </summary>
    private void CompareWithinSources(DetectionMetric metric, List<DetectionFigure> figures, IReadOnlySet<FigurePair> dismissed, List<Edge> edges)
    {
        foreach (var ofSource in figures.GroupBy(f => f.SourceId).Where(g => g.Skip(1).Any()))
        {
            var list = ofSource.OrderBy(f => f.FigureId).ToList();
            var groupKey = ofSource.Key.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (dismissed.Contains(new FigurePair(a.FigureId, b.FigureId)))
                    {
                        continue;
                    }

                    var apart = Disagree(metric.Kind, a.Interval, b.Interval, out var severity);
                    if (apart && FallsOverTime(metric, a, b) is { } fall)
                    {
                        edges.Add(new Edge(ConflictKind.TrendReversal, metric.Id, groupKey, fall, severity));
                    }
                    else if (a.ReportId != b.ReportId && TimesNear(metric, a, b) && FramingDiffers(a, b))
                    {
                        edges.Add(new Edge(ConflictKind.ReportingDiscrepancy, metric.Id, groupKey, [a, b], apart ? severity : options.FramingSeverity));
                    }
                }
            }
        }
    }

    private bool Comparable(DetectionMetric metric, DateOnly? aFirst, DateOnly? aLast, DateOnly? bFirst, DateOnly? bLast, TimeReference aTime, TimeReference bTime) =>
        metric.IsSingleEvent
        || (aFirst, bFirst) switch
        {
            ({ }, { }) => Math.Max(bFirst.Value.DayNumber - aLast!.Value.DayNumber, aFirst.Value.DayNumber - bLast!.Value.DayNumber) <= WindowDays(metric),
            (null, null) => aTime.Start == bTime.Start && aTime.End == bTime.End,
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
        return gap <= WindowDays(metric);
    }

    /// <summary>A total "by the end of December" and a count "in the last week of December" are different claims.</summary>
    private static bool FramingDiffers(DetectionFigure a, DetectionFigure b) =>
        (a.Day is null || b.Day is null) && (a.Time.Kind, b.Time.Kind) switch
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

    /// <summary>As-of figures chain by day (all in one class); a period is its own class. A value, not a string: it keys every figure's grouping.</summary>
    private static (bool Period, DateOnly? Start, DateOnly? End) TimeClass(DetectionFigure f) =>
        f.Day is not null ? default : (true, f.Time.Start, f.Time.End);

    private static ValueInterval Hull(List<ValueInterval> intervals) =>
        intervals.Count == 1 ? intervals[0] : new(
            intervals.Any(i => i.Low is null) ? null : intervals.Min(i => i.Low),
            intervals.Average(i => i.Best ?? i.Low ?? 0),
            intervals.Any(i => i.High is null) ? null : intervals.Max(i => i.High));

    /// <summary>
    /// The interval the parts add up to. Counts are never negative, so a missing part adds zero
    /// below and makes the top open.
    /// </summary>
    private static ValueInterval Sum(List<ValueInterval> parts, bool complete)
    {
        var low = parts.Sum(p => p.Low ?? 0);
        var best = parts.Sum(p => p.Best ?? p.Low ?? 0);
        decimal? high = complete && parts.All(p => p.High is not null) ? parts.Sum(p => p.High!.Value) : null;
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

    private static DetectedConflict ToSingleSourceConflict(DetectionMetric metric, ConflictKind kind, string groupKey, List<Edge> edges)
    {
        var members = edges.SelectMany(e => e.Figures).DistinctBy(f => f.FigureId).OrderBy(f => f.FigureId).ToList();
        // The smallest member id anchors the signature: figures joining later do not change it.
        var signature = $"{kind}|{metric.Id}|{members[0].ScopeKey}|{groupKey}|{members[0].FigureId}";
        var explanation = ConflictExplanation.For(kind, metric, members);
        // Each figure is its own position: one source cannot be in two camps with itself.
        var positions = members.Select((f, i) => new DetectedPosition(i + 1, i + 1, f.SourceId, f.SourceName, f.Interval, false, [f], [i + 1])).ToList();
        return new DetectedConflict(kind, metric.Id, members[0].Scope, signature, edges.Max(e => e.Severity), explanation, members, positions);
    }
}

/// <summary>Whether two figures disagree, in words, and how far apart they are (0 when they do not).</summary>
public sealed record FigureComparison(bool Disagree, string Reason, double Severity);
