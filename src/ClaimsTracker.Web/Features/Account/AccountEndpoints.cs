using System.Security.Claims;
using ClaimsTracker.Data.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ClaimsTracker.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST carrying the antiforgery token of the layout's form: a forged cross-site POST is refused.
        endpoints.MapPost(AccountPaths.Logout, async Task<IResult> (HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery,
            UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.Problem("The sign-out form has expired; reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
            }

            // A new security stamp ends this session for good: a copy of the cookie (or a bearer
            // token of the same user) is refused from the next request on, on every instance.
            if (await users.GetUserAsync(principal) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(AccountPaths.Login);
        }).RequireAuthorization();
    }
}
