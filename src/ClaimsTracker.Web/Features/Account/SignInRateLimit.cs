using System.Threading.RateLimiting;

namespace ClaimsTracker.Web.Features.Account;

/// <summary>
/// Slows password guessing: sign-in attempts per client address are limited per minute
/// ("RateLimiting:SignInPermitsPerMinute"); account lockout after repeated failures adds to it.
/// </summary>
public static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:SignInPermitsPerMinute", 10);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", cancellationToken);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignIn(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments(AccountPaths.Login, StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(ApiAuthEndpoints.LoginPath, StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(ApiAuthEndpoints.RefreshPath, StringComparison.OrdinalIgnoreCase));
}
