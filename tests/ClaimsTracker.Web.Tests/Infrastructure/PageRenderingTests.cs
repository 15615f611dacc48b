using System.Globalization;
using System.Net;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Account;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Infrastructure;

/// <summary>Every page renders on the server for a signed-in analyst, with the demo data behind it.</summary>
public class PageRenderingTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/", "/claims", "/claims?source=Zelenskyy&conflict=open", "/conflicts", "/conflicts?status=All", "/metrics", "/reports",
        "/sources", "/search?q=Kursk+casualties", "/metrics/{metric}", "/conflicts/{conflict}", "/claims/{claim}",
        "/sources/{source}", "/reports/{report}",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SignedInAnalyst_RendersWithoutError(string path)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync(await ResolveAsync(path));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        Assert.DoesNotContain("data-testid=\"request-id\"", html, StringComparison.Ordinal);
        Assert.Contains("ClaimsTracker", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EditorPages => new()
    {
        { "/reports/new", "report-form" },
        { "/reports/{report}/edit", "report-form" },
        { "/reports/{report}/proposals", "proposals-page" },
        { "/reports/{report}/claims/new", "claim-form" },
        { "/claims/{claim}/edit", "claim-form" },
        { "/sources/new", "source-form" },
        { "/sources/{source}/edit", "source-form" },
        { "/sources/{source}/merge", "source-merge" },
        { "/metrics/new", "metric-form" },
        { "/metrics/{metric}/edit", "metric-form" },
    };

    [Theory]
    [MemberData(nameof(EditorPages))]
    public async Task EditorPage_SignedInEditor_RendersItsForm(string path, string testId)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Editor));

        var response = await client.GetAsync(await ResolveAsync(path));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        Assert.DoesNotContain("data-testid=\"request-id\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"{testId}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EditorPages))]
    public async Task EditorPage_Analyst_IsSentToAccessDenied(string path, string testId)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var response = await client.GetAsync(await ResolveAsync(path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(testId);
    }

    [Fact]
    public async Task SourcePage_EditorSeesEditLinksAndHistory_AnalystOnlyHistory()
    {
        using var editor = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Editor));
        using var analyst = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));
        var path = await ResolveAsync("/sources/{source}");

        var editorHtml = await editor.GetStringAsync(path);
        var analystHtml = await analyst.GetStringAsync(path);

        Assert.Contains("data-testid=\"edit-source\"", editorHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"merge-source\"", editorHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"edit-source\"", analystHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"source-history\"", analystHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictPage_Analyst_SeesTheFiguresButNoDecisionForm()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var html = await client.GetStringAsync(await ResolveAsync("/conflicts/{conflict}"));

        Assert.Contains("data-testid=\"conflict-figures\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"resolution-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictPage_Reviewer_SeesTheDecisionForm()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Reviewer));

        var html = await client.GetStringAsync(await ResolveAsync("/conflicts/{conflict}"));

        Assert.Contains("data-testid=\"resolution-form\"", html, StringComparison.Ordinal);
    }

    private async Task<string> ResolveAsync(string path)
    {
        await using var db = app.CreateDbContext();
        return path
            .Replace("{metric}", (await db.Metrics.SingleAsync(m => m.Key == "nk-killed-or-wounded")).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{conflict}", (await db.Conflicts.OrderByDescending(c => c.Severity).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{claim}", (await db.Claims.OrderBy(c => c.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{source}", (await db.Sources.SingleAsync(s => s.Name == "Volodymyr Zelensky")).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{report}", (await db.Reports.OrderBy(r => r.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
