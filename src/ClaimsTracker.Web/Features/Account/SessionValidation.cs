using System.Security.Claims;
using ClaimsTracker.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClaimsTracker.Web.Features.Account;

/// <summary>
/// Checks on every request that a cookie or bearer token still belongs to a usable account: its
/// security stamp must match the stored one (it changes on sign-out, password change, role change
/// and lockout by an admin) and the account must not be locked. Otherwise the request is treated
/// as anonymous, so revocation takes effect at once and on every instance. One indexed lookup per
/// request, a precompiled query on a pooled context that reads only the three columns the check
/// needs (through UserManager it built a user manager and a find query each time, the larger part
/// of an API request's fixed cost: docs/performance.md); static files and the circuit's own
/// traffic are skipped.
/// </summary>
public sealed class SessionValidation(IHttpContextAccessor http, IDbContextFactory<ClaimsDbContext> contexts, IOptions<IdentityOptions> identity, TimeProvider clock)
    : IClaimsTransformation
{
    private const string CheckedKey = "session-validated";

    private static readonly Func<ClaimsDbContext, string, Task<StoredSession?>> ReadSession = EF.CompileAsyncQuery(
        (ClaimsDbContext db, string userId) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new StoredSession(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd))
            .FirstOrDefault());

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

        var claimTypes = identity.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal.FindFirstValue(claimTypes.SecurityStampClaimType);
        StoredSession? stored = null;
        if (userId is not null)
        {
            await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
            stored = await ReadSession(db, userId);
        }

        // As UserManager decides it: locked while lockout is enabled and its end lies ahead; the stamp must match.
        valid = stored is { SecurityStamp: not null }
            && !(stored.LockoutEnabled && stored.LockoutEnd >= clock.GetUtcNow())
            && stamp == stored.SecurityStamp;
        context.Items[CheckedKey] = valid;
        return valid ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>The columns of a user's row that say whether a session of theirs still stands.</summary>
    private sealed record StoredSession(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd);

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
