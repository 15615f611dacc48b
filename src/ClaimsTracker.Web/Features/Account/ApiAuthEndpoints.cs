using ClaimsTracker.Data.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClaimsTracker.Web.Features.Account;

public sealed record SignInBody(string? Email, string? Password);

public sealed record RefreshBody(string? RefreshToken);

/// <summary>
/// Bearer tokens for scripts: the same users, roles and lockout as the sign-in page. Access tokens
/// are short-lived; the refresh token gets a new pair while the account's security stamp is unchanged.
/// </summary>
public static class ApiAuthEndpoints
{
    /// <summary>Where scripts sign in; the sign-in rate limit applies here as on the page.</summary>
    public const string LoginPath = "/api/v1/auth/login";

    public const string RefreshPath = "/api/v1/auth/refresh";

    public static void MapApiAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", async Task<IResult> (SignInBody body, PasswordCheck passwords, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrWhiteSpace(body.Password))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [string.IsNullOrWhiteSpace(body.Email) ? "email" : "password"] = ["Both email and password are required."],
                });
            }

            // One answer for unknown, locked and wrong: nothing here tells which accounts exist.
            return await passwords.CheckAsync(body.Email, body.Password) is { } user
                ? TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme)
                : TypedResults.Problem(PasswordCheck.Refusal, statusCode: StatusCodes.Status401Unauthorized);
        })
        .AllowAnonymous()
        .WithTags("Authentication");

        api.MapPost("/auth/refresh", async Task<IResult> (RefreshBody body, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock,
            UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(body.RefreshToken))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["The refresh token from the sign-in answer is required."] });
            }

            var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
            // ValidateSecurityStampAsync refuses tokens issued before a sign-out, password or role change or an admin lockout.
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user || await users.IsLockedOutAsync(user))
            {
                return TypedResults.Problem("The refresh token is not valid any more; sign in again.", statusCode: StatusCodes.Status401Unauthorized);
            }

            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Authentication");
    }
}
