using ClaimsTracker.Data;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Conflicts;

/// <summary>The queue's filter; it lives in the URL so a link reproduces the view.</summary>
public sealed record ConflictFilter(ConflictStatus? Status = ConflictStatus.Open, int? MetricId = null, ConflictKind? Kind = null, bool MineOnly = false);

public sealed record ConflictRow(
    int Id, ConflictKind Kind, int MetricId, string Metric, string Scope, double Severity, string Explanation,
    ConflictStatus Status, string? AssignedTo, int Members, DateTimeOffset DetectedAt, uint Version, int Camps = 0, int Positions = 0);

public sealed record ConflictCounts(int Open, int High, int Medium, int Low, IReadOnlyDictionary<ConflictKind, int> OpenByKind);

public sealed record ConflictFigure(
    int FigureId, int ClaimId, int ReportId, string ReportTitle, string Outlet, DateOnly PublishedOn,
    string Source, int SourceId, string? RelayedVia, string AsWritten, Qualifier Qualifier, FigureKind Kind,
    decimal? Low, decimal? Best, decimal? High, TimeReference Time, FigureRank Rank,
    string QuoteBefore, string Quote, string QuoteAfter, bool QuoteIsOrphaned,
    int Position = 0, int Camp = 0, bool LowConfidence = false, int MetricId = 0);

/// <summary>
/// One statement in a dispute: who says what, since when, with the reports that repeat it. A sum
/// of parts shows its parts as its figures.
/// </summary>
/// <param name="ConsistentCamps">The camps this position agrees with, its own first.</param>
/// <param name="LowConfidence">A figure of it was accepted from a low-confidence proposal.</param>
public sealed record ConflictPosition(
    int Number, int Camp, IReadOnlyList<int> ConsistentCamps, string Source, int SourceId, bool IsSumOfParts,
    decimal? Low, decimal? High, string Interval, DateOnly Since, int ReportCount, FigureRank Rank, bool LowConfidence,
    IReadOnlyList<ConflictFigure> Figures);

/// <summary>Positions that agree with each other; <paramref name="Range"/> is what they all allow.</summary>
public sealed record ConflictCamp(int Number, string Range, IReadOnlyList<ConflictPosition> Positions);

public sealed record ConflictHistoryEntry(DateTimeOffset At, string UserName, string Action, string? Note, string? Before, string? After)
{
    /// <summary>The rationale this change recorded, if it set one.</summary>
    public string? Rationale
    {
        get
        {
            if (After is null)
            {
                return null;
            }

            using var json = System.Text.Json.JsonDocument.Parse(After);
            return json.RootElement.TryGetProperty(nameof(Conflict.Rationale), out var rationale) && rationale.ValueKind == System.Text.Json.JsonValueKind.String
                ? rationale.GetString()
                : null;
        }
    }
}

public sealed record ConflictDetail(
    ConflictRow Conflict, ConflictState State, IReadOnlyList<ConflictFigure> Figures, IReadOnlyList<ConflictHistoryEntry> History,
    IReadOnlyList<ConflictCamp> Camps);

