using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Features.Reports;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Features.Claims;

/// <summary>The explorer's filter as query parameters, shared by the list and the exports.</summary>
public sealed record ClaimQueryParameters(string? Source, int? OutletId, int? MetricId, FigureKind? Kind, DateOnly? From, DateOnly? To, bool? HasConflict, int? Skip, int? Take, string? Sort = null, bool? Desc = null, string? Cursor = null)
{
    public ClaimFilter Filter => new() { Source = Source, OutletId = OutletId, MetricId = MetricId, Kind = Kind, From = From, To = To, HasConflict = HasConflict };
}

public static class ClaimEndpoints
{
    private static readonly IReadOnlyList<(string, Func<FigureExportRow, object?>)> Columns =
    [
        ("claim_id", r => r.ClaimId), ("figure_id", r => r.FigureId), ("report_id", r => r.ReportId), ("report_title", r => r.ReportTitle),
        ("outlet", r => r.Outlet), ("published_on", r => r.PublishedOn), ("url", r => r.Url), ("source", r => r.Source),
        ("relayed_via", r => r.RelayedVia), ("summary", r => r.Summary), ("quote", r => r.Quote), ("metric", r => r.Metric),
        ("scope", r => r.Scope), ("as_written", r => r.AsWritten), ("qualifier", r => r.Qualifier), ("low", r => r.Low),
        ("best", r => r.Best), ("high", r => r.High), ("unit", r => r.Unit), ("time_kind", r => r.TimeKind),
        ("time_start", r => r.TimeStart), ("time_end", r => r.TimeEnd), ("rank", r => r.Rank),
    ];

    public static void MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Claims");
        claims.MapGet("/", async Task<IResult> (ClaimQueries queries, [AsParameters] ClaimQueryParameters query, CancellationToken cancellationToken) =>
            ListRequests.TryRead(ClaimQueries.Orders, query.Skip, query.Take, query.Sort, query.Desc, query.Cursor, out var page, out var problem)
                ? TypedResults.Ok(await queries.ListAsync(query.Filter, page, cancellationToken))
                : problem!);
        // The explorer's outlet and metric fields ask as the user types: a screenful of names, never a whole catalogue.
        claims.MapGet("/outlets", async (ClaimQueries queries, string? search, CancellationToken cancellationToken) =>
            TypedResults.Ok(await queries.FindOutletsAsync(search, 20, cancellationToken)));
        claims.MapGet("/metrics", async (ClaimQueries queries, string? search, CancellationToken cancellationToken) =>
            TypedResults.Ok(await queries.FindMetricsAsync(search, 20, cancellationToken)));
        claims.MapGet("/{id:int}", async Task<IResult> (int id, ClaimQueries queries, ReportQueries reports) =>
            await queries.ReportIdOfAsync(id) is { } reportId && await reports.GetAsync(reportId) is { } report
                ? TypedResults.Ok(new { ReportId = reportId, report.Title, Claim = report.Claims.First(c => c.Id == id) })
                : TypedResults.NotFound());

        // Figures with their claim and report, filtered like the explorer and paged.
        api.MapGet("/figures", async Task<IResult> (ClaimQueries queries, [AsParameters] ClaimQueryParameters query, CancellationToken cancellationToken) =>
            ListRequests.TryRead(ClaimQueries.FigureOrders, query.Skip, query.Take, query.Sort, query.Desc, query.Cursor, out var page, out var problem)
                ? TypedResults.Ok(await queries.FiguresAsync(query.Filter, page, cancellationToken))
                : problem!)
            .WithTags("Figures");

        var exports = api.MapGroup("/exports").WithTags("Exports");
        exports.MapGet("/figures.csv", (ClaimQueries queries, [AsParameters] ClaimQueryParameters query) =>
            new CsvResult<FigureExportRow>(queries.ExportAsync(query.Filter), "figures.csv", Columns));
        // System.Text.Json writes an IAsyncEnumerable as it is read: a streamed JSON array.
        exports.MapGet("/figures.json", (ClaimQueries queries, [AsParameters] ClaimQueryParameters query) =>
            TypedResults.Ok(queries.ExportAsync(query.Filter)));
    }
}
