using System.Net;
using System.Security.Claims;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Account;
using ClaimsTracker.Web.Features.Admin;
using ClaimsTracker.Web.Tests.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Admin;

public class UserAdministrationTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    private const string FirstPassword = "Long-enough-pass-1";
    private static readonly ClaimsPrincipal Admin = User(Roles.Admin, "admin@claims.test");

    [Fact]
    public async Task SetRoles_ByAdmin_ChangesRolesAndAuditsBeforeAndAfter()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        ResultAssert.Saved(await admin.CreateAsync(Admin, "promoted@claims.test", FirstPassword, [Roles.Analyst]));
        var row = (await admin.ListAsync()).Single(u => u.Email == "promoted@claims.test");

        var outcome = await admin.SetRolesAsync(Admin, row.Id, row.ConcurrencyStamp, [Roles.Analyst, Roles.Reviewer]);

        ResultAssert.Saved(outcome);
        Assert.Equal([Roles.Analyst, Roles.Reviewer], (await admin.ListAsync()).Single(u => u.Id == row.Id).Roles.Order());
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.EntityId == row.Id && a.Action == "RolesChanged");
        Assert.Equal("admin@claims.test", entry.UserName);
        Assert.Contains("Reviewer", entry.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("Reviewer", entry.Before!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRoles_StaleStamp_IsAConflict()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "stale@claims.test", FirstPassword, [Roles.Analyst]);
        var row = (await admin.ListAsync()).Single(u => u.Email == "stale@claims.test");
        ResultAssert.Saved(await admin.SetRolesAsync(Admin, row.Id, row.ConcurrencyStamp, [Roles.Editor]));

        var second = await admin.SetRolesAsync(Admin, row.Id, row.ConcurrencyStamp, [Roles.Reviewer]);

        Assert.Contains("meanwhile", ResultAssert.Conflict(second).Message, StringComparison.Ordinal);
        Assert.Equal([Roles.Editor], (await admin.ListAsync()).Single(u => u.Id == row.Id).Roles);
    }

    [Fact]
    public async Task SetRoles_AdminRemovingOwnAdminRole_IsInvalidOnRoles()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var self = (await admin.ListAsync()).Single(u => u.Email == "admin@claims.test");

        var outcome = await admin.SetRolesAsync(Admin, self.Id, self.ConcurrencyStamp, [Roles.Analyst]);

        Assert.Contains(UserAdministration.Fields.Roles, ResultAssert.Invalid(outcome).Errors.Keys);
        Assert.Contains(Roles.Admin, (await admin.ListAsync()).Single(u => u.Id == self.Id).Roles);
    }

    [Fact]
    public async Task SetRoles_UnknownUser_IsNotFound()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        ResultAssert.NotFound(await admin.SetRolesAsync(Admin, "no-such-user", "stamp", [Roles.Analyst]));
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

        ResultAssert.Forbidden(await admin.SetRolesAsync(caller, target.Id, target.ConcurrencyStamp, [Roles.Admin]));
        ResultAssert.Forbidden(await admin.CreateAsync(caller, "sneaky@claims.test", FirstPassword, [Roles.Admin]));
        ResultAssert.Forbidden(await admin.SetLockedAsync(caller, target.Id, true));
        ResultAssert.Forbidden(await admin.ResetPasswordAsync(caller, target.Id, "Taken-over-pass-1"));
    }

    [Fact]
    public async Task Create_WeakPassword_PutsIdentityMessagesUnderPassword()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var outcome = await admin.CreateAsync(Admin, "weak@claims.test", "short", [Roles.Analyst]);

        Assert.Contains(ResultAssert.Invalid(outcome).Errors[UserAdministration.Fields.Password], e => e.Contains("at least 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_NothingGiven_NamesEveryMissingField()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var failure = ResultAssert.Invalid(await admin.CreateAsync(Admin, " ", null, []));

        Assert.Equal([UserAdministration.Fields.Email, UserAdministration.Fields.Password, UserAdministration.Fields.Roles], failure.Errors.Keys.Order());
    }

    [Fact]
    public async Task Create_TakenEmail_IsInvalidOnEmail()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var failure = ResultAssert.Invalid(await admin.CreateAsync(Admin, "editor@claims.test", FirstPassword, [Roles.Analyst]));

        Assert.Contains(UserAdministration.Fields.Email, failure.Errors.Keys);
    }

    [Fact]
    public async Task Lock_User_CannotSignInUntilUnlocked()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "locked@claims.test", FirstPassword, [Roles.Analyst]);
        var row = (await admin.ListAsync()).Single(u => u.Email == "locked@claims.test");

        ResultAssert.Saved(await admin.SetLockedAsync(Admin, row.Id, true));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await SignInClient.PostLoginAsync(client, "locked@claims.test", FirstPassword);
        ResultAssert.Saved(await admin.SetLockedAsync(Admin, row.Id, false));
        var accepted = await SignInClient.PostLoginAsync(client, "locked@claims.test", FirstPassword);

        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Lock_Self_IsInvalid()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var self = (await admin.ListAsync()).Single(u => u.Email == "admin@claims.test");

        ResultAssert.Invalid(await admin.SetLockedAsync(Admin, self.Id, true));
        Assert.False((await admin.ListAsync()).Single(u => u.Id == self.Id).LockedOut);
    }

    [Fact]
    public async Task Lock_User_SignInWithTheRightPasswordSaysTheAccountIsLocked()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "locked-message@claims.test", FirstPassword, [Roles.Analyst]);
        var row = (await admin.ListAsync()).Single(u => u.Email == "locked-message@claims.test");
        await admin.SetLockedAsync(Admin, row.Id, true);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var refused = await SignInClient.PostLoginAsync(client, "locked-message@claims.test", FirstPassword);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Contains(SignInMessages.LockedByAdministrator, html, StringComparison.Ordinal);
        Assert.DoesNotContain("failed sign-ins", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_ByAdmin_NewPasswordWorksOldDoesNotAndSessionsEnd()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "forgetful@claims.test", FirstPassword, [Roles.Analyst]);
        var row = (await admin.ListAsync()).Single(u => u.Email == "forgetful@claims.test");
        using var session = await SignInClient.SignedInAsync(app, "forgetful@claims.test", FirstPassword);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        ResultAssert.Saved(await admin.ResetPasswordAsync(Admin, row.Id, "Brand-new-pass-2"));

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInClient.PostLoginAsync(client, "forgetful@claims.test", FirstPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInClient.PostLoginAsync(client, "forgetful@claims.test", "Brand-new-pass-2")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "User" && a.EntityId == row.Id && a.Action == "PasswordReset"));
    }

    [Fact]
    public async Task ResetPassword_AfterFailedSignIns_LiftsTheTemporaryLock()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await admin.CreateAsync(Admin, "guessed-at@claims.test", FirstPassword, [Roles.Analyst]);
        var user = (await users.FindByEmailAsync("guessed-at@claims.test"))!;
        await users.SetLockoutEndDateAsync(user, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(10));

        ResultAssert.Saved(await admin.ResetPasswordAsync(Admin, user.Id, "Brand-new-pass-3"));

        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInClient.PostLoginAsync(client, "guessed-at@claims.test", "Brand-new-pass-3")).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_IsInvalidOnNewPasswordAndKeepsTheOldOne()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "kept@claims.test", FirstPassword, [Roles.Analyst]);
        var row = (await admin.ListAsync()).Single(u => u.Email == "kept@claims.test");

        var failure = ResultAssert.Invalid(await admin.ResetPasswordAsync(Admin, row.Id, "short"));

        Assert.Equal([UserAdministration.Fields.NewPassword], failure.Errors.Keys);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInClient.PostLoginAsync(client, "kept@claims.test", FirstPassword)).StatusCode);
    }

    [Fact]
    public async Task ChangeOwnPassword_WrongCurrentPassword_IsInvalidOnCurrentPassword()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "careful@claims.test", FirstPassword, [Roles.Analyst]);
        var self = await PrincipalAsync(scope.ServiceProvider, "careful@claims.test");

        var failure = ResultAssert.Invalid(await admin.ChangeOwnPasswordAsync(self, "not-my-password", "Brand-new-pass-4"));

        Assert.Equal([UserAdministration.Fields.CurrentPassword], failure.Errors.Keys);
    }

    [Fact]
    public async Task ChangeOwnPassword_WeakNewPassword_IsInvalidOnNewPassword()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.CreateAsync(Admin, "weak-new@claims.test", FirstPassword, [Roles.Analyst]);
        var self = await PrincipalAsync(scope.ServiceProvider, "weak-new@claims.test");

        var failure = ResultAssert.Invalid(await admin.ChangeOwnPasswordAsync(self, FirstPassword, "alllowercase"));

        Assert.Equal([UserAdministration.Fields.NewPassword], failure.Errors.Keys);
    }

    [Fact]
    public async Task ChangeOwnPassword_Valid_RenewsTheStampAndAudits()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await admin.CreateAsync(Admin, "rotating@claims.test", FirstPassword, [Roles.Analyst]);
        var self = await PrincipalAsync(scope.ServiceProvider, "rotating@claims.test");
        var stampBefore = (await users.FindByEmailAsync("rotating@claims.test"))!.SecurityStamp;

        ResultAssert.Saved(await admin.ChangeOwnPasswordAsync(self, FirstPassword, "Brand-new-pass-5"));

        await using var db = app.CreateDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "rotating@claims.test");
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "User" && a.EntityId == stored.Id && a.Action == "PasswordChanged"));
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string email)
    {
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user!);
    }

    private static ClaimsPrincipal User(string role, string name) =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)], "test"));
}
