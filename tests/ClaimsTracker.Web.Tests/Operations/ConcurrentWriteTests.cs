using System.Net.Http.Json;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Operations;

/// <summary>Writes racing each other: every one is answered without a 5xx, and names stay unique.</summary>
public class ConcurrentWriteTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task AcceptProposals_HundredAtOnceOnOneMetric_No5xxAndEveryClaimStored()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        int reportId, metricId, claimsBefore;
        string quote;
        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.OrderBy(r => r.Id).FirstAsync();
            (reportId, quote) = (report.Id, report.Text[..10]);
            metricId = (await db.Metrics.FirstAsync(m => m.Key == "nk-killed")).Id;
            claimsBefore = await db.Claims.CountAsync();
        }

        // Every figure disagrees with the others, so each accept's detection finds conflicts to write.
        var responses = await Task.WhenAll(Enumerable.Range(1, 100).Select(i => client.PostAsJsonAsync($"/api/v1/reports/{reportId}/proposals/accept", new
        {
            key = $"race-{i}",
            quoteStart = 0,
            quoteEnd = 10,
            quote,
            source = "Race Source",
            figures = new[] { new { include = true, asWritten = $"{i * 100}", qualifier = "Exact", value = i * 100, kind = "Count", metricId, scope = "" } },
        })));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.DoesNotContain(statuses, s => s >= 500);
        Assert.All(statuses, s => Assert.Equal(201, s));
        await using var after = app.CreateDbContext();
        Assert.Equal(claimsBefore + 100, await after.Claims.CountAsync());
    }

    [Fact]
    public async Task CreateReports_TwentyNamingOneNewOutlet_No5xxAndOneSource()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Editor);
        var outlet = $"Race Wire {Guid.NewGuid():N}"[..20];

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => client.PostAsJsonAsync("/api/v1/reports", new
        {
            title = $"Race report {i}",
            outlet,
            publishedOn = "2025-01-15",
            url = $"https://example.org/race/{i}",
            language = "en",
            text = $"Written for the race test number {i}: officials said about {i} soldiers were captured.",
            saveDespiteDuplicates = true,
        })));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.DoesNotContain(statuses, s => s >= 500);
        Assert.All(statuses, s => Assert.Equal(201, s));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Sources.CountAsync(s => s.Name == outlet));
        Assert.Equal(20, await db.Reports.CountAsync(r => r.Title.StartsWith("Race report")));
    }
}
