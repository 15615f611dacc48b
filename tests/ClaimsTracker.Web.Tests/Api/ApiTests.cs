using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Api;

public class ApiTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Login_WrongPassword_Gets401ProblemDetails()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "analyst@claims.test", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Reports_ListWithBearerToken_IsPagedAndCapped()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?take=2");
        var capped = await client.GetFromJsonAsync<JsonElement>("/api/v1/claims?take=100000");

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 5, "the five demo reports, and any a test added");
        Assert.True(capped.GetProperty("items").GetArrayLength() <= 200);
    }

    [Fact]
    public async Task Report_Missing_Gets404ProblemDetails()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var response = await client.GetAsync("/api/v1/reports/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/v1/reports/987654", Roles.Analyst, null)]
    [InlineData("GET", "/api/v1/claims/987654", Roles.Analyst, null)]
    [InlineData("GET", "/api/v1/sources/987654", Roles.Analyst, null)]
    [InlineData("GET", "/api/v1/sources/lookup?name=Nobody%20At%20All", Roles.Analyst, null)]
    [InlineData("GET", "/api/v1/metrics/987654", Roles.Analyst, null)]
    [InlineData("GET", "/api/v1/conflicts/987654", Roles.Analyst, null)]
    [InlineData("GET", "/api/v1/conflicts/987654/claimreview", Roles.Analyst, null)]
    [InlineData("GET", "/api/v1/reports/987654/proposals", Roles.Editor, null)]
    [InlineData("PUT", "/api/v1/metrics/987654", Roles.Editor, "{\"expectedVersion\":1,\"metric\":{\"key\":\"k\",\"name\":\"Nothing here\"}}")]
    [InlineData("GET", "/api/v1/metrics/987654/definition", Roles.Editor, null)]
    [InlineData("PUT", "/api/v1/reports/987654", Roles.Editor, "{\"expectedVersion\":1,\"report\":{\"title\":\"T\",\"outlet\":\"O\",\"publishedOn\":\"2025-01-01\",\"text\":\"Some text.\"}}")]
    [InlineData("POST", "/api/v1/reports/987654/proposals/accept", Roles.Editor, "{\"key\":\"k\",\"quote\":\"q\",\"source\":\"S\",\"figures\":[]}")]
    [InlineData("POST", "/api/v1/conflicts/987654/resolution", Roles.Reviewer, "{\"expectedVersion\":1,\"decision\":\"NeedsMoreInformation\",\"rationale\":\"r\"}")]
    public async Task Endpoint_MissingResource_Gets404(string method, string path, string role, string? body)
    {
        using var client = await ApiClient.ForRoleAsync(app, role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sources_LookupByAlias_FindsTheSource()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var source = await client.GetFromJsonAsync<JsonElement>("/api/v1/sources/lookup?name=ssu");

        Assert.Equal("Security Service of Ukraine", source.GetProperty("name").GetString());
    }

    [Fact]
    public async Task CreateThenUpdateReport_StaleVersion_Gets409WithCurrentVersion()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        var input = new
        {
            title = "An API-entered report",
            outlet = "API Wire",
            publishedOn = "2025-01-15",
            url = "https://example.org/api/entered",
            language = "en",
            text = "A written-for-the-test article: officials said about 300 soldiers were captured near the border in the last week.",
        };

        var created = await client.PostAsJsonAsync("/api/v1/reports", input);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportId").GetInt32();
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}");
        await using var db = app.CreateDbContext();
        var version = (await db.Reports.SingleAsync(r => r.Id == id)).Version;
        var first = await client.PutAsJsonAsync($"/api/v1/reports/{id}", new { expectedVersion = version, report = input with { title = "First edit" } });
        var second = await client.PutAsJsonAsync($"/api/v1/reports/{id}", new { expectedVersion = version, report = input with { title = "Second edit" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("An API-entered report", report.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("currentVersion", out _));
    }

    [Fact]
    public async Task CreateThenUpdateMetric_StaleVersion_Gets409WithCurrentVersion()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        var input = new { key = "api-boats-lost", name = "Boats lost (API)", kind = "Count", unit = "boats", isCumulative = true };

        var created = await client.PostAsJsonAsync("/api/v1/metrics", input);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metricId").GetInt32();
        var definition = await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/{id}/definition");
        var version = definition.GetProperty("expectedVersion").GetUInt32();
        var first = await client.PutAsJsonAsync($"/api/v1/metrics/{id}", new { expectedVersion = version, metric = input with { name = "Boats lost" } });
        var second = await client.PutAsJsonAsync($"/api/v1/metrics/{id}", new { expectedVersion = version, metric = input with { name = "Boats sunk" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("api-boats-lost", definition.GetProperty("metric").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("currentVersion", out _));
        await using var db = app.CreateDbContext();
        Assert.Equal("Boats lost", (await db.Metrics.SingleAsync(m => m.Id == id)).Name);
    }

    [Fact]
    public async Task CreateMetric_BadKeyOrAsAnalyst_IsRefusedWithProblemDetails()
    {
        using var editor = await ApiClient.ForRoleAsync(app, Roles.Editor);
        using var analyst = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var invalid = await editor.PostAsJsonAsync("/api/v1/metrics", new { key = "Not A Slug", name = "Bad key", kind = "Count" });
        var forbidden = await analyst.PostAsJsonAsync("/api/v1/metrics", new { key = "analyst-metric", name = "Analyst metric", kind = "Count" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Key", out _));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Metrics.AnyAsync(m => m.Name == "Bad key" || m.Key == "analyst-metric"));
    }

    [Fact]
    public async Task CreateReport_Invalid_Gets400WithFieldErrorsAndStoresNothing()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        await using var db = app.CreateDbContext();
        var before = await db.Reports.CountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/reports", new { title = "", outlet = "X", publishedOn = "2999-01-01", url = "javascript:alert(1)", text = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Title", out _));
        Assert.True(errors.TryGetProperty("Url", out _));
        Assert.True(errors.TryGetProperty("PublishedOn", out _));
        Assert.Equal(before, await db.Reports.CountAsync());
    }

    [Fact]
    public async Task ExportCsv_WithExplorerFilter_StreamsHeaderAndMatchingRows()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var csv = await client.GetStringAsync("/api/v1/exports/figures.csv?source=Zelenskyy");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("claim_id,figure_id,report_id", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), line => Assert.Contains("Volodymyr Zelensky", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportJson_IsAnArrayOfFigures()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var rows = await client.GetFromJsonAsync<JsonElement>("/api/v1/exports/figures.json?metricId=" + await MetricIdAsync("nk-killed-or-wounded"));

        Assert.Equal(JsonValueKind.Array, rows.ValueKind);
        Assert.Equal(5, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), r => Assert.Equal("nk-killed-or-wounded", r.GetProperty("metric").GetString()));
    }

    [Fact]
    public async Task Figures_FilteredByMetric_ArePaged()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/figures?metricId={await MetricIdAsync("nk-killed-or-wounded")}&take=2");

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(5, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AcceptProposal_NewArticle_CreatesClaimAndReportsItsConflicts()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        var created = await client.PostAsJsonAsync("/api/v1/reports", new
        {
            title = "Accepting through the API",
            outlet = "API Wire",
            publishedOn = "2025-01-14",
            url = "https://example.org/api/accept",
            text = "A spokesman for the general staff said that about 6,000 North Korean soldiers had been killed or wounded in the Kursk region by the end of December.",
        });
        var reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportId").GetInt32();
        var proposals = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}/proposals");
        var proposal = proposals.GetProperty("claims")[0];

        var accepted = await client.PostAsync($"/api/v1/reports/{reportId}/proposals/accept",
            new StringContent(proposal.GetRawText(), Encoding.UTF8, "application/json"));
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.True(body.GetProperty("claimId").GetInt32() > 0);
        Assert.Contains(body.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("explanation").GetString()!.Contains("about 6,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/conflicts/{id}/resolution", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/exports/figures.csv", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimReview_ResolvedConflict_IsSchemaOrgJsonLd()
    {
        using var reviewer = await ApiClient.ForRoleAsync(app, Roles.Reviewer);
        await using var db = app.CreateDbContext();
        var conflict = await db.Conflicts.Include(c => c.Members).Where(c => c.Status == ConflictStatus.Open && c.Kind == ConflictKind.TrendReversal || c.Kind == ConflictKind.ReportingDiscrepancy).FirstAsync();
        var resolve = await reviewer.PostAsJsonAsync($"/api/v1/conflicts/{conflict.Id}/resolution",
            new { expectedVersion = conflict.Version, decision = "PreferFigure", preferredFigureId = conflict.Members[0].FigureId, rationale = "The dated version." });

        var response = await reviewer.GetAsync($"/api/v1/conflicts/{conflict.Id}/claimreview");
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("https://schema.org", document.GetProperty("@context").GetString());
        var reviews = document.GetProperty("@graph").EnumerateArray().ToList();
        Assert.All(reviews, r => Assert.Equal("ClaimReview", r.GetProperty("@type").GetString()));
        Assert.Contains(reviews, r => r.GetProperty("reviewRating").GetProperty("alternateName").GetString() == "Supported");
    }

    [Theory]
    [InlineData("{ not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"title\": 12, \"text\": []}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("title=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task CreateReport_MalformedBody_Gets4xxNot500(string body, string contentType, HttpStatusCode expected)
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);

        var response = await client.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<int> MetricIdAsync(string key)
    {
        await using var db = app.CreateDbContext();
        return (await db.Metrics.SingleAsync(m => m.Key == key)).Id;
    }
}
