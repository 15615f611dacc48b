using System.Net;
using ClaimsTracker.Testing;

namespace ClaimsTracker.Web.Tests.Infrastructure;

public class HostingTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Health_DatabaseUp_ReportsHealthy()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alive_Anonymous_AnswersWithoutSignIn()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/reports")]
    [InlineData("/reports/1")]
    [InlineData("/sources")]
    public async Task Page_Anonymous_RedirectsToLogin(string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlazorScript_IsServedWhole()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/_framework/blazor.web.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(script.Length > 100_000, $"blazor.web.js is only {script.Length} characters");
        Assert.Contains("Blazor", script, StringComparison.Ordinal);
    }
}
