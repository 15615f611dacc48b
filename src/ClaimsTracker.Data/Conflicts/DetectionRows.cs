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
        int FigureId, int MetricId, int ScopeIndex, int ClaimId,
        string AsWritten, Qualifier Qualifier, FigureKind Kind, decimal? Low, decimal? Best, decimal? High, TimeReference Time);

    private readonly List<Row> rows;
    private readonly List<string> scopeKeys = [];
    // One figure per scope as written, whose copies keep its scope key: folded once per spelling, not once per figure.
    private readonly List<DetectionFigure> templates = [];
    private readonly Dictionary<string, int> scopeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> words = new(StringComparer.Ordinal);
    private readonly Dictionary<(TimeReferenceKind, DateOnly?, DateOnly?, string?), TimeReference> times = [];
    // Who said it and where, by claim: a few figures per claim, so looked up when a figure is made instead of stored per row.
    private readonly Dictionary<int, ClaimOrigin> claims = [];
    // Row numbers group after group, laid out by Groups.
    private int[] inOrder = [];

    public DetectionRows(int capacity = 0) => rows = new(capacity);

    public int Count => rows.Count;

    public int FigureId(int index) => rows[index].FigureId;

    /// <summary>The source and report of a claim whose figures are (or will be) added.</summary>
    public void AddClaim(int claimId, ClaimOrigin origin) => claims.TryAdd(claimId, origin);

    public bool HasClaim(int claimId) => claims.ContainsKey(claimId);

    public void Add(
        int figureId, int metricId, string scope, int claimId,
        string asWritten, Qualifier qualifier, FigureKind kind, decimal? low, decimal? best, decimal? high,
        TimeReferenceKind timeKind, DateOnly? timeStart, DateOnly? timeEnd, string? timeAsWritten)
    {
        if (!scopeIndex.TryGetValue(scope, out var scoped))
        {
            scopeIndex[scope] = scoped = templates.Count;
            // Only the scope (and its key) is kept from the template; Figure sets everything else.
            var template = new DetectionFigure
            {
                FigureId = figureId,
                MetricId = metricId,
                Scope = scope,
                SourceId = 0,
                SourceName = string.Empty,
                ReportId = 0,
                Outlet = string.Empty,
                PublishedOn = default,
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

        rows.Add(new Row(figureId, metricId, scoped, claimId, Shared(asWritten), qualifier, kind, low, best, high, sharedTime));
    }

    /// <summary>
    /// Adds the rows another reader read (the next range of the same table), after this one's: scopes are matched by
    /// spelling, words and times stay shared within each part.
    /// </summary>
    public void Append(DetectionRows other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var scopeMap = new int[other.templates.Count];
        for (var s = 0; s < other.templates.Count; s++)
        {
            var scope = other.templates[s].Scope;
            if (!scopeIndex.TryGetValue(scope, out var mine))
            {
                scopeIndex[scope] = mine = templates.Count;
                templates.Add(other.templates[s]);
                scopeKeys.Add(other.scopeKeys[s]);
            }

            scopeMap[s] = mine;
        }

        rows.EnsureCapacity(rows.Count + other.rows.Count);
        foreach (var row in other.rows)
        {
            rows.Add(row with { ScopeIndex = scopeMap[row.ScopeIndex] });
        }

        foreach (var (claimId, origin) in other.claims)
        {
            claims.TryAdd(claimId, origin);
        }
    }

    /// <summary>
    /// The figures by metric family and scope, as detection compares them: each group's figures are made when it is
    /// detected (<see cref="FiguresOf"/>) and can be collected after it. Groups come in the order of their first figure
    /// and keep their figures' order, as <c>GroupBy</c> would give them: numbered in one pass, then laid out group after
    /// group (a counting sort). The layout is only read afterwards, so groups can be detected on several threads.
    /// </summary>
    public FigureGroup[] Groups(MetricFamilies families)
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

        inOrder = new int[rows.Count];
        var next = starts[..^1];
        for (var i = 0; i < rows.Count; i++)
        {
            inOrder[next[groupOfRow[i]]++] = i;
        }

        var groups = new FigureGroup[sizes.Count];
        for (var g = 0; g < sizes.Count; g++)
        {
            groups[g] = new FigureGroup(familyOfGroup[g], starts[g], sizes[g]);
        }

        return groups;
    }

    /// <summary>One group's figures, made fresh (see <see cref="Groups"/>).</summary>
    public List<DetectionFigure> FiguresOf(FigureGroup group)
    {
        var figures = new List<DetectionFigure>(group.Count);
        for (var n = group.Start; n < group.Start + group.Count; n++)
        {
            figures.Add(Figure(inOrder[n]));
        }

        return figures;
    }

    /// <summary>The row as the engine takes it: a new object each time, equal to the last.</summary>
    public DetectionFigure Figure(int index)
    {
        var row = rows[index];
        var origin = claims[row.ClaimId];
        return templates[row.ScopeIndex] with
        {
            FigureId = row.FigureId,
            MetricId = row.MetricId,
            SourceId = origin.SourceId,
            SourceName = origin.SourceName,
            ReportId = origin.ReportId,
            Outlet = origin.Outlet,
            PublishedOn = origin.PublishedOn,
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

/// <summary>One metric family in one scope: where its figures lie in <see cref="DetectionRows"/>' layout.</summary>
internal readonly record struct FigureGroup(int Family, int Start, int Count);

/// <summary>A claim's source and report, as detection compares figures by them.</summary>
internal readonly record struct ClaimOrigin(int SourceId, string SourceName, int ReportId, string Outlet, DateOnly PublishedOn);
