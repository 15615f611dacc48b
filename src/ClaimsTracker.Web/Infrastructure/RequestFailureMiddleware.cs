using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Common;
using Npgsql;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// Turns the failures that are the client's or the database's, not the app's, into honest answers
/// in every environment: unreadable input is a 400 naming the field (also in Development, where the
/// framework would throw), text that PostgreSQL cannot store in a query string or a posted form is
/// a 400 before any page or endpoint runs, and an unreachable database is a 503 with Retry-After.
/// </summary>
public sealed partial class RequestFailureMiddleware(RequestDelegate next, ILogger<RequestFailureMiddleware> logger)
{
    /// <summary>Seconds a client is asked to wait when the database is unreachable.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        if (await RejectUnstorableTextAsync(context))
        {
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            LogBadRequest(exception.Message);
            await WriteProblemAsync(context, exception.StatusCode, "The request could not be read.", exception.Message, FieldOf(exception));
        }
        catch (Exception exception) when (!context.Response.HasStarted && IsDatabaseUnavailable(exception))
        {
            LogDatabaseUnavailable(exception.GetBaseException().Message);
            await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "The database is unavailable.",
                $"Try again in {RetryAfterSeconds} seconds.", field: null, retryAfterSeconds: RetryAfterSeconds);
        }
    }

    /// <summary>True when the exception (or one it wraps) says the database cannot be reached or is refusing connections.</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // 08: connection exceptions; 53300: too many connections; 57P01-57P03: shutting down or starting.
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is "53300" or "57P01" or "57P02" or "57P03":
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException when current.Message.Contains("pool", StringComparison.OrdinalIgnoreCase):
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    private static async Task<bool> RejectUnstorableTextAsync(HttpContext context)
    {
        foreach (var (key, values) in context.Request.Query)
        {
            if (FirstProblem(key, values) is { } problem)
            {
                await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Invalid input.", problem.Message, problem.Field);
                return true;
            }
        }

        // Sign-in and other server-rendered forms; uploads (multipart) are checked by their handlers.
        if (context.Request.HasFormContentType && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            foreach (var (key, values) in form)
            {
                if (FirstProblem(key, values) is { } problem)
                {
                    await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Invalid input.", problem.Message, problem.Field);
                    return true;
                }
            }
        }

        return false;
    }

    private static (string Field, string Message)? FirstProblem(string key, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (TextRules.Problem(key, 200) is { } keyProblem)
        {
            return ("name", keyProblem);
        }

        foreach (var value in values)
        {
            // Control characters only: lengths are the business of each field's own validation.
            if (TextRules.Problem(value, int.MaxValue, multiline: true) is { } problem)
            {
                return (key, problem);
            }
        }

        return null;
    }

    private static string? FieldOf(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 1 } path })
        {
            return path.TrimStart('$', '.');
        }

        var match = ParameterName().Match(exception.Message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, string? field, int? retryAfterSeconds = null)
    {
        // Clear drops the headers too, so Retry-After is set after it.
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = new HttpValidationProblemDetails(field is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        };
        if (field is null)
        {
            problem.Errors.Clear();
        }

        await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request: {Reason}")]
    private partial void LogBadRequest(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable, answered 503: {Reason}")]
    private partial void LogDatabaseUnavailable(string reason);
}
