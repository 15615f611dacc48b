using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// Insert-or-get under concurrency: when two requests name the same new outlet, source, alias or
/// metric at once, both look it up, both miss and both insert; the unique index lets one win. The
/// loser's whole write was rolled back (each save is one transaction), so running the request again
/// finds the row the winner stored and uses it. Only the name tables qualify: a retry after any
/// other failure could repeat work that had already committed.
/// </summary>
public static class UniqueNameRace
{
    private const int Attempts = 4;

    private static readonly HashSet<string> NameTables = new(StringComparer.OrdinalIgnoreCase) { "Sources", "SourceAliases", "Metrics" };

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return async context =>
        {
            if (HttpMethods.IsGet(context.HttpContext.Request.Method))
            {
                return await next(context);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await next(context);
                }
                catch (DbUpdateException exception) when (IsNameRace(exception))
                {
                    if (attempt == Attempts)
                    {
                        return TypedResults.Problem("Someone else saved the same name at this moment; send the request again.", statusCode: StatusCodes.Status409Conflict);
                    }

                    // A short random pause, so the racers do not collide again in lock-step.
                    await Task.Delay(Random.Shared.Next(5, 25 * attempt), context.HttpContext.RequestAborted);
                }
            }
        };
    }

    public static bool IsNameRace(Exception exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: { } table } && NameTables.Contains(table);
}
