using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClaimsTracker.Web.Features.Admin;

/// <summary>"Initialisation:AdminEmail" and "Initialisation:AdminPassword": the first administrator of a new installation.</summary>
public sealed class FirstAdminOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}

/// <summary>
/// Outside Development there are no demo users, so the first administrator comes either from the
/// environment on first start (only while no administrator exists) or from the command
/// <c>--create-admin email</c>, which reads the password from CLAIMS_ADMIN_PASSWORD or standard input.
/// </summary>
public static class FirstAdministrator
{
    public const string Command = "--create-admin";

    public static async Task EnsureFromConfigurationAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FirstAdminOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrEmpty(options.AdminPassword))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var problem = await CreateAsync(users, options.AdminEmail, options.AdminPassword);
        if (problem is not null)
        {
            throw new InvalidOperationException($"Could not create the first administrator from Initialisation:AdminEmail: {problem}");
        }
    }

    /// <summary>Creates an administrator, or makes an existing user one and sets the password; the problem, or null.</summary>
    public static async Task<string?> CreateAsync(UserManager<AppUser> users, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        email = email.Trim();
        var emailProblem = TextRules.Problem(email, 200) ?? (email.Contains('@', StringComparison.Ordinal) ? null : "not an email address.");
        if (emailProblem is not null)
        {
            return $"email: {emailProblem}";
        }

        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        }

        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Admin))
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }

        return result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    /// <summary>The maintenance command; exit code 0 on success.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, string email, TextReader input, TextWriter output)
    {
        var password = Environment.GetEnvironmentVariable("CLAIMS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password for {email} (or set CLAIMS_ADMIN_PASSWORD):");
            password = await input.ReadLineAsync();
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password given; nothing created.");
            return 2;
        }

        var problem = await CreateAsync(services.GetRequiredService<UserManager<AppUser>>(), email, password);
        await output.WriteLineAsync(problem is null ? $"{email.Trim()} is an administrator." : $"Not created: {problem}");
        return problem is null ? 0 : 1;
    }
}
