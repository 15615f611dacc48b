using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Claims;
using ClaimsTracker.Web.Tests.Account;
using ClaimsTracker.Web.Tests.Lists;

namespace ClaimsTracker.Web.Tests.Claims;

/// <summary>
/// The explorer is rendered on the server without a circuit (issue 12): the whole view is in its
/// address, the rows are in the HTML, and sorts and pages are links a plain GET follows.
/// </summary>
public partial class ClaimsExplorerPageTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Explorer_SignedInAnalyst_RendersRowsInTheHtmlWithoutACircuit()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync("/claims");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"static-page\"", html, StringComparison.Ordinal);
        // An interactive page carries a server component marker for blazor.web.js to start a circuit with.
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(ClaimLinks(html));
        Assert.Contains("aria-sort=\"descending\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_SourceAlias_ShowsOnlyThatSourcesClaims()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var html = await client.GetStringAsync("/claims?source=Zelenskyy&size=100");

        var sources = SourceCells().Matches(html).Select(m => m.Groups["source"].Value.Trim()).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith("Volodymyr Zelensky", s, StringComparison.Ordinal));
        Assert.Contains("value=\"Zelenskyy\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_NextLinks_WalkEveryClaimOnceAndMatchTheOffsetPages()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var all = ClaimLinks(await client.GetStringAsync("/claims?sort=Source&size=200"));

        var pages = await StaticListPages.WalkAsync(client, "/claims?sort=Source&size=3", "claims");
        // The second page read by its number alone (a refresh without the cursor, "previous").
        Assert.Equal(pages[1], ClaimLinks(await client.GetStringAsync("/claims?sort=Source&size=3&page=2")));

        Assert.True(all.Count > 6, "the demo data should span several pages of three");
        Assert.Equal(all, pages.SelectMany(p => p).ToList());
    }

    [Theory]
    [InlineData("/claims?kind=Nope", "kind")]
    [InlineData("/claims?kind=1", "kind")]
    [InlineData("/claims?sort=Nope", "sort")]
    [InlineData("/claims?outlet=abc", "outlet")]
    [InlineData("/claims?from=2025-02-30", "from")]
    [InlineData("/claims?page=0", "page")]
    [InlineData("/claims?size=100000", "size")]
    [InlineData("/claims?page=2&after=not-a-cursor", "after")]
    [InlineData("/claims?conflict=maybe", "conflict")]
    public async Task Explorer_UnreadableAddress_Is400NamingTheParameter(string path, string parameter)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"view-problems\"", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{parameter}</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"claims-grid\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_CursorOfAnotherSort_Is400()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var next = StaticListPages.NextHref(await client.GetStringAsync("/claims?size=2"));
        Assert.NotNull(next);

        var response = await client.GetAsync(next + "&sort=Outlet");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OutletAndMetricOptions_SearchText_ReturnAScreenfulOfMatchingNames()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var everyOutlet = await client.GetFromJsonAsync<List<Option>>("/api/v1/claims/outlets");
        var metrics = await client.GetFromJsonAsync<List<Option>>("/api/v1/claims/metrics?search=killed");

        Assert.NotNull(everyOutlet);
        Assert.InRange(everyOutlet.Count, 1, 20);
        var first = everyOutlet[0];
        var found = await client.GetFromJsonAsync<List<Option>>($"/api/v1/claims/outlets?search={Uri.EscapeDataString(first.Name[..3])}");
        Assert.Contains(first, found!);
        Assert.NotNull(metrics);
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.Contains("killed", m.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Explorer_OutletInTheAddress_ShowsItsNameInThePicker()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var outlet = (await client.GetFromJsonAsync<List<Option>>("/api/v1/claims/outlets"))![0];

        var html = await client.GetStringAsync($"/claims?outlet={outlet.Id}");

        Assert.Contains($"value=\"{WebUtility.HtmlEncode(outlet.Name)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{outlet.Id}\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(ClaimLinks(html));
    }

    private static List<string> ClaimLinks(string html) => StaticListPages.RowIds(html, "claims");



    [GeneratedRegex("data-label=\"Source\">(?<source>[^<]+)")]
    private static partial Regex SourceCells();
}
