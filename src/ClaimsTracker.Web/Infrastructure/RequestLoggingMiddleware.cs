using System.Diagnostics;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// One log line per request: method, path, status, elapsed time and user. Stands in for
/// Serilog.AspNetCore's request logging, which does not restore here.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var user = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous";
            LogRequest(context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed, user);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms for {User}")]
    private partial void LogRequest(string method, PathString path, int statusCode, double elapsedMs, string? user);
}
