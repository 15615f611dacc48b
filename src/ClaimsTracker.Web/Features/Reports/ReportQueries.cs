using ClaimsTracker.Data;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Reports;

public sealed record ReportRow(int Id, string Title, string Outlet, DateOnly PublishedOn, int ClaimCount, int FigureCount);

public sealed record ReportDetail(
    int Id, string Title, string Outlet, int OutletId, IReadOnlyList<string> Authors, DateOnly PublishedOn, string? Url,
    string Language, string Text, string EnteredBy, DateTimeOffset EnteredAt, IReadOnlyList<ClaimView> Claims);

public sealed record ClaimView(
    int Id, string Summary, int SourceId, string Source, int? RelayedViaId, string? RelayedVia, DateOnly? StatedOn,
    string QuoteExact, int QuoteStart, int QuoteEnd, bool QuoteIsOrphaned, IReadOnlyList<FigureView> Figures);

public sealed record FigureView(
    int Id, string Metric, FigureKind Kind, string AsWritten, Qualifier Qualifier, decimal? Low, decimal? Best, decimal? High,
    string? Unit, string Scope, TimeReference Time)
{
    /// <summary>The normalised interval as a reader would write it ("900 – 1,100", "≥ 3,000", "2025-01-09").</summary>
    public string IntervalText => FigureFormatting.Interval(Kind, Low, High);
}

/// <summary>Read-only queries behind the reports pages; a fresh context per call.</summary>
public sealed class ReportQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    public async Task<PageOf<ReportRow>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Reports.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{Like.Escape(search.Trim())}%";
            query = query.Where(r => EF.Functions.ILike(r.Title, pattern, "\\") || EF.Functions.ILike(r.Outlet!.Name, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = (page.SortBy, page.Descending) switch
        {
            (nameof(ReportRow.Title), false) => query.OrderBy(r => r.Title),
            (nameof(ReportRow.Title), true) => query.OrderByDescending(r => r.Title),
            (nameof(ReportRow.Outlet), false) => query.OrderBy(r => r.Outlet!.Name),
            (nameof(ReportRow.Outlet), true) => query.OrderByDescending(r => r.Outlet!.Name),
            (nameof(ReportRow.PublishedOn), false) => query.OrderBy(r => r.PublishedOn),
            _ => query.OrderByDescending(r => r.PublishedOn),
        };
        var items = await ordered.ThenBy(r => r.Id)
            .Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(r => new ReportRow(r.Id, r.Title, r.Outlet!.Name, r.PublishedOn, r.Claims.Count, r.Claims.SelectMany(c => c.Figures).Count()))
            .ToListAsync(cancellationToken);
        return new PageOf<ReportRow>(items, total);
    }

    public async Task<ReportDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.AsNoTracking().AsSplitQuery()
            .Include(r => r.Outlet)
            .Include(r => r.Claims).ThenInclude(c => c.Source)
            .Include(r => r.Claims).ThenInclude(c => c.RelayedVia)
            .Include(r => r.Claims).ThenInclude(c => c.Figures).ThenInclude(f => f.Metric)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var claims = report.Claims
            .OrderBy(c => c.Quote.Start)
            .Select(c => new ClaimView(
                c.Id, c.Summary, c.SourceId, c.Source!.Name, c.RelayedViaId, c.RelayedVia?.Name, c.StatedOn,
                c.Quote.Exact, c.Quote.Start, c.Quote.End, c.Quote.IsOrphaned,
                c.Figures.OrderBy(f => f.Id).Select(ToView).ToList()))
            .ToList();
        return new ReportDetail(report.Id, report.Title, report.Outlet!.Name, report.OutletId, report.Authors, report.PublishedOn,
            report.Url, report.Language, report.Text, report.EnteredBy, report.EnteredAt, claims);
    }

    internal static FigureView ToView(Figure f) =>
        new(f.Id, f.Metric?.Name ?? string.Empty, f.Kind, f.AsWritten, f.Qualifier, f.Low, f.Best, f.High, f.Unit, f.Scope, f.Time);
}
