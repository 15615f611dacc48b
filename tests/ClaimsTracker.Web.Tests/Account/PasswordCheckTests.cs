using System.Net;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Account;

/// <summary>
/// Sign-in refusals do not tell accounts apart: the same work (one password hash) in every case,
/// the same words unless the right password was typed for a locked account.
/// </summary>
public class PasswordCheckTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    private const string Password = "Long-enough-pass-1";

    public static TheoryData<string, string, bool> Attempts => new()
    {
        { "nobody@claims.test", Password, false },
        { "open@claims.test", "Wrong-pass-2025", false },
        { "open@claims.test", Password, false },
        { "shut@claims.test", "Wrong-pass-2025", true },
        { "shut@claims.test", Password, true },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task Verify_AnyAccountAndPassword_HashesExactlyOnce(string email, string password, bool locked)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await EnsureUserAsync(scope.ServiceProvider, email, locked);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var counting = new CountingHasher(users.PasswordHasher);
        // The scope's UserManager is the one PasswordCheck and SignInManager use.
        users.PasswordHasher = counting;

        await scope.ServiceProvider.GetRequiredService<PasswordCheck>().VerifyAsync(email, password);

        Assert.Equal(1, counting.Verifications);
    }

    [Fact]
    public async Task Login_LockedAccountWithWrongPassword_GetsTheCommonRefusal()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await EnsureUserAsync(scope.ServiceProvider, "shut-quiet@claims.test", locked: true);
        }

        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var html = await (await SignInClient.PostLoginAsync(client, "shut-quiet@claims.test", "Wrong-pass-2025")).Content.ReadAsStringAsync();
        var unknown = await (await SignInClient.PostLoginAsync(client, "nobody-here@claims.test", "Wrong-pass-2025")).Content.ReadAsStringAsync();

        Assert.Contains(PasswordCheck.Refusal, html, StringComparison.Ordinal);
        Assert.Contains(PasswordCheck.Refusal, unknown, StringComparison.Ordinal);
        Assert.DoesNotContain(SignInMessages.LockedByAdministrator, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_TemporarilyLockedWithRightPassword_SaysForHowLong()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await EnsureUserAsync(scope.ServiceProvider, "cooling-down@claims.test", locked: false);
            await users.SetLockoutEndDateAsync(user, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(10));
        }

        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await SignInClient.PostLoginAsync(client, "cooling-down@claims.test", Password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Too many failed sign-ins", html, StringComparison.Ordinal);
    }

    private static async Task<AppUser> EnsureUserAsync(IServiceProvider services, string email, bool locked)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (email.StartsWith("nobody", StringComparison.Ordinal))
        {
            return new AppUser();
        }

        if (await users.FindByEmailAsync(email) is not { } user)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            await users.CreateAsync(user, Password);
            await users.AddToRoleAsync(user, Roles.Analyst);
        }

        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        return user;
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
    {
        public int Verifications { get; private set; }

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