public sealed class ConflictQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    /// <summary>Severity bands for the dashboard and the queue header.</summary>
    public const double HighSeverity = 0.67, MediumSeverity = 0.33;

    private const int ContextLength = 160;

    /// <summary>Most severe first; filtered and paged in the database.</summary>
    public async Task<ListPage<ConflictRow>> ListAsync(ConflictFilter filter, string? userName, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Conflicts.AsNoTracking().AsQueryable();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.MetricId is { } metricId)
        {
            query = query.Where(c => c.MetricId == metricId);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (filter.MineOnly)
        {
            query = query.Where(c => c.AssignedTo == userName);
        }

        return await Orders.PageAsync(query, page, ProjectOne, r => r.Id, cancellationToken);
    }

    /// <summary>Most severe first by default; every sort ends with the id so ties page stably.</summary>
    public static readonly SeekOrders<Conflict> Orders = new SeekOrders<Conflict>(nameof(ConflictRow.Severity), true, c => c.Id)
        .Add(nameof(ConflictRow.Severity), c => c.Severity)
        .Add(nameof(ConflictRow.DetectedAt), c => c.DetectedAt)
        .Add(nameof(ConflictRow.Kind), c => c.Kind)
        .Add(nameof(ConflictRow.Metric), c => c.Metric!.Name, c => c.Metric!.Id);

    /// <summary>Every conflict the filter matches, most severe first, read as a stream for exports.</summary>
    public async IAsyncEnumerable<ConflictRow> ExportAsync(ConflictFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Conflicts.AsNoTracking().AsQueryable();
        query = filter.Status is { } status ? query.Where(c => c.Status == status) : query;
        query = filter.MetricId is { } metricId ? query.Where(c => c.MetricId == metricId) : query;
        query = filter.Kind is { } kind ? query.Where(c => c.Kind == kind) : query;
        await foreach (var row in Project(query.OrderByDescending(c => c.Severity).ThenBy(c => c.Id)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Every conflict (any status) one of the claim's figures takes part in.</summary>
    public async Task<IReadOnlyList<ConflictRow>> ForClaimAsync(int claimId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = db.ConflictMembers.Where(m => m.Figure!.ClaimId == claimId).Select(m => m.ConflictId);
        return await Project(db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.Severity))
            .ToListAsync(cancellationToken);
    }

    public async Task<ConflictCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = db.Conflicts.Where(c => c.Status == ConflictStatus.Open);
        var byKind = await open.GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new ConflictCounts(
            await open.CountAsync(cancellationToken),
            await open.CountAsync(c => c.Severity >= HighSeverity, cancellationToken),
            await open.CountAsync(c => c.Severity >= MediumSeverity && c.Severity < HighSeverity, cancellationToken),
            await open.CountAsync(c => c.Severity < MediumSeverity, cancellationToken),
            byKind.ToDictionary(k => k.Key, k => k.Count));
    }

    public async Task<ConflictDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conflict = await db.Conflicts.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                Entity = c,
                Metric = c.Metric!.Name,
                Members = c.Members.Count,
                Camps = c.Members.Select(m => m.Camp).Distinct().Count(),
                Positions = c.Members.Select(m => m.Position).Distinct().Count(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (conflict is null)
        {
            return null;
        }

        var c = conflict.Entity;
        var row = new ConflictRow(c.Id, c.Kind, c.MetricId, conflict.Metric, c.Scope, c.Severity, c.Explanation, c.Status, c.AssignedTo,
            conflict.Members, c.DetectedAt, c.Version, conflict.Camps, conflict.Positions);
        var state = new ConflictState(c.Status, c.AssignedTo, c.PreferredFigureId, c.DismissalReason, c.Rationale, c.ResolvedBy, c.ResolvedAt, c.Version);

        var members = await db.ConflictMembers.AsNoTracking()
            .Where(m => m.ConflictId == id)
            .Select(m => new
            {
                m.Figure!.Id,
                m.Figure.ClaimId,
                m.Figure.Claim!.ReportId,
                ReportTitle = m.Figure.Claim.Report!.Title,
                Outlet = m.Figure.Claim.Report.Outlet!.Name,
                m.Figure.Claim.Report.PublishedOn,
                Source = m.Figure.Claim.Source!.Name,
                m.Figure.Claim.SourceId,
                RelayedVia = m.Figure.Claim.RelayedVia == null ? null : m.Figure.Claim.RelayedVia.Name,
                m.Figure.AsWritten,
                m.Figure.Qualifier,
                m.Figure.Kind,
                m.Figure.Low,
                m.Figure.Best,
                m.Figure.High,
                m.Figure.Time,
                m.Figure.Rank,
                m.Figure.Claim.Quote,
                m.Position,
                m.Camp,
                m.ConsistentCamps,
                m.Figure.MetricId,
                m.Figure.Claim.ProposalConfidence,
                // Only the text around the quote travels, not the whole article.
                Around = m.Figure.Claim.Report.Text.Substring(
                    Math.Max(0, m.Figure.Claim.Quote.Start - ContextLength),
                    m.Figure.Claim.Quote.End - Math.Max(0, m.Figure.Claim.Quote.Start - ContextLength) + ContextLength),
            })
            .ToListAsync(cancellationToken);
        var figures = members.Select(m =>
        {
            var offset = Math.Max(0, m.Quote.Start - ContextLength);
            var quoteStart = Math.Min(m.Quote.Start - offset, m.Around.Length);
            var quoteEnd = Math.Min(m.Quote.End - offset, m.Around.Length);
            return new ConflictFigure(
                m.Id, m.ClaimId, m.ReportId, m.ReportTitle, m.Outlet, m.PublishedOn, m.Source, m.SourceId, m.RelayedVia,
                m.AsWritten, m.Qualifier, m.Kind, m.Low, m.Best, m.High, m.Time, m.Rank,
                m.Quote.IsOrphaned ? string.Empty : Ellipsis(m.Around[..quoteStart], before: true),
                m.Quote.IsOrphaned ? m.Quote.Exact : m.Around[quoteStart..quoteEnd],
                m.Quote.IsOrphaned ? string.Empty : Ellipsis(m.Around[quoteEnd..], before: false),
                m.Quote.IsOrphaned,
                m.Position, m.Camp, m.ProposalConfidence < ClaimsTracker.Domain.Claims.Claim.LowConfidenceBelow, m.MetricId);
        }).OrderBy(f => f.Source).ThenBy(f => f.FigureId).ToList();
        var partIds = await db.MetricParts.AsNoTracking().Where(p => p.WholeId == c.MetricId).Select(p => p.PartId).ToListAsync(cancellationToken);
        var camps = Camps(c.Kind == ConflictKind.DateDisagreement ? FigureKind.Date : figures.FirstOrDefault()?.Kind ?? FigureKind.Count,
            c.MetricId, partIds, figures, members.ToDictionary(m => m.Id, m => (IReadOnlyList<int>)m.ConsistentCamps));

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Conflict) && a.EntityId == key)
            .OrderBy(a => a.Id)
            .Select(a => new ConflictHistoryEntry(a.At, a.UserName, a.Action, a.Note, a.Before, a.After))
            .ToListAsync(cancellationToken);
        return new ConflictDetail(row, state, figures, history, camps);
    }

    /// <summary>The stored positions and camps, with what each position says (a sum for parts).</summary>
    private static List<ConflictCamp> Camps(FigureKind kind, int metricId, List<int> partIds, List<ConflictFigure> figures, Dictionary<int, IReadOnlyList<int>> consistent)
    {
        var positions = figures.GroupBy(f => f.Position).Select(g =>
        {
            var list = g.OrderBy(f => f.PublishedOn).ThenBy(f => f.FigureId).ToList();
            var isSum = partIds.Count > 0 && list.All(f => f.MetricId != metricId);
            var (low, high) = isSum ? SumOfParts(list, partIds) : (list[0].Low, list[0].High);
            var rank = list.Any(f => f.Rank == FigureRank.Preferred) ? FigureRank.Preferred
                : list.All(f => f.Rank == FigureRank.Deprecated) ? FigureRank.Deprecated : FigureRank.Normal;
            return new ConflictPosition(g.Key, list[0].Camp, consistent[list[0].FigureId], list[0].Source, list[0].SourceId, isSum,
                low, high, FigureFormatting.Interval(kind, low, high), list[0].PublishedOn, list.Select(f => f.ReportId).Distinct().Count(),
                rank, list.Any(f => f.LowConfidence), list);
        }).OrderBy(p => p.Camp).ThenBy(p => p.Number).ToList();
        return positions.GroupBy(p => p.Camp).Select(g =>
        {
            var low = g.Where(p => p.Low is not null).Select(p => p.Low).DefaultIfEmpty().Max();
            var high = g.Where(p => p.High is not null).Select(p => p.High).DefaultIfEmpty().Min();
            var range = low is { } l && high is { } h && h < l ? FigureFormatting.Interval(kind, h, l) : FigureFormatting.Interval(kind, low, high);
            return new ConflictCamp(g.Key, range, g.ToList());
        }).ToList();
    }

    /// <summary>Parts add up as detection adds them: a part repeated counts once, a missing part leaves the top open.</summary>
    private static (decimal? Low, decimal? High) SumOfParts(List<ConflictFigure> parts, List<int> partIds)
    {
        var perPart = parts.GroupBy(p => p.MetricId).Select(g => (Low: g.Min(f => f.Low ?? 0), High: g.Any(f => f.High is null) ? null : g.Max(f => f.High))).ToList();
        var complete = partIds.All(id => parts.Any(p => p.MetricId == id));
        return (perPart.Sum(p => p.Low), complete && perPart.All(p => p.High is not null) ? perPart.Sum(p => p.High!.Value) : null);
    }

    private static IQueryable<ConflictRow> Project(IQueryable<Conflict> conflicts) => conflicts.Select(ProjectOne);

    private static readonly System.Linq.Expressions.Expression<Func<Conflict, ConflictRow>> ProjectOne = c => new ConflictRow(
        c.Id, c.Kind, c.MetricId, c.Metric!.Name, c.Scope, c.Severity, c.Explanation, c.Status, c.AssignedTo,
        c.Members.Count, c.DetectedAt, c.Version,
        c.Members.Select(m => m.Camp).Distinct().Count(), c.Members.Select(m => m.Position).Distinct().Count());

    private static string Ellipsis(string text, bool before)
    {
        if (text.Length < ContextLength)
        {
            return text;
        }

        // Cut at a word boundary so the context does not start or end mid-word.
        return before
            ? "…" + text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..]
            : text[..Math.Max(0, text.LastIndexOf(' '))] + "…";
    }
}
