using System.Security.Claims;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Admin;

public class UserAdministrationTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    private static readonly ClaimsPrincipal Admin = User(Roles.Admin, "admin@claims.test");

    [Fact]
    public async Task SetRoles_ByAdmin_ChangesRolesAndAuditsBeforeAndAfter()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        Assert.IsType<UserAdminOutcome.Saved>(await admin.CreateAsync(Admin, "promoted@claims.test", "Long-enough-pass-1", [Roles.Analyst]));
        var row = (await admin.ListAsync()).Single(u => u.Email == "promoted@claims.test");

        var outcome = await admin.SetRolesAsync(Admin, row.Id, row.ConcurrencyStamp, [Roles.Analyst, Roles.Reviewer]);

        Assert.IsType<UserAdminOutcome.Saved>(outcome);
        Assert.Equal([Roles.Analyst, Roles.Reviewer], (await admin.ListAsync()).Single(u => u.Id == row.Id).Roles.Order());
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.EntityId == row.Id && a.Action == "RolesChanged");
        Assert.Equal("admin@claims.test", entry.UserName);
        Assert.Contains("Reviewer", entry.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("Reviewer", entry.Before!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRoles_StaleStamp_IsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "stale@claims.test", "Long-enough-pass-1", [Roles.Analyst]);
        var row = (await admin.ListAsync()).Single(u => u.Email == "stale@claims.test");
        Assert.IsType<UserAdminOutcome.Saved>(await admin.SetRolesAsync(Admin, row.Id, row.ConcurrencyStamp, [Roles.Editor]));

        var second = await admin.SetRolesAsync(Admin, row.Id, row.ConcurrencyStamp, [Roles.Reviewer]);

        Assert.IsType<UserAdminOutcome.ChangedMeanwhile>(second);
        Assert.Equal([Roles.Editor], (await admin.ListAsync()).Single(u => u.Id == row.Id).Roles);
    }

    [Fact]
    public async Task SetRoles_AdminRemovingOwnAdminRole_IsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var self = (await admin.ListAsync()).Single(u => u.Email == "admin@claims.test");

        var outcome = await admin.SetRolesAsync(Admin, self.Id, self.ConcurrencyStamp, [Roles.Analyst]);

        Assert.IsType<UserAdminOutcome.Invalid>(outcome);
        Assert.Contains(Roles.Admin, (await admin.ListAsync()).Single(u => u.Id == self.Id).Roles);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Reviewer)]
    public async Task Everything_WithoutAdminRole_IsForbidden(string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var target = (await admin.ListAsync()).Single(u => u.Email == "analyst@claims.test");
        var caller = User(role, $"{role.ToLowerInvariant()}@claims.test");

        Assert.IsType<UserAdminOutcome.Forbidden>(await admin.SetRolesAsync(caller, target.Id, target.ConcurrencyStamp, [Roles.Admin]));
        Assert.IsType<UserAdminOutcome.Forbidden>(await admin.CreateAsync(caller, "sneaky@claims.test", "Long-enough-pass-1", [Roles.Admin]));
        Assert.IsType<UserAdminOutcome.Forbidden>(await admin.SetLockedAsync(caller, target.Id, true));
    }

    [Fact]
    public async Task Create_WeakPassword_ReturnsIdentityMessages()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var outcome = await admin.CreateAsync(Admin, "weak@claims.test", "short", [Roles.Analyst]);

        Assert.Contains(Assert.IsType<UserAdminOutcome.Invalid>(outcome).Errors, e => e.Contains("at least 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lock_User_CannotSignInUntilUnlocked()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "locked@claims.test", "Long-enough-pass-1", [Roles.Analyst]);
        var row = (await admin.ListAsync()).Single(u => u.Email == "locked@claims.test");

        Assert.IsType<UserAdminOutcome.Saved>(await admin.SetLockedAsync(Admin, row.Id, true));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await Account.SignInClient.PostLoginAsync(client, "locked@claims.test", "Long-enough-pass-1");
        Assert.IsType<UserAdminOutcome.Saved>(await admin.SetLockedAsync(Admin, row.Id, false));
        var accepted = await Account.SignInClient.PostLoginAsync(client, "locked@claims.test", "Long-enough-pass-1");

        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, accepted.StatusCode);
    }

    private static ClaimsPrincipal User(string role, string name) =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)], "test"));
}
