using ClaimsTracker.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClaimsTracker.Web.Features.Account;

/// <summary>
/// What a password check found. <see cref="LockedUntil"/> is set only when the account is locked
/// and the typed password was right: only someone who knows the password learns of the lock.
/// </summary>
public sealed record PasswordVerdict(AppUser? User, bool LockedWithRightPassword, DateTimeOffset? LockedUntil)
{
    public static readonly PasswordVerdict Refused = new(null, false, null);
}

/// <summary>
/// The one password check of the sign-in page and the API. Unknown, locked and wrong-password
/// attempts get the same answer after the same work (one password hash each), so neither the
/// message nor the time tells a guesser which accounts exist or are locked.
/// </summary>
public sealed class PasswordCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public const string Refusal = "Wrong email or password, or the account is locked for a while.";

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    /// <summary>The user when the password is right and the account usable; otherwise null.</summary>
    public async Task<AppUser?> CheckAsync(string? email, string? password) => (await VerifyAsync(email, password)).User;

    /// <summary>
    /// Checks the password with exactly one hash in every case. A locked account's password is
    /// still checked (without counting a failure), so the page can say "locked" to the owner alone.
    /// </summary>
    public async Task<PasswordVerdict> VerifyAsync(string? email, string? password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // The work a real check does, with the answer thrown away.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password ?? string.Empty);
            return PasswordVerdict.Refused;
        }

        if (await users.IsLockedOutAsync(user))
        {
            var right = users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash.Value, password ?? string.Empty)
                != PasswordVerificationResult.Failed;
            return right && user.PasswordHash is not null ? new PasswordVerdict(null, true, user.LockoutEnd) : PasswordVerdict.Refused;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        return result.Succeeded ? new PasswordVerdict(user, false, null) : PasswordVerdict.Refused;
    }
}
