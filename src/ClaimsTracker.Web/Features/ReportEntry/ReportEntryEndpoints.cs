using System.Security.Claims;
using ClaimsTracker.Web.Authorization;

namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>A report update names the version it was made on; a stale one gets 409.</summary>
public sealed record ReportUpdateBody(uint ExpectedVersion, ReportInput Report);

public static class ReportEntryEndpoints
{
    public static void MapReportEntryEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Report entry").RequireAuthorization(Policies.CanEdit);

        reports.MapPost("/", async (ReportInput body, ClaimsPrincipal user, ReportEditor editor) =>
            ToResult(await editor.CreateAsync(user, body), created: true));

        reports.MapPut("/{id:int}", async (int id, ReportUpdateBody body, ClaimsPrincipal user, ReportEditor editor) =>
            body.Report is null
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["report"] = ["Send the report's fields under “report”, with “expectedVersion” beside it."] })
                : ToResult(await editor.UpdateAsync(user, id, body.ExpectedVersion, body.Report), created: false));

        reports.MapGet("/{id:int}/proposals", async Task<IResult> (int id, ProposalService proposals) =>
            await proposals.GetAsync(id) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound());

        // Accepting is posting the (corrected) proposal back; rejecting needs no call, nothing is stored.
        reports.MapPost("/{id:int}/proposals/accept", async Task<IResult> (int id, ClaimDraft body, ClaimsPrincipal user, ProposalService proposals) =>
            await proposals.AcceptAsync(user, id, body) switch
            {
                AcceptOutcome.Saved saved => TypedResults.Created($"/api/v1/claims/{saved.ClaimId}", saved),
                AcceptOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
                AcceptOutcome.Forbidden => TypedResults.Forbid(),
                _ => TypedResults.NotFound(),
            });
    }

    private static IResult ToResult(ReportSaveOutcome outcome, bool created) => outcome switch
    {
        ReportSaveOutcome.Saved saved when created => TypedResults.Created($"/api/v1/reports/{saved.ReportId}", saved),
        ReportSaveOutcome.Saved saved => TypedResults.Ok(saved),
        ReportSaveOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        ReportSaveOutcome.PossibleDuplicate duplicate => TypedResults.Problem(
            "This looks like a report already stored; send saveDespiteDuplicates: true to save it anyway.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["duplicates"] = duplicate.Duplicates }),
        ReportSaveOutcome.ChangedMeanwhile changed => TypedResults.Problem(changed.Summary, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = changed.CurrentVersion }),
        ReportSaveOutcome.Forbidden => TypedResults.Forbid(),
        _ => TypedResults.NotFound(),
    };
}
