using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Operations;

/// <summary>
/// The app on Kestrel at a loopback port, so requests come from a real client address
/// (127.0.0.1), with a sign-in limit of two a minute. The test server of WebApplicationFactory
/// has no client address at all, which the forwarded-headers middleware would trust.
/// </summary>
public abstract class BehindProxyFactory(string? knownProxy) : ClaimsAppFactory(realServer: true, loadDemoData: true)
{
    public const int SignInPermits = 2;

    public HttpClient Client(string? forwardedFor = null, string? forwardedHost = null, string? forwardedProto = null)
    {
        var client = new HttpClient { BaseAddress = ServerAddress };
        AddIfSet(client.DefaultRequestHeaders, "X-Forwarded-For", forwardedFor);
        AddIfSet(client.DefaultRequestHeaders, "X-Forwarded-Host", forwardedHost);
        AddIfSet(client.DefaultRequestHeaders, "X-Forwarded-Proto", forwardedProto);
        return client;
    }

    /// <summary>Signs <paramref name="client"/> in as a reviewer, resolves the first open conflict and returns its ClaimReview document.</summary>
    public async Task<(int ConflictId, string Document)> ClaimReviewOfAResolvedConflictAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = InitialisationOptions.DemoUserName(Roles.Reviewer), password = DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var db = CreateDbContext();
        var conflict = await db.Conflicts.Include(c => c.Members).Where(c => c.Status == ConflictStatus.Open).OrderBy(c => c.Id).FirstAsync();
        var resolve = await client.PostAsJsonAsync($"/api/v1/conflicts/{conflict.Id}/resolution",
            new { expectedVersion = conflict.Version, decision = "PreferFigure", preferredFigureId = conflict.Members[0].FigureId, rationale = "The dated figure." });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        return (conflict.Id, await client.GetStringAsync($"/api/v1/conflicts/{conflict.Id}/claimreview"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:SignInPermitsPerMinute", SignInPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (knownProxy is not null)
        {
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", knownProxy);
        }
    }

    private static void AddIfSet(HttpRequestHeaders headers, string name, string? value)
    {
        if (value is not null)
        {
            headers.Add(name, value);
        }
    }
}

/// <summary>The proxy in front is this machine's loopback address, and it is configured as known.</summary>
public sealed class TrustedProxyFactory() : BehindProxyFactory("127.0.0.1");

/// <summary>No proxy configured: whoever sends X-Forwarded-* is not believed.</summary>
public sealed class UntrustedProxyFactory() : BehindProxyFactory(knownProxy: null);

public class TrustedProxyTests(TrustedProxyFactory app) : IClassFixture<TrustedProxyFactory>
{
    [Fact]
    public async Task SignIn_TwoClientsBehindAKnownProxy_HaveABucketEach()
    {
        using var first = app.Client(forwardedFor: "203.0.113.10");
        using var second = app.Client(forwardedFor: "203.0.113.20");

        var firstStatuses = await SignInAttemptsAsync(first, BehindProxyFactory.SignInPermits + 1);
        var secondStatus = (await SignInAsync(second)).StatusCode;

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, firstStatuses.Take(BehindProxyFactory.SignInPermits));
        Assert.Equal(HttpStatusCode.TooManyRequests, firstStatuses[^1]);
        // The second client's address has its own, untouched bucket.
        Assert.Equal(HttpStatusCode.Unauthorized, secondStatus);
    }

    [Fact]
    public async Task ClaimReview_BehindAKnownProxy_LinksToThePublicSchemeAndHost()
    {
        using var reviewer = app.Client(forwardedFor: "203.0.113.30", forwardedHost: "claims.newsroom.example", forwardedProto: "https");

        var (conflictId, document) = await app.ClaimReviewOfAResolvedConflictAsync(reviewer);

        Assert.Contains($"https://claims.newsroom.example/conflicts/{conflictId}", document, StringComparison.Ordinal);
        Assert.DoesNotContain(app.ServerAddress.Authority, document, StringComparison.Ordinal);
    }

    internal static async Task<List<HttpStatusCode>> SignInAttemptsAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < count; attempt++)
        {
            statuses.Add((await SignInAsync(client)).StatusCode);
        }

        return statuses;
    }

    /// <summary>A failed API sign-in for an unknown account: counts against the limit, locks nobody out.</summary>
    internal static Task<HttpResponseMessage> SignInAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@claims.test", password = "not-the-password" });
}

public class UntrustedProxyTests(UntrustedProxyFactory app) : IClassFixture<UntrustedProxyFactory>
{
    [Fact]
    public async Task SignIn_ForwardedForFromAnUnknownSender_IsIgnoredSoSpoofingGetsNoNewBucket()
    {
        using var first = app.Client(forwardedFor: "203.0.113.10");
        using var spoofing = app.Client(forwardedFor: "203.0.113.99");

        var firstStatuses = await TrustedProxyTests.SignInAttemptsAsync(first, BehindProxyFactory.SignInPermits + 1);
        var spoofed = (await TrustedProxyTests.SignInAsync(spoofing)).StatusCode;

        Assert.Equal(HttpStatusCode.TooManyRequests, firstStatuses[^1]);
        // Both are 127.0.0.1 to the app: one bucket, already empty (believed, the header would have given a new one).
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed);
    }

    [Fact]
    public async Task ClaimReview_ForwardedHostFromAnUnknownSender_IsIgnored()
    {
        using var client = app.Client(forwardedHost: "evil.example", forwardedProto: "https");

        var (conflictId, document) = await app.ClaimReviewOfAResolvedConflictAsync(client);

        Assert.Contains($"http://{app.ServerAddress.Authority}/conflicts/{conflictId}", document, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", document, StringComparison.Ordinal);
    }
}
