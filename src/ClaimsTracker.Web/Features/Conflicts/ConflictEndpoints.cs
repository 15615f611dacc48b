using System.Security.Claims;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Features.Conflicts;

/// <summary>The body of a resolution: the decision and the version it was made on.</summary>
public sealed record ResolutionBody(uint ExpectedVersion, ConflictDecision Decision, int? PreferredFigureId, DismissalReason? DismissalReason, string? Rationale);

/// <summary>Whether two figures disagree by the conflict rules, and why (or why not).</summary>
public sealed record FigureDisagreement(int FirstFigureId, int SecondFigureId, bool Disagree, string Reason, double Severity);

public static class ConflictEndpoints
{
    private static readonly IReadOnlyList<(string, Func<ConflictRow, object?>)> Columns =
    [
        ("id", c => c.Id), ("kind", c => c.Kind), ("metric", c => c.Metric), ("scope", c => c.Scope), ("severity", c => c.Severity),
        ("status", c => c.Status), ("assigned_to", c => c.AssignedTo), ("members", c => c.Members), ("positions", c => c.Positions), ("camps", c => c.Camps), ("detected_at", c => c.DetectedAt),
        ("explanation", c => c.Explanation),
    ];

    public static void MapConflictEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conflicts").WithTags("Conflicts");

        // Answers for any two figures, in a dispute or not: the rules, not the stored queue.
        api.MapGet("/figures/{first:int}/disagrees-with/{second:int}", async Task<IResult> (int first, int second, ConflictDetectionService detection, CancellationToken cancellationToken) =>
            await detection.CompareAsync(first, second, cancellationToken) is { } comparison
                ? TypedResults.Ok(new FigureDisagreement(first, second, comparison.Disagree, comparison.Reason, comparison.Severity))
                : TypedResults.NotFound())
            .WithTags("Conflicts");

        group.MapGet("/", async Task<IResult> (ConflictQueries queries, ClaimsPrincipal user, ConflictStatus? status, int? metricId, ConflictKind? kind, int? skip, int? take,
            string? sort, bool? desc, string? cursor, CancellationToken cancellationToken) =>
            ListRequests.TryRead(ConflictQueries.Orders, skip, take, sort, desc, cursor, out var page, out var problem)
                ? TypedResults.Ok(await queries.ListAsync(new ConflictFilter(status, metricId, kind), user.Identity?.Name, page, cancellationToken))
                : problem!);

        group.MapGet("/{id:int}", async Task<IResult> (int id, ConflictQueries queries) =>
            await queries.GetAsync(id) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound());

        // The policy on the endpoint and the check in the service both refuse non-reviewers.
        // A stale version is 409 with "currentVersion" and the stored decision ("current").
        group.MapPost("/{id:int}/resolution", async Task<IResult> (int id, ResolutionBody body, ClaimsPrincipal user, ConflictResolutionService resolution) =>
            (await resolution.ResolveAsync(user, new ResolutionRequest(id, body.ExpectedVersion, body.Decision, body.PreferredFigureId, body.DismissalReason, body.Rationale)))
                .ToHttp(state => TypedResults.Ok(state)))
            .RequireAuthorization(Policies.CanReview);

        group.MapGet("/export.csv", (ConflictQueries queries, ConflictStatus? status, int? metricId, ConflictKind? kind) =>
            new CsvResult<ConflictRow>(queries.ExportAsync(new ConflictFilter(status, metricId, kind)), "conflicts.csv", Columns));

        group.MapGet("/export.json", (ConflictQueries queries, ConflictStatus? status, int? metricId, ConflictKind? kind) =>
            TypedResults.Ok(queries.ExportAsync(new ConflictFilter(status, metricId, kind))));

        group.MapGet("/{id:int}/claimreview", async Task<IResult> (int id, ConflictQueries queries, HttpRequest request) =>
            await queries.GetAsync(id) is not { } detail ? TypedResults.NotFound()
            : detail.State.Status != ConflictStatus.Resolved ? TypedResults.Problem("Only a resolved conflict has a review to publish.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Json(ClaimReviewDocument.For(detail, $"{request.Scheme}://{request.Host}"), contentType: "application/ld+json"));
    }
}
