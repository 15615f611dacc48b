using ClaimsTracker.Data;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Claims;

public sealed record ClaimRow(
    int Id, int ReportId, string ReportTitle, string Outlet, DateOnly PublishedOn, string Source, string? RelayedVia,
    string Summary, IReadOnlyList<string> Figures, int OpenConflicts, int MoreFigures = 0);

public sealed record Option(int Id, string Name);

/// <summary>A figure with its claim and report, flat, as exports write it.</summary>
public sealed record FigureExportRow(
    int ClaimId, int FigureId, int ReportId, string ReportTitle, string Outlet, DateOnly PublishedOn, string? Url,
    string Source, string? RelayedVia, string Summary, string Quote,
    string Metric, string Scope, string AsWritten, ClaimsTracker.Domain.Figures.Qualifier Qualifier,
    decimal? Low, decimal? Best, decimal? High, string? Unit,
    ClaimsTracker.Domain.Figures.TimeReferenceKind TimeKind, DateOnly? TimeStart, DateOnly? TimeEnd, ClaimsTracker.Domain.Figures.FigureRank Rank);

/// <summary>The claims explorer's queries: filtered, counted and paged in PostgreSQL.</summary>
public sealed class ClaimQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    /// <summary>At most this many figures per claim in a list row; the row says how many more there are.</summary>
    public const int FiguresPerRow = 10;

    /// <summary>
    /// The explorer's sorts. Published sorts by (report day, report, claim) so that the reports
    /// index on (PublishedOn, Id) bounds the scan; Source and Outlet by name, then that source's
    /// id, then the claim.
    /// </summary>
    public static readonly SeekOrders<Claim> Orders = new SeekOrders<Claim>(nameof(ClaimRow.PublishedOn), true, c => c.Id)
        .Add(nameof(ClaimRow.PublishedOn), c => c.Report!.PublishedOn, c => c.Report!.Id)
        .Add(nameof(ClaimRow.Source), c => c.Source!.Name, c => c.Source!.Id)
        .Add(nameof(ClaimRow.Outlet), c => c.Report!.Outlet!.Name, c => c.Report!.Outlet!.Id);

    public async Task<ListPage<ClaimRow>> ListAsync(ClaimFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = await FilteredAsync(db, filter, cancellationToken);
        var rows = await Orders.PageAsync(query, page, c => new ClaimListRow
        {
            Id = c.Id,
            ReportId = c.ReportId,
            ReportTitle = c.Report!.Title,
            Outlet = c.Report.Outlet!.Name,
            PublishedOn = c.Report.PublishedOn,
            Source = c.Source!.Name,
            RelayedVia = c.RelayedVia == null ? null : c.RelayedVia.Name,
            Summary = c.Summary,
            // A claim may carry thousands of figures (issue 11): a row shows the first few and counts the rest.
            Figures = c.Figures.OrderBy(f => f.Id).Take(FiguresPerRow).Select(f => new ClaimListFigure { AsWritten = f.AsWritten, Metric = f.Metric!.Name }).ToList(),
            FigureCount = c.Figures.Count,
            OpenConflicts = db.ConflictMembers.Count(m => m.Figure!.ClaimId == c.Id
                && db.Conflicts.Any(k => k.Id == m.ConflictId && k.Status == ConflictStatus.Open)),
        }, r => r.Id, cancellationToken);
        var items = rows.Items.Select(r => new ClaimRow(r.Id, r.ReportId, r.ReportTitle, r.Outlet, r.PublishedOn, r.Source, r.RelayedVia,
            r.Summary, r.Figures.Select(f => $"{f.AsWritten} ({f.Metric})").ToList(), r.OpenConflicts, Math.Max(0, r.FigureCount - r.Figures.Count))).ToList();
        return new ListPage<ClaimRow>(items, rows.Total, rows.TotalIsCapped, rows.Next);
    }

    /// <summary>The shape read from the database for one explorer row.</summary>
    private sealed class ClaimListRow
    {
        public int Id { get; init; }
        public int ReportId { get; init; }
        public string ReportTitle { get; init; } = string.Empty;
        public string Outlet { get; init; } = string.Empty;
        public DateOnly PublishedOn { get; init; }
        public string Source { get; init; } = string.Empty;
        public string? RelayedVia { get; init; }
        public string Summary { get; init; } = string.Empty;
        public List<ClaimListFigure> Figures { get; init; } = [];
        public int FigureCount { get; init; }
        public int OpenConflicts { get; init; }
    }

    private sealed class ClaimListFigure
    {
        public string AsWritten { get; init; } = string.Empty;
        public string Metric { get; init; } = string.Empty;
    }

    public async Task<int?> ReportIdOfAsync(int claimId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Claims.Where(c => c.Id == claimId).Select(c => (int?)c.ReportId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Outlets whose name contains the text, a screenful at most: pickers search on the server.</summary>
    public async Task<IReadOnlyList<Option>> FindOutletsAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outlets = db.Sources.Where(s => db.Reports.Any(r => r.OutletId == s.Id));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Like.Escape(text.Trim())}%";
            outlets = outlets.Where(s => EF.Functions.ILike(s.Name, pattern, "\\"));
        }

        return await outlets.OrderBy(s => s.Name).Take(Math.Clamp(take, 1, 50)).Select(s => new Option(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Metrics whose name contains the text, a screenful at most.</summary>
    public async Task<IReadOnlyList<Option>> FindMetricsAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var metrics = db.Metrics.AsQueryable();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Like.Escape(text.Trim())}%";
            metrics = metrics.Where(m => EF.Functions.ILike(m.Name, pattern, "\\"));
        }

        return await metrics.OrderBy(m => m.Name).Take(Math.Clamp(take, 1, 50)).Select(m => new Option(m.Id, m.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The names behind the ids in a URL, so a picker shows what the link selected.</summary>
    public async Task<(Option? Outlet, Option? Metric)> NamesAsync(int? outletId, int? metricId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outlet = outletId is null ? null : await db.Sources.Where(s => s.Id == outletId).Select(s => new Option(s.Id, s.Name)).FirstOrDefaultAsync(cancellationToken);
        var metric = metricId is null ? null : await db.Metrics.Where(m => m.Id == metricId).Select(m => new Option(m.Id, m.Name)).FirstOrDefaultAsync(cancellationToken);
        return (outlet, metric);
    }

    /// <summary>
    /// One row per figure of every claim the filter matches, read as a stream: an export of the
    /// whole table never holds more than the row being written.
    /// </summary>
    public async IAsyncEnumerable<FigureExportRow> ExportAsync(ClaimFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = FigureRows(db, await FilteredAsync(db, filter, cancellationToken));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Figures in claim order; the API's figures resource pages them by (claim, figure).</summary>
    public static readonly SeekOrders<Figure> FigureOrders = new SeekOrders<Figure>("ClaimId", false, f => f.Id)
        .Add("ClaimId", f => f.ClaimId);

    /// <summary>The same rows one page at a time: the API's figures resource.</summary>
    public async Task<ListPage<FigureExportRow>> FiguresAsync(ClaimFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimIds = (await FilteredAsync(db, filter, cancellationToken)).Select(c => c.Id);
        var figures = db.Figures.AsNoTracking().Where(f => claimIds.Contains(f.ClaimId));
        return await FigureOrders.PageAsync(figures, page, FigureExport, r => r.FigureId, cancellationToken);
    }

    private static IQueryable<FigureExportRow> FigureRows(ClaimsDbContext db, IQueryable<Claim> claims)
    {
        var claimIds = claims.Select(c => c.Id);
        return db.Figures.AsNoTracking()
            .Where(f => claimIds.Contains(f.ClaimId))
            .OrderBy(f => f.ClaimId).ThenBy(f => f.Id)
            .Select(FigureExport);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Figure, FigureExportRow>> FigureExport = f => new FigureExportRow(
        f.ClaimId, f.Id, f.Claim!.ReportId, f.Claim.Report!.Title, f.Claim.Report.Outlet!.Name, f.Claim.Report.PublishedOn, f.Claim.Report.Url,
        f.Claim.Source!.Name, f.Claim.RelayedVia == null ? null : f.Claim.RelayedVia.Name, f.Claim.Summary, f.Claim.Quote.Exact,
        f.Metric!.Key, f.Scope, f.AsWritten, f.Qualifier, f.Low, f.Best, f.High, f.Unit,
        f.Time.Kind, f.Time.Start, f.Time.End, f.Rank);

    private static async Task<IQueryable<Claim>> FilteredAsync(ClaimsDbContext db, ClaimFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Claims.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            var sourceIds = await SourceMatch.IdsAsync(db, filter.Source, cancellationToken);
            query = query.Where(c => sourceIds.Contains(c.SourceId) || (c.RelayedViaId != null && sourceIds.Contains(c.RelayedViaId.Value)));
        }

        if (filter.OutletId is { } outletId)
        {
            query = query.Where(c => c.Report!.OutletId == outletId);
        }

        if (filter.MetricId is { } metricId)
        {
            query = query.Where(c => c.Figures.Any(f => f.MetricId == metricId));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Figures.Any(f => f.Kind == kind));
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.Report!.PublishedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.Report!.PublishedOn <= to);
        }

        if (filter.HasConflict is { } hasConflict)
        {
            var inOpenConflict = db.ConflictMembers
                .Where(m => db.Conflicts.Any(k => k.Id == m.ConflictId && k.Status == ConflictStatus.Open))
                .Select(m => m.Figure!.ClaimId);
            query = hasConflict
                ? query.Where(c => inOpenConflict.Contains(c.Id))
                : query.Where(c => !inOpenConflict.Contains(c.Id));
        }

        return query;
    }
}
