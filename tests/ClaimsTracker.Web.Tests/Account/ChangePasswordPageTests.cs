using System.Net;
using System.Text.RegularExpressions;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Account;
using ClaimsTracker.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Account;

/// <summary>The change-password form as a browser posts it: this session goes on, the others end.</summary>
public partial class ChangePasswordPageTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    private const string FirstPassword = "Long-enough-pass-1";

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_KeepsThisSessionAndEndsTheOthers()
    {
        await CreateUserAsync("two-tabs@claims.test");
        using var here = await SignInClient.SignedInAsync(app, "two-tabs@claims.test", FirstPassword);
        using var elsewhere = await SignInClient.SignedInAsync(app, "two-tabs@claims.test", FirstPassword);

        var response = await PostAsync(here, FirstPassword, "Brand-new-pass-6", "Brand-new-pass-6");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AccountPaths.ChangePassword}?changed=true", response.Headers.Location?.PathAndQuery);
        Assert.Contains("Your password was changed", await here.GetStringAsync($"{AccountPaths.ChangePassword}?changed=true"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/")).StatusCode);
        using var fresh = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInClient.PostLoginAsync(fresh, "two-tabs@claims.test", "Brand-new-pass-6")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_SaysSoUnderTheFieldAndChangesNothing()
    {
        await CreateUserAsync("typo@claims.test");
        using var here = await SignInClient.SignedInAsync(app, "typo@claims.test", FirstPassword);

        var response = await PostAsync(here, "not-my-password", "Brand-new-pass-7", "Brand-new-pass-7");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"error-CurrentPassword\">That is not your current password.", html);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        using var fresh = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInClient.PostLoginAsync(fresh, "typo@claims.test", FirstPassword)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_ConfirmationDiffers_IsRefusedBeforeTheService()
    {
        await CreateUserAsync("mismatch@claims.test");
        using var here = await SignInClient.SignedInAsync(app, "mismatch@claims.test", FirstPassword);

        var html = await (await PostAsync(here, FirstPassword, "Brand-new-pass-8", "Brand-new-pass-9")).Content.ReadAsStringAsync();

        Assert.Contains("The two new passwords differ.", html, StringComparison.Ordinal);
        using var fresh = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInClient.PostLoginAsync(fresh, "mismatch@claims.test", FirstPassword)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Anonymous_IsSentToSignIn()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(AccountPaths.ChangePassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AccountPaths.Login, response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePasswordPage_LabelsAreLinkedToTheirInputs()
    {
        using var here = await SignInClient.SignedInAsync(app, "analyst@claims.test");

        var html = await here.GetStringAsync(AccountPaths.ChangePassword);

        foreach (var id in new[] { "current-password", "new-password", "confirm-password" })
        {
            Assert.Contains($"<label for=\"{id}\">", html, StringComparison.Ordinal);
            Assert.Matches($"id=\"{id}\"[^>]*type=\"password\"|type=\"password\"[^>]*id=\"{id}\"", html);
        }
    }

    private async Task CreateUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(
            (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin@claims.test"))!);
        ResultAssert.Saved(await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(admin, email, FirstPassword, [Roles.Analyst]));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string current, string next, string confirm)
    {
        var form = await client.GetStringAsync(AccountPaths.ChangePassword);
        var token = AntiforgeryField().Match(form).Groups["token"].Value;
        return await client.PostAsync(AccountPaths.ChangePassword, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
