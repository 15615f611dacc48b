using System.Security.Claims;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Features.ReportEntry;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Features.Reports;

/// <summary>A report update names the version it was made on; a stale one gets 409.</summary>
public sealed record ReportUpdateBody(uint ExpectedVersion, ReportInput Report);

/// <summary>Every <c>/reports</c> endpoint, in one place: reading for every role, entry and proposals for editors.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/", async Task<IResult> (ReportQueries queries, string? search, int? skip, int? take, string? sort, bool? desc, string? cursor, CancellationToken cancellationToken) =>
            ListRequests.TryRead(ReportQueries.Orders, skip, take, sort, desc, cursor, out var page, out var problem)
                ? TypedResults.Ok(await queries.ListAsync(search, page, cancellationToken))
                : problem!);
        reports.MapGet("/{id:int}", async Task<IResult> (int id, ReportQueries queries) =>
            await queries.GetAsync(id) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());

        // The same prefix, one policy for all writes: editors only.
        var entry = api.MapGroup("/reports").WithTags("Report entry").RequireAuthorization(Policies.CanEdit);
        entry.MapPost("/", async (ReportInput body, ClaimsPrincipal user, ReportEditor editor) =>
            (await editor.CreateAsync(user, body)).ToHttp(saved => TypedResults.Created($"/api/v1/reports/{saved.ReportId}", saved)));

        entry.MapPut("/{id:int}", async (int id, ReportUpdateBody body, ClaimsPrincipal user, ReportEditor editor) =>
            body.Report is null
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["report"] = ["Send the report's fields under “report”, with “expectedVersion” beside it."] })
                : (await editor.UpdateAsync(user, id, body.ExpectedVersion, body.Report)).ToHttp(saved => TypedResults.Ok(saved)));

        entry.MapGet("/{id:int}/proposals", async Task<IResult> (int id, ProposalService proposals) =>
            await proposals.GetAsync(id) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound());

        // Accepting is posting the (corrected) proposal back; rejecting needs no call, nothing is stored.
        entry.MapPost("/{id:int}/proposals/accept", async (int id, ClaimDraft body, ClaimsPrincipal user, ProposalService proposals) =>
            (await proposals.AcceptAsync(user, id, body)).ToHttp(saved => TypedResults.Created($"/api/v1/claims/{saved.ClaimId}", saved)));
    }
}
