using ClaimsTracker.Data;
using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

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
    /// <summary>Newest first by default; each sort ends with the report id so ties page stably.</summary>
    public static readonly SeekOrders<Report> Orders = new SeekOrders<Report>(nameof(ReportRow.PublishedOn), true, r => r.Id)
        .Add(nameof(ReportRow.PublishedOn), r => r.PublishedOn)
        .Add(nameof(ReportRow.Title), r => r.Title)
        .Add(nameof(ReportRow.Outlet), r => r.Outlet!.Name, r => r.Outlet!.Id);

    public async Task<ListPage<ReportRow>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Reports.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // The same stored, weighted vector and GIN index as the search page (words anywhere in
            // the title or the text, stemmed: "casualties" finds "casualty"), or the outlet's name,
            // resolved to ids through its trigram index first.
            var outletIds = await SourceMatch.IdsAsync(db, search, cancellationToken);
            // Without a matching outlet the condition is the full-text match alone, which the planner estimates far better
            // than an OR with an empty list.
            query = outletIds.Count == 0
                ? query.Where(r => EF.Property<NpgsqlTsVector>(r, SearchColumns.Vector).Matches(EF.Functions.WebSearchToTsQuery(SearchColumns.Configuration, search)))
                : query.Where(r => EF.Property<NpgsqlTsVector>(r, SearchColumns.Vector)
                    .Matches(EF.Functions.WebSearchToTsQuery(SearchColumns.Configuration, search)) || outletIds.Contains(r.OutletId));
        }

        return await Orders.PageAsync(query, page,
            r => new ReportRow(r.Id, r.Title, r.Outlet!.Name, r.PublishedOn, r.Claims.Count, r.Claims.SelectMany(c => c.Figures).Count()),
            r => r.Id, cancellationToken);
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
