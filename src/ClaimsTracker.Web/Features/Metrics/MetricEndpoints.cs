using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Features.Metrics;

public static class MetricEndpoints
{
    public static void MapMetricEndpoints(this RouteGroupBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Metrics");
        metrics.MapGet("/", async (MetricQueries queries, int? skip, int? take) =>
            TypedResults.Ok(await queries.ListAsync(new PageRequest(skip ?? 0, take ?? PageRequest.DefaultSize))));
        // A metric with its figures: the figures resource, grouped the way they are compared.
        metrics.MapGet("/{id:int}", async Task<IResult> (int id, MetricQueries queries) =>
            await queries.GetAsync(id) is { } metric ? TypedResults.Ok(metric) : TypedResults.NotFound());
    }
}
