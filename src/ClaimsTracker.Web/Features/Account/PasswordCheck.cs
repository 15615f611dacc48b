using ClaimsTracker.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClaimsTracker.Web.Features.Account;

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
    public async Task<AppUser?> CheckAsync(string? email, string? password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The work a real check does, with the answer thrown away.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password ?? string.Empty);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }
}
