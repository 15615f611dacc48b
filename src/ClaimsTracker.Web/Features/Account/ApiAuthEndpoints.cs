using ClaimsTracker.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClaimsTracker.Web.Features.Account;

public sealed record SignInBody(string? Email, string? Password);

/// <summary>Bearer tokens for scripts: the same users, roles and lockout as the sign-in page.</summary>
public static class ApiAuthEndpoints
{
    /// <summary>Where scripts sign in; the sign-in rate limit applies here as on the page.</summary>
    public const string LoginPath = "/api/v1/auth/login";

    public static void MapApiAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", async Task<IResult> (SignInBody body, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrWhiteSpace(body.Password))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [string.IsNullOrWhiteSpace(body.Email) ? "email" : "password"] = ["Both email and password are required."],
                });
            }

            var user = await users.FindByEmailAsync(body.Email.Trim());
            var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return TypedResults.Problem("Too many failed attempts: the account is locked for a while.", statusCode: StatusCodes.Status403Forbidden);
            }

            if (!result.Succeeded)
            {
                return TypedResults.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user!), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Authentication");
    }
}
