using ClaimsTracker.Data;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Metrics;

public sealed record MetricRow(int Id, string Name, FigureKind Kind, string? Unit, bool IsCumulative, int FigureCount, int OpenConflicts);

public sealed record MetricFigure(
    int FigureId, int ClaimId, string Source, string? RelayedVia, string Outlet, DateOnly PublishedOn, DateOnly When,
    string AsWritten, Qualifier Qualifier, decimal? Low, decimal? Best, decimal? High, string Scope, bool InOpenConflict,
    int ReportCount, DateOnly? PeriodStart = null, string Quote = "", FigureRank Rank = FigureRank.Normal);

public sealed record MetricDetail(int Id, string Name, string? Description, FigureKind Kind, string? Unit, bool IsCumulative,
    IReadOnlyList<string> Parts, IReadOnlyList<MetricFigure> Figures);

public sealed class MetricQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    /// <summary>The catalogue's sorts: by name (unique) or kind, then id; each page is an index range, never an offset.</summary>
    public static readonly SeekOrders<Metric> Orders = new SeekOrders<Metric>(nameof(MetricRow.Name), false, m => m.Id)
        .Add(nameof(MetricRow.Name), m => m.Name)
        .Add(nameof(MetricRow.Kind), m => m.Kind);

    /// <summary>One page of the catalogue by key, with the figure and open-conflict counts of that page's metrics only.</summary>
    public async Task<ListPage<MetricRow>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Orders.PageAsync(db.Metrics.AsNoTracking(), page,
            m => new MetricRow(m.Id, m.Name, m.Kind, m.Unit, m.IsCumulative,
                db.Figures.Count(f => f.MetricId == m.Id),
                db.Conflicts.Count(c => c.MetricId == m.Id && c.Status == ConflictStatus.Open)),
            r => r.Id, cancellationToken);
    }

    /// <summary>
    /// The <paramref name="count"/> metrics with the most open conflicts, then the most figures (the overview's short
    /// list). It counts for every metric, so it is not a list to page through.
    /// </summary>
    public async Task<IReadOnlyList<MetricRow>> MostDisputedAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Ordered on an anonymous shape: EF cannot order by members of a record built in the projection.
        return await db.Metrics.AsNoTracking()
            .Select(m => new
            {
                Metric = m,
                Figures = db.Figures.Count(f => f.MetricId == m.Id),
                Open = db.Conflicts.Count(c => c.MetricId == m.Id && c.Status == ConflictStatus.Open),
            })
            .OrderByDescending(m => m.Open).ThenByDescending(m => m.Figures).ThenBy(m => m.Metric.Name)
            .Take(count)
            .Select(m => new MetricRow(m.Metric.Id, m.Metric.Name, m.Metric.Kind, m.Metric.Unit, m.Metric.IsCumulative, m.Figures, m.Open))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every figure on one metric, oldest first. A metric gathers the figures of one quantity,
    /// hundreds at most, so they are read whole for the chart.
    /// </summary>
    public async Task<MetricDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var metric = await db.Metrics.AsNoTracking().Include(m => m.Parts).ThenInclude(p => p.Part)
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (metric is null)
        {
            return null;
        }

        var openMembers = db.ConflictMembers
            .Where(m => db.Conflicts.Any(c => c.Id == m.ConflictId && c.Status == ConflictStatus.Open))
            .Select(m => m.FigureId);
        var rows = await db.Figures.AsNoTracking()
            .Where(f => f.MetricId == id)
            .Select(f => new
            {
                Figure = new MetricFigure(
                    f.Id, f.ClaimId, f.Claim!.Source!.Name, f.Claim.RelayedVia == null ? null : f.Claim.RelayedVia.Name,
                    f.Claim.Report!.Outlet!.Name, f.Claim.Report.PublishedOn,
                    f.Time.End ?? f.Claim.Report.PublishedOn,
                    f.AsWritten, f.Qualifier, f.Low, f.Best, f.High, f.Scope, openMembers.Contains(f.Id), 1,
                    f.Time.Start, f.Claim.Quote.Exact, f.Rank),
                f.Claim.SourceId,
                f.Claim.ReportId,
                f.Time,
            })
            .ToListAsync(cancellationToken);

        // The same figure from the same source in several reports is corroboration: count it.
        var reportCounts = Corroboration.Find(rows.Select(r => new DetectionFigure
        {
            FigureId = r.Figure.FigureId,
            MetricId = id,
            Scope = r.Figure.Scope,
            SourceId = r.SourceId,
            SourceName = r.Figure.Source,
            ReportId = r.ReportId,
            Outlet = r.Figure.Outlet,
            PublishedOn = r.Figure.PublishedOn,
            AsWritten = r.Figure.AsWritten,
            Interval = new(r.Figure.Low, r.Figure.Best, r.Figure.High),
            Time = r.Time,
        }))
            .SelectMany(g => g.FigureIds.Select(figureId => (figureId, g.ReportCount)))
            .ToDictionary(x => x.figureId, x => x.ReportCount);
        var figures = rows.Select(r => r.Figure with { ReportCount = reportCounts.GetValueOrDefault(r.Figure.FigureId, 1) });
        return new MetricDetail(metric.Id, metric.Name, metric.Description, metric.Kind, metric.Unit, metric.IsCumulative,
            metric.Parts.Select(p => p.Part!.Name).ToList(),
            figures.OrderBy(f => f.When).ThenBy(f => f.Source).ToList());
    }
}
