using System.Net;
using System.Text.Json;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>The dispute with its camps and positions, and any two figures compared, through the API.</summary>
public class DisputeApiTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task GetConflict_CasualtyDispute_HasThreeCampsWithTheSpyAgencySumInZelenskysCamp()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);
        int id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.Conflicts.Where(c => c.Kind == ConflictKind.ValueDisagreement && c.Members.Any(m => m.Figure!.AsWritten == "about 1,000"))
                .Select(c => c.Id).SingleAsync();
        }

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/conflicts/{id}"));

        var camps = json.RootElement.GetProperty("camps").EnumerateArray().ToList();
        Assert.Equal(3, camps.Count);
        var zelenskysCamp = camps.Single(c => c.GetProperty("positions").EnumerateArray().Any(p => p.GetProperty("source").GetString() == "Volodymyr Zelensky"));
        var sum = Assert.Single(zelenskysCamp.GetProperty("positions").EnumerateArray(), p => p.GetProperty("isSumOfParts").GetBoolean());
        Assert.Equal("National Intelligence Service", sum.GetProperty("source").GetString());
        Assert.Equal("3,000", sum.GetProperty("interval").GetString());
        Assert.Equal(2, sum.GetProperty("figures").GetArrayLength());
    }

    [Theory]
    [InlineData("about 1,000", "more than 3,000", true)]
    [InlineData("more than 3,000", "as many as 4,000", false)]
    [InlineData("about 1,000", "more than 1,000", false)]
    public async Task DisagreesWith_TwoDemoFigures_AnswersWithAReason(string first, string second, bool disagree)
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);
        int a, b;
        await using (var db = app.CreateDbContext())
        {
            a = await db.Figures.Where(f => f.AsWritten == first).Select(f => f.Id).SingleAsync();
            b = await db.Figures.Where(f => f.AsWritten == second).Select(f => f.Id).SingleAsync();
        }

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/figures/{a}/disagrees-with/{b}"));

        Assert.Equal(disagree, json.RootElement.GetProperty("disagree").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task DisagreesWith_MissingFigure_Is404()
    {
        using var client = await ApiClient.ForRoleAsync(app, Roles.Analyst);

        var response = await client.GetAsync("/api/v1/figures/1/disagrees-with/2147483647");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
