using System.Security.Claims;
using ClaimsTracker.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClaimsTracker.Web.Features.Account;

/// <summary>
/// Checks on every request that a cookie or bearer token still belongs to a usable account: its
/// security stamp must match the stored one (it changes on sign-out, password change, role change
/// and lockout by an admin) and the account must not be locked. Otherwise the request is treated
/// as anonymous, so revocation takes effect at once and on every instance. One indexed lookup per
/// request; static files and the circuit's own traffic are skipped.
/// </summary>
public sealed class SessionValidation(IHttpContextAccessor http, IServiceProvider services, IOptions<IdentityOptions> identity) : IClaimsTransformation
{
    private const string CheckedKey = "session-validated";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var context = http.HttpContext;
        if (context is null || principal.Identity?.IsAuthenticated != true || IsStatic(context.Request.Path))
        {
            return principal;
        }

        if (context.Items.TryGetValue(CheckedKey, out var known) && known is bool valid)
        {
            return valid ? principal : new ClaimsPrincipal(new ClaimsIdentity());
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        valid = user is not null && !await users.IsLockedOutAsync(user)
            && (!users.SupportsUserSecurityStamp || stamp == await users.GetSecurityStampAsync(user));
        context.Items[CheckedKey] = valid;
        return valid ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>
    /// Right after authentication: a revoked cookie or token is answered as no credentials at all
    /// (401 on the API, the sign-in page otherwise), not as a signed-in user without rights (403).
    /// </summary>
    public static async Task RejectRevokedAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Items.TryGetValue(CheckedKey, out var known) && known is false)
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { title = "The session has ended; sign in again.", status = 401 }, context.RequestAborted);
                return;
            }

            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.Response.Redirect(AccountPaths.Login);
            return;
        }

        await next(context);
    }

    private static bool IsStatic(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/alive") || Path.HasExtension(path.Value);
}
