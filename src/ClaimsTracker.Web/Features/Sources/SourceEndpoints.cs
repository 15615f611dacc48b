using ClaimsTracker.Data;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Sources;

public static class SourceEndpoints
{
    public static void MapSourceEndpoints(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources.MapGet("/", async Task<IResult> (SourceQueries queries, string? search, int? skip, int? take, string? sort, bool? desc, string? cursor, CancellationToken cancellationToken) =>
            ListRequests.TryRead(SourceQueries.Orders, skip, take, sort, desc, cursor, out var page, out var problem)
                ? TypedResults.Ok(await queries.ListAsync(search, page, cancellationToken))
                : problem!);
        sources.MapGet("/{id:int}", async Task<IResult> (int id, SourceQueries queries) =>
            await queries.GetAsync(id) is { } source ? TypedResults.Ok(source) : TypedResults.NotFound());
        // "Zelenskyy", "SSU": any name or alias leads to the one source.
        sources.MapGet("/lookup", async Task<IResult> (string name, IDbContextFactory<ClaimsDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await SourceDirectory.FindAsync(db, name) is { } source
                ? TypedResults.Ok(new { source.Id, source.Name, source.Kind, Aliases = source.Aliases.Select(a => a.Name) })
                : TypedResults.NotFound();
        });
    }
}
