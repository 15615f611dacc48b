using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Api;

namespace ClaimsTracker.Web.Tests.Lists;

/// <summary>The API lists' cursor, capped count and word search, over the demo data.</summary>
public class ListApiTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Theory]
    [InlineData("/api/v1/reports?take=2")]
    [InlineData("/api/v1/claims?take=3&sort=Source")]
    [InlineData("/api/v1/figures?take=4")]
    [InlineData("/api/v1/sources?take=2&sort=Kind&desc=true")]
    [InlineData("/api/v1/conflicts?take=1")]
    [InlineData("/api/v1/metrics?take=2")]
    [InlineData("/api/v1/metrics?take=2&sort=Kind&desc=true")]
    public async Task List_FollowingNext_ReadsEveryRowOnce(string firstPage)
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);
        var ids = new List<int>();
        var url = firstPage;
        int? total = null;
        for (var pages = 0; pages < 200; pages++)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            total ??= page.GetProperty("total").GetInt32();
            Assert.False(page.GetProperty("totalIsCapped").GetBoolean());
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(url.Contains("/figures", StringComparison.Ordinal) ? "figureId" : "id").GetInt32()));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            // The cursor carries the sort (and these lists have no filter to send again).
            url = $"{firstPage.Split('?')[0]}?take=2&cursor={Uri.EscapeDataString(next)}";
        }

        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 2, "enough rows to need more than one page");
    }

    [Theory]
    [InlineData("/api/v1/claims?cursor=garbage", "cursor")]
    [InlineData("/api/v1/reports?sort=Password", "sort")]
    [InlineData("/api/v1/metrics?sort=OpenConflicts", "sort")]
    [InlineData("/api/v1/sources?cursor=eyJTIjoiTmFtZSIsIkQiOmZhbHNlLCJLIjpbMV19", "cursor")]
    public async Task List_BadCursorOrSort_Gets400NamingIt(string url, string field)
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Reports_SearchForAWordOnlyInTheText_FindsTheReports()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        // "interrogated" is in four demo reports' texts and in no title; stemming matches "interrogation" too.
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?search=interrogated");

        var titles = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(4, titles.Count);
        Assert.DoesNotContain("Seoul confirms Ukraine holds two North Korean prisoners", titles);
    }
}
