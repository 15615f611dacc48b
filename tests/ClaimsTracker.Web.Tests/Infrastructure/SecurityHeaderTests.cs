using System.Net;
using System.Text.RegularExpressions;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Account;
using Microsoft.AspNetCore.Hosting;

namespace ClaimsTracker.Web.Tests.Infrastructure;

public partial class SecurityHeaderTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Page_Response_CarriesSecurityHeadersAndANonceTheImportMapUses()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        var nonce = Nonce().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Nonce_DiffersBetweenResponses()
    {
        using var client = app.CreateClient();

        var first = Nonce().Match(Assert.Single((await client.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        var second = Nonce().Match(Assert.Single((await client.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;

        Assert.NotEqual(first, second);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}

/// <summary>The app with a sign-in limit small enough to reach in a test.</summary>
public sealed class LowSignInLimitFactory : ClaimsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:SignInPermitsPerMinute", "3");
    }
}

public class SignInRateLimitTests(LowSignInLimitFactory app) : IClassFixture<LowSignInLimitFactory>
{
    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_Gets429WithAMessage()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await SignInClient.PostLoginAsync(client, "analyst@claims.test", "wrong-password")).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        var last = await SignInClient.PostLoginAsync(client, "analyst@claims.test", ClaimsAppFactory.DemoPassword);
        Assert.Contains("Too many sign-in attempts", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
