using System.Net;
using System.Net.Http.Json;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Tests.Account;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>The resolve action called directly, as a script would: the role is enforced on the server.</summary>
public class ConflictEndpointTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Resolve_Anonymous_Gets401()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var conflict = await AnyOpenConflictAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conflicts/{conflict.Id}/resolution", Body(conflict.Version));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Editor)]
    public async Task Resolve_WithoutReviewerRole_Gets403AndNothingChanges(string role)
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(role));
        var conflict = await AnyOpenConflictAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conflicts/{conflict.Id}/resolution", Body(conflict.Version));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(conflict.Version, (await db.Conflicts.SingleAsync(c => c.Id == conflict.Id)).Version);
    }

    [Fact]
    public async Task Resolve_ReviewerWithoutRationale_Gets400WithFieldMessage()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Reviewer));
        var conflict = await AnyOpenConflictAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/conflicts/{conflict.Id}/resolution", Body(conflict.Version) with { Rationale = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Rationale", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ReviewerOnStaleVersion_Gets409WithTheCurrentState()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Reviewer));
        var conflict = await AnyOpenConflictAsync();

        var first = await client.PostAsJsonAsync($"/api/v1/conflicts/{conflict.Id}/resolution", Body(conflict.Version));
        var second = await client.PostAsJsonAsync($"/api/v1/conflicts/{conflict.Id}/resolution", Body(conflict.Version));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("NeedsMoreInformation", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static ClaimsTracker.Web.Features.Conflicts.ResolutionBody Body(uint version) =>
        new(version, ClaimsTracker.Web.Features.Conflicts.ConflictDecision.NeedsMoreInformation, null, null, "Waiting for the next official statement.");

    private async Task<Conflict> AnyOpenConflictAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Conflicts.AsNoTracking().Where(c => c.Status == ConflictStatus.Open).OrderBy(c => c.Id).FirstAsync();
    }
}
