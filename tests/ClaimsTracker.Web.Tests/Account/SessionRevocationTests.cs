using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Account;
using ClaimsTracker.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Account;

/// <summary>Tokens and sessions end when the account changes, and refusals do not tell accounts apart.</summary>
public class SessionRevocationTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Refresh_ValidToken_IssuesNewPair_ThenLockoutRevokesBoth()
    {
        using var client = app.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "reviewer@claims.test", password = ClaimsAppFactory.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var refresh = login.GetProperty("refreshToken").GetString();

        var renewed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var access = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync((await users.FindByNameAsync("admin@claims.test"))!);
            var reviewer = await users.FindByNameAsync("reviewer@claims.test");
            ResultAssert.Saved(await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetLockedAsync(admin, reviewer!.Id, locked: true));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports?take=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode);
    }

    [Fact]
    public async Task Login_UnknownLockedAndWrong_GetTheSameAnswer()
    {
        using var client = app.CreateClient();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var locked = new AppUser { UserName = "locked@claims.test", Email = "locked@claims.test", EmailConfirmed = true };
            await users.CreateAsync(locked, ClaimsAppFactory.DemoPassword);
            await users.AddToRoleAsync(locked, Roles.Analyst);
            await users.SetLockoutEndDateAsync(locked, DateTimeOffset.MaxValue);
        }

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (email, password) in new[] { ("nobody@claims.test", "Whatever-2025"), ("locked@claims.test", ClaimsAppFactory.DemoPassword), ("analyst@claims.test", "Wrong-pass-2025") })
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            answers.Add((response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, PasswordCheck.Refusal), a));
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = await SignInClient.SignedInAsync(app, "analyst@claims.test");

        var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }
}

/// <summary>The published demo accounts never exist outside Development.</summary>
public class ProductionAccountsTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Production_DemoUsersRequested_AreNotCreatedByTheApp()
    {
        // The fixture asks for demo users (Initialisation:CreateDemoUsers=true) and then arranges
        // its own; the app's initialiser must have refused, which the display names tell apart.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var analyst = await users.FindByNameAsync("analyst@claims.test");

        Assert.NotNull(analyst);
        Assert.Equal(Roles.Analyst, analyst.DisplayName);
    }
}
