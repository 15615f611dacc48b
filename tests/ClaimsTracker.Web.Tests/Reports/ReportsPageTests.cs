using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Account;
using ClaimsTracker.Web.Tests.Lists;

namespace ClaimsTracker.Web.Tests.Reports;

/// <summary>
/// The reports list is rendered on the server without a circuit, as the claims explorer is (issue 12): the
/// search, sort and page are in its address, the rows in the HTML, and sorts and pages are links.
/// </summary>
public partial class ReportsPageTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Reports_SignedInAnalyst_RendersRowsInTheHtmlWithoutACircuit()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync("/reports");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"static-page\"", html, StringComparison.Ordinal);
        // An interactive page carries a server component marker for blazor.web.js to start a circuit with.
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(ReportLinks(html));
        Assert.Matches("aria-sort=\"descending\"[^>]*>\\s*<a href=\"/reports\\?sort=PublishedOn\"", html);
    }

    [Fact]
    public async Task Reports_SortedByTitle_ListsTitlesInOrderAndMarksTheColumn()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var html = await client.GetStringAsync("/reports?order=Title+desc&size=100");

        // The database's collation decides the order; the API reads the same list with the same sort.
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?sort=Title&desc=true&take=100");
        var expected = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
        var titles = TitleCells().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["title"].Value)).ToList();
        Assert.True(titles.Count > 2, "the demo data has several reports");
        Assert.Equal(expected, titles);
        Assert.Contains("<option value=\"Title desc\" selected", html, StringComparison.Ordinal);
        Assert.Matches("aria-sort=\"descending\"[^>]*>\\s*<a href=\"/reports\\?sort=Title", html);
    }

    [Fact]
    public async Task Reports_SearchByOutletName_ShowsOnlyThatOutletsReportsAndKeepsTheSearchInLinks()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var outlet = OutletCells().Match(await client.GetStringAsync("/reports")).Groups["outlet"].Value;
        Assert.False(string.IsNullOrWhiteSpace(outlet));

        var html = await client.GetStringAsync($"/reports?q={Uri.EscapeDataString(outlet)}&size=100");

        var outlets = OutletCells().Matches(html).Select(m => m.Groups["outlet"].Value).ToList();
        Assert.NotEmpty(outlets);
        Assert.Contains(outlet, outlets);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(outlet)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"/reports?q={Uri.EscapeDataString(outlet)}&amp;sort=Title", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_NextLinks_WalkEveryReportOnceAndMatchTheOffsetPages()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var all = ReportLinks(await client.GetStringAsync("/reports?sort=Outlet&size=200"));

        var pages = await StaticListPages.WalkAsync(client, "/reports?sort=Outlet&size=2", "reports");
        // The second page read by its number alone (a refresh without the cursor, "previous").
        Assert.Equal(pages[1], ReportLinks(await client.GetStringAsync("/reports?sort=Outlet&size=2&page=2")));

        Assert.True(all.Count > 4, "the demo data should span several pages of two");
        Assert.Equal(all, pages.SelectMany(p => p).ToList());
    }

    [Theory]
    [InlineData("/reports?sort=Nope", "sort")]
    [InlineData("/reports?order=Nope+desc", "order")]
    [InlineData("/reports?sort=Title&desc=maybe", "desc")]
    [InlineData("/reports?page=0", "page")]
    [InlineData("/reports?size=100000", "size")]
    [InlineData("/reports?page=2&after=not-a-cursor", "after")]
    public async Task Reports_UnreadableAddress_Is400NamingTheParameter(string path, string parameter)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"view-problems\"", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{parameter}</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"reports-grid\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_SearchLongerThanTheLimit_Is400()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync($"/reports?q={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<strong>q</strong>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_CursorOfAnotherSort_Is400()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var next = StaticListPages.NextHref(await client.GetStringAsync("/reports?size=2"));
        Assert.NotNull(next);

        var response = await client.GetAsync(next + "&sort=Title");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static List<string> ReportLinks(string html) => StaticListPages.RowIds(html, "reports");



    [GeneratedRegex("href=\"/reports/[0-9]+\">(?<title>[^<]+)</a>")]
    private static partial Regex TitleCells();

    [GeneratedRegex("data-label=\"Outlet\">(?<outlet>[^<]+)</td>")]
    private static partial Regex OutletCells();
}
