using ClaimsTracker.Data;
using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Configuration;

public static class IdentityConfiguration
{
    public static void AddClaimsIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, SignedInAuditActor>();
        services.AddScoped<PasswordCheck>();
        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, SessionValidation>();
        // Antiforgery and session cookies are Secure whenever the request came over HTTPS (also via a trusted proxy).
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearerScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // Browsers carry the cookie; scripts send "Authorization: Bearer …" from /api/v1/auth/login.
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            // Short-lived access tokens; POST /api/v1/auth/refresh trades the refresh token for a new pair.
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromMinutes(15);
                options.RefreshTokenExpiration = TimeSpan.FromDays(7);
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = AccountPaths.Login;
            cookie.AccessDeniedPath = AccountPaths.AccessDenied;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            // Scripts calling the API want a status code, not a redirect to a sign-in page.
            cookie.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Identity's stores want a context of their own per request.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ClaimsDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ClaimsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthorization(Policies.Add);
    }

    public const string ApiPrefix = "/api";

    private const string CookieOrBearerScheme = "CookieOrBearer";

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
