using System.Net;
using System.Text;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Account;
using ClaimsTracker.Web.Tests.Api;
using ClaimsTracker.Data.Initialisation;

namespace ClaimsTracker.Web.Tests.Security;

/// <summary>
/// Every endpoint and page × {anonymous, Analyst, Editor, Reviewer, Admin}, as written in
/// docs/security.md. Writes send bodies that fail validation, so a role that gets through is seen
/// as 400 (checked, not stored) and the database is not changed by the matrix itself.
/// </summary>
public class AuthorizationMatrixTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    public enum Access { Browse, Edit, Review, Administer, Anyone }

    private static readonly string?[] Everyone = [null, Roles.Analyst, Roles.Editor, Roles.Reviewer, Roles.Admin];

    private static readonly (string Method, string Path, Access Access)[] Api =
    [
        ("GET", "/api/v1/reports", Access.Browse),
        ("GET", "/api/v1/reports/{report}", Access.Browse),
        ("POST", "/api/v1/reports", Access.Edit),
        ("PUT", "/api/v1/reports/{report}", Access.Edit),
        ("GET", "/api/v1/reports/{report}/proposals", Access.Edit),
        ("POST", "/api/v1/reports/{report}/proposals/accept", Access.Edit),
        ("GET", "/api/v1/claims", Access.Browse),
        ("GET", "/api/v1/claims/{claim}", Access.Browse),
        ("GET", "/api/v1/sources", Access.Browse),
        ("GET", "/api/v1/sources/{source}", Access.Browse),
        ("GET", "/api/v1/sources/lookup?name=SBU", Access.Browse),
        ("GET", "/api/v1/metrics", Access.Browse),
        ("GET", "/api/v1/metrics/{metric}", Access.Browse),
        ("GET", "/api/v1/metrics/{metric}/definition", Access.Browse),
        ("POST", "/api/v1/metrics", Access.Edit),
        ("PUT", "/api/v1/metrics/{metric}", Access.Edit),
        ("GET", "/api/v1/conflicts", Access.Browse),
        ("GET", "/api/v1/conflicts/{conflict}", Access.Browse),
        ("GET", "/api/v1/conflicts/export.csv", Access.Browse),
        ("GET", "/api/v1/conflicts/export.json", Access.Browse),
        ("GET", "/api/v1/figures?metricId={metric}", Access.Browse),
        ("GET", "/api/v1/conflicts/{conflict}/claimreview", Access.Browse),
        ("GET", "/api/v1/figures/{figure}/disagrees-with/{figure}", Access.Browse),
        ("POST", "/api/v1/conflicts/{conflict}/resolution", Access.Review),
        ("GET", "/api/v1/exports/figures.csv", Access.Browse),
        ("GET", "/api/v1/exports/figures.json", Access.Browse),
        ("GET", "/openapi/v1.json", Access.Anyone),
    ];

    private static readonly (string Path, Access Access)[] Pages =
    [
        ("/", Access.Browse), ("/search", Access.Browse), ("/claims", Access.Browse), ("/claims/{claim}", Access.Browse),
        ("/conflicts", Access.Browse), ("/conflicts/{conflict}", Access.Browse), ("/metrics", Access.Browse), ("/metrics/{metric}", Access.Browse),
        ("/reports", Access.Browse), ("/reports/{report}", Access.Browse), ("/sources", Access.Browse), ("/sources/{source}", Access.Browse),
        ("/reports/new", Access.Edit), ("/reports/{report}/edit", Access.Edit), ("/reports/{report}/proposals", Access.Edit),
        ("/reports/{report}/claims/new", Access.Edit), ("/claims/{claim}/edit", Access.Edit), ("/import", Access.Edit),
        ("/sources/new", Access.Edit), ("/sources/{source}/edit", Access.Edit), ("/sources/{source}/merge", Access.Edit),
        ("/metrics/new", Access.Edit), ("/metrics/{metric}/edit", Access.Edit),
        ("/admin/users", Access.Administer),
        ("/account/login", Access.Anyone),
    ];

    public static TheoryData<string, string, Access, string?> ApiCases()
    {
        var data = new TheoryData<string, string, Access, string?>();
        foreach (var (method, path, access) in Api)
        {
            foreach (var role in Everyone)
            {
                data.Add(method, path, access, role);
            }
        }

        return data;
    }

    public static TheoryData<string, Access, string?> PageCases()
    {
        var data = new TheoryData<string, Access, string?>();
        foreach (var (path, access) in Pages)
        {
            foreach (var role in Everyone)
            {
                data.Add(path, access, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task Api_RoleGetsWhatTheMatrixSays(string method, string path, Access access, string? role)
    {
        using var client = await ApiClient.ForRoleAsync(app, role);
        using var request = new HttpRequestMessage(new HttpMethod(method), await Ids.ResolveAsync(app, path));
        if (method is "POST" or "PUT")
        {
            // Fails validation wherever it gets through: nothing is stored.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        var expected = Expected(access, role);
        var status = (int)response.StatusCode;
        switch (expected)
        {
            case HttpStatusCode.OK:
                Assert.True(status is (>= 200 and < 300) or 400 or 409, $"{method} {path} as {role}: {status}");
                break;
            default:
                Assert.Equal(expected, response.StatusCode);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task Page_RoleGetsWhatTheMatrixSays(string path, Access access, string? role)
    {
        using var client = role is null
            ? app.CreateClient(new() { AllowAutoRedirect = false })
            : await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(role));

        var response = await client.GetAsync(await Ids.ResolveAsync(app, path));

        switch (Expected(access, role))
        {
            case HttpStatusCode.OK:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case HttpStatusCode.Unauthorized:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
                break;
        }
    }

    private static HttpStatusCode Expected(Access access, string? role) => (access, role) switch
    {
        (Access.Anyone, _) => HttpStatusCode.OK,
        (_, null) => HttpStatusCode.Unauthorized,
        (Access.Browse, _) => HttpStatusCode.OK,
        (Access.Edit, Roles.Editor or Roles.Admin) => HttpStatusCode.OK,
        (Access.Review, Roles.Reviewer or Roles.Admin) => HttpStatusCode.OK,
        (Access.Administer, Roles.Admin) => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };
}
