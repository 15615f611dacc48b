using ClaimsTracker.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClaimsTracker.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST with the antiforgery token the layout's form carries; a GET could be forged by a link.
        endpoints.MapPost(AccountPaths.Logout, async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(AccountPaths.Login);
        }).RequireAuthorization();
    }
}
