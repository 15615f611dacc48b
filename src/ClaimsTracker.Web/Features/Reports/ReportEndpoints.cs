using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Features.Reports;

public static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/", async (ReportQueries queries, string? search, int? skip, int? take) =>
            TypedResults.Ok(await queries.ListAsync(search, new PageRequest(skip ?? 0, take ?? PageRequest.DefaultSize))));
        reports.MapGet("/{id:int}", async Task<IResult> (int id, ReportQueries queries) =>
            await queries.GetAsync(id) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());
    }
}
