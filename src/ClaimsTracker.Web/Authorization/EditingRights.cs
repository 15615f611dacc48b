using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ClaimsTracker.Web.Authorization;

/// <summary>
/// "May this user edit?" (every service that writes reports, claims, sources or metrics), "may
/// this user review?" (conflict decisions) and "may this user administer?" (user administration),
/// asked by the services themselves, so pages and endpoints are not the only guard.
/// </summary>
public static class EditingRights
{
    public static Task<bool> MayEditAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        MayAsync(authorization, user, Policies.CanEdit);

    public static Task<bool> MayReviewAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        MayAsync(authorization, user, Policies.CanReview);

    public static Task<bool> MayAdministerAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        MayAsync(authorization, user, Policies.CanAdminister);

    private static async Task<bool> MayAsync(IAuthorizationService authorization, ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
