using System.Net;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;

namespace ClaimsTracker.Web.Tests.Account;

public class SignInTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    public static TheoryData<string> AllRoles => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Login_DemoUserOfEachRole_ReachesOverview(string role)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(role));

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Overview", html, StringComparison.Ordinal);
        Assert.Contains(InitialisationOptions.DemoUserName(role), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsMessageAndSetsNoCookie()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var response = await SignInClient.PostLoginAsync(client, InitialisationOptions.DemoUserName(Roles.Analyst), "not-the-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ClaimsTracker.Web.Features.Account.PasswordCheck.Refusal, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Login_EmptyForm_ShowsFieldMessages()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var response = await SignInClient.PostLoginAsync(client, string.Empty, string.Empty);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Enter your email.", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSession()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Editor));
        var overview = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(overview, "name=\"__RequestVerificationToken\" value=\"(?<t>[^\"]+)\"").Groups["t"].Value;

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
