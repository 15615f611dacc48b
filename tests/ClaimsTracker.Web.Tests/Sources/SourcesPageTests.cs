using System.Net;
using System.Text.RegularExpressions;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Account;
using ClaimsTracker.Web.Tests.Lists;

namespace ClaimsTracker.Web.Tests.Sources;

/// <summary>
/// The sources list is rendered on the server without a circuit (issue 12), as the reports list is: the search,
/// sort and page are in its address, the rows in the HTML, and sorts and pages are links.
/// </summary>
public partial class SourcesPageTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Sources_AliasSearch_FindsTheSourceInTheHtmlWithoutACircuit()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync("/sources?q=Zelenskyy");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"static-page\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
        var names = NameCells().Matches(html).Select(m => m.Groups["name"].Value).ToList();
        Assert.Contains("Volodymyr Zelensky", names);
        Assert.Contains("value=\"Zelenskyy\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_NewSourceButton_ShowsForEditorsOnly()
    {
        using var analyst = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        using var editor = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Editor));

        Assert.DoesNotContain("data-testid=\"new-source\"", await analyst.GetStringAsync("/sources"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"new-source\"", await editor.GetStringAsync("/sources"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_NextLinks_WalkEverySourceOnce()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var all = SourceLinks(await client.GetStringAsync("/sources?sort=Kind&desc=true&size=200"));

        var pages = await StaticListPages.WalkAsync(client, "/sources?sort=Kind&desc=true&size=3", "sources");

        Assert.True(all.Count > 6, "the demo data should span several pages of three");
        Assert.Equal(all, pages.SelectMany(p => p).ToList());
    }

    [Theory]
    [InlineData("/sources?sort=Password", "sort")]
    [InlineData("/sources?order=Kind+sideways", "order")]
    [InlineData("/sources?size=0", "size")]
    [InlineData("/sources?page=2&after=eyJTIjoiTmFtZSIsIkQiOmZhbHNlLCJLIjpbMV19", "after")]
    public async Task Sources_UnreadableAddress_Is400NamingTheParameter(string path, string parameter)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<strong>{parameter}</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sources-grid\"", html, StringComparison.Ordinal);
    }

    private static List<string> SourceLinks(string html) => StaticListPages.RowIds(html, "sources");



    [GeneratedRegex("href=\"/sources/[0-9]+\">(?<name>[^<]+)</a>")]
    private static partial Regex NameCells();
}
