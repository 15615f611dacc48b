using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>
/// The figures a detection run read, kept as plain rows in one growing array instead of a million small objects: a
/// figure becomes a <see cref="DetectionFigure"/> only while its group is detected, and is garbage right after unless
/// a conflict keeps it. Read whole, a million figure objects (with their strings and times) outlived hundreds of
/// collections and were copied from generation to generation; as rows they cost the collector nothing.
/// Scopes, names, times and the figures' words repeat, so each distinct value is stored once and shared.
/// </summary>
internal sealed class DetectionRows
{
    private readonly record struct Row(
        int FigureId, int MetricId, int ScopeIndex, int SourceId, int ReportId, DateOnly PublishedOn, string SourceName, string Outlet,
        string AsWritten, Qualifier Qualifier, FigureKind Kind, decimal? Low, decimal? Best, decimal? High, TimeReference Time);

    private readonly List<Row> rows = [];
    private readonly List<string> scopeKeys = [];
    // One figure per scope as written, whose copies keep its scope key: folded once per spelling, not once per figure.
    private readonly List<DetectionFigure> templates = [];
    private readonly Dictionary<string, int> scopeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> words = new(StringComparer.Ordinal);
    private readonly Dictionary<(TimeReferenceKind, DateOnly?, DateOnly?, string?), TimeReference> times = [];

    public int Count => rows.Count;

    public int FigureId(int index) => rows[index].FigureId;

    public void Add(
        int figureId, int metricId, string scope, int sourceId, string sourceName, int reportId, string outlet, DateOnly publishedOn,
        string asWritten, Qualifier qualifier, FigureKind kind, decimal? low, decimal? best, decimal? high,
        TimeReferenceKind timeKind, DateOnly? timeStart, DateOnly? timeEnd, string? timeAsWritten)
    {
        if (!scopeIndex.TryGetValue(scope, out var scoped))
        {
            scopeIndex[scope] = scoped = templates.Count;
            var template = new DetectionFigure
            {
                FigureId = figureId,
                MetricId = metricId,
                Scope = scope,
                SourceId = sourceId,
                SourceName = sourceName,
                ReportId = reportId,
                Outlet = outlet,
                PublishedOn = publishedOn,
                AsWritten = asWritten,
            };
            templates.Add(template);
            scopeKeys.Add(template.ScopeKey);
        }

        var time = (timeKind, timeStart, timeEnd, timeAsWritten);
        if (!times.TryGetValue(time, out var sharedTime))
        {
            times[time] = sharedTime = new TimeReference { Kind = timeKind, Start = timeStart, End = timeEnd, AsWritten = timeAsWritten };
        }

        rows.Add(new Row(figureId, metricId, scoped, sourceId, reportId, publishedOn, sourceName, outlet, Shared(asWritten), qualifier, kind, low, best, high, sharedTime));
    }

    /// <summary>
    /// The figures by metric family and scope, as detection compares them: each group's figures are made when it is
    /// reached and can be collected after it. Groups come in the order of their first figure and keep their figures'
    /// order, as <c>GroupBy</c> would give them: numbered in one pass, then laid out group after group (a counting sort).
    /// </summary>
    public IEnumerable<(int Family, List<DetectionFigure> Figures)> Groups(MetricFamilies families)
    {
        var groupOf = new Dictionary<(int Family, string ScopeKey), int>();
        var familyOfGroup = new List<int>();
        var sizes = new List<int>();
        var groupOfRow = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var key = (families.FamilyOf(rows[i].MetricId), scopeKeys[rows[i].ScopeIndex]);
            if (!groupOf.TryGetValue(key, out var group))
            {
                groupOf[key] = group = familyOfGroup.Count;
                familyOfGroup.Add(key.Item1);
                sizes.Add(0);
            }

            groupOfRow[i] = group;
            sizes[group]++;
        }

        var starts = new int[sizes.Count + 1];
        for (var g = 0; g < sizes.Count; g++)
        {
            starts[g + 1] = starts[g] + sizes[g];
        }

        var inOrder = new int[rows.Count];
        var next = starts[..^1];
        for (var i = 0; i < rows.Count; i++)
        {
            inOrder[next[groupOfRow[i]]++] = i;
        }

        for (var g = 0; g < sizes.Count; g++)
        {
            var figures = new List<DetectionFigure>(sizes[g]);
            for (var n = starts[g]; n < starts[g + 1]; n++)
            {
                figures.Add(Figure(inOrder[n]));
            }

            yield return (familyOfGroup[g], figures);
        }
    }

    /// <summary>The row as the engine takes it: a new object each time, equal to the last.</summary>
    public DetectionFigure Figure(int index)
    {
        var row = rows[index];
        return templates[row.ScopeIndex] with
        {
            FigureId = row.FigureId,
            MetricId = row.MetricId,
            SourceId = row.SourceId,
            SourceName = row.SourceName,
            ReportId = row.ReportId,
            Outlet = row.Outlet,
            PublishedOn = row.PublishedOn,
            AsWritten = row.AsWritten,
            Qualifier = row.Qualifier,
            Kind = row.Kind,
            Interval = new(row.Low, row.Best, row.High),
            Time = row.Time,
        };
    }

    private string Shared(string value)
    {
        if (words.TryGetValue(value, out var shared))
        {
            return shared;
        }

        words[value] = value;
        return value;
    }
}
