using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Account;
using ClaimsTracker.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Security;

/// <summary>Hostile input through the API: each gets a clear 4xx (or is stored inert) and nothing half-written.</summary>
public class HostileInputTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    private const string Script = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    public static TheoryData<string, string> RejectedReports => new()
    {
        { "long title", Body(title: new string('t', 10_000)) },
        { "long outlet", Body(outlet: new string('o', 5_000)) },
        { "text over the limit", Body(text: new string('x', 200_001)) },
        { "impossible date", Body(publishedOn: "2025-13-45") },
        { "date in the future", Body(publishedOn: "2999-01-01") },
        { "date before print", Body(publishedOn: "0001-01-01") },
        { "javascript URL", Body(url: "javascript:alert(1)") },
        { "data URL", Body(url: "data:text/html,<script>alert(1)</script>") },
        { "relative URL", Body(url: "/relative/path") },
        { "language tag with script", Body(language: "<b>en</b>") },
        { "number for text", "{\"title\": 12, \"outlet\": \"X\", \"publishedOn\": \"2025-01-01\", \"text\": \"t\"}" },
        { "array for text", "{\"title\": \"T\", \"outlet\": \"X\", \"publishedOn\": \"2025-01-01\", \"text\": [1, 2]}" },
        { "NaN date", "{\"title\": \"T\", \"outlet\": \"X\", \"publishedOn\": NaN, \"text\": \"t\"}" },
        { "truncated JSON", "{\"title\": \"T\", \"outlet\": " },
        { "empty body", "" },
        { "only white space", Body(title: "   ", outlet: "\t", text: "\n\n") },
    };

    [Theory]
    [MemberData(nameof(RejectedReports))]
    public async Task CreateReport_HostileBody_Gets400AndStoresNothing(string what, string body)
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        var before = await CountsAsync();

        var response = await client.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task CreateReport_ScriptInEveryField_IsStoredAsTextAndShownInert()
    {
        using var api = await ApiClient.ForRoleAsync(app, Roles.Editor);
        var response = await api.PostAsync("/api/v1/reports", new StringContent(
            Body(title: "Title " + Script, outlet: "Outlet " + Script, text: "Body text " + Script + " with about 40 soldiers.", url: "https://example.org/hostile/script"),
            Encoding.UTF8, "application/json"));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportId").GetInt32();
        using var browser = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var html = await browser.GetStringAsync($"/reports/{id}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateReport_InvisibleCharactersInOutlet_DoNotCreateATwinSource()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);

        var response = await client.PostAsync("/api/v1/reports", new StringContent(
            Body(outlet: "Kyiv\u200B Post\u200F", url: "https://example.org/hostile/invisible", title: "Invisible characters", text: "Written for the test: a short note with 3 figures."),
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Sources.CountAsync(s => s.Name.StartsWith("Kyiv")));
    }

    [Fact]
    public async Task AcceptProposal_NegativeValue_Gets400AndStoresNothing()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        await using var db = app.CreateDbContext();
        var report = await db.Reports.OrderBy(r => r.Id).FirstAsync();
        var metric = await db.Metrics.FirstAsync(m => m.Key == "nk-killed");
        var before = await CountsAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/reports/{report.Id}/proposals/accept", new
        {
            key = "k",
            quoteStart = 0,
            quoteEnd = 10,
            quote = report.Text[..10],
            source = "Somebody",
            figures = new[] { new { include = true, asWritten = "-300", qualifier = "Exact", value = -300, kind = "Count", metricId = metric.Id, scope = "" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("negative", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Resolve_AbsurdIdsAndEnums_Get4xx()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Reviewer);

        var missing = await client.PostAsJsonAsync("/api/v1/conflicts/2147483647/resolution", new { expectedVersion = 1, decision = "PreferFigure", rationale = "x" });
        var badEnum = await client.PostAsync("/api/v1/conflicts/1/resolution", new StringContent("{\"expectedVersion\":1,\"decision\":\"DeleteEverything\",\"rationale\":\"x\"}", Encoding.UTF8, "application/json"));
        var negativeVersion = await client.PostAsync("/api/v1/conflicts/1/resolution", new StringContent("{\"expectedVersion\":-1,\"decision\":\"NeedsMoreInformation\",\"rationale\":\"x\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negativeVersion.StatusCode);
    }

    private static string Body(string title = "A report written for the hostile-input tests", string outlet = "Test Wire", string publishedOn = "2025-01-15",
        string? url = null, string language = "en", string text = "Written for the test: officials said about 40 soldiers were captured.") =>
        JsonSerializer.Serialize(new { title, outlet, publishedOn, url, language, text, authors = "Tester" });

    private async Task<(int, int, int, int)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Reports.CountAsync(), await db.Sources.CountAsync(), await db.Claims.CountAsync(), await db.Figures.CountAsync());
    }
}
