using System.Security.Claims;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Features.Metrics;

/// <summary>A metric update names the version it was made on; a stale one gets 409.</summary>
public sealed record MetricUpdateBody(uint ExpectedVersion, MetricInput Metric);

public static class MetricEndpoints
{
    public static void MapMetricEndpoints(this RouteGroupBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Metrics");
        metrics.MapGet("/", async Task<IResult> (MetricQueries queries, int? skip, int? take, string? sort, bool? desc, string? cursor, CancellationToken cancellationToken) =>
            ListRequests.TryRead(MetricQueries.Orders, skip, take, sort, desc, cursor, out var page, out var problem)
                ? TypedResults.Ok(await queries.ListAsync(page, cancellationToken))
                : problem!);
        // A metric with its figures: the figures resource, grouped the way they are compared.
        metrics.MapGet("/{id:int}", async Task<IResult> (int id, MetricQueries queries) =>
            await queries.GetAsync(id) is { } metric ? TypedResults.Ok(metric) : TypedResults.NotFound());
        // The catalogue as form input with its version, to edit and send back.
        metrics.MapGet("/{id:int}/definition", async Task<IResult> (int id, MetricEditor editor) =>
            await editor.LoadAsync(id) is { } found ? TypedResults.Ok(new MetricUpdateBody(found.Version, found.Input)) : TypedResults.NotFound());

        // A fresh installation defines its catalogue here (or by import), without demo data.
        var catalogue = api.MapGroup("/metrics").WithTags("Metric catalogue").RequireAuthorization(Policies.CanEdit);
        catalogue.MapPost("/", async (MetricInput body, ClaimsPrincipal user, MetricEditor editor) =>
            (await editor.CreateAsync(user, body)).ToHttp(saved => TypedResults.Created($"/api/v1/metrics/{saved.MetricId}", saved)));
        catalogue.MapPut("/{id:int}", async (int id, MetricUpdateBody body, ClaimsPrincipal user, MetricEditor editor) =>
            body.Metric is null
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["metric"] = ["Send the metric's fields under “metric”, with “expectedVersion” beside it."] })
                : (await editor.UpdateAsync(user, id, body.ExpectedVersion, body.Metric)).ToHttp(saved => TypedResults.Ok(saved)));
    }
}
