using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ClaimsTracker.Web.Authorization;

/// <summary>
/// "May this user edit?" (asked by every service that writes reports, claims, sources or metrics)
/// and "may this user administer?" (asked by user administration), so pages and endpoints are not
/// the only guard.
/// </summary>
public static class EditingRights
{
    public static async Task<bool> MayEditAsync(this IAuthorizationService authorization, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded;
    }

    public static async Task<bool> MayAdministerAsync(this IAuthorizationService authorization, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, Policies.CanAdminister)).Succeeded;
    }
}
