using System.Security.Claims;
using System.Text.Json;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Auditing;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Admin;

public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, bool LockedOut, string ConcurrencyStamp);

/// <summary>
/// Users and their roles, for admins. Identity's tables are not domain rows, so each change is
/// written to the audit trail here, explicitly, with the roles before and after.
/// </summary>
public sealed class UserAdministration(
    UserManager<AppUser> users,
    IAuthorizationService authorization,
    IDbContextFactory<ClaimsDbContext> contexts,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, [.. await users.GetRolesAsync(user)],
                user.LockoutEnd > clock.GetUtcNow(), user.ConcurrencyStamp ?? string.Empty));
        }

        return rows;
    }

    public async Task<Result> SetRolesAsync(ClaimsPrincipal actor, string userId, string concurrencyStamp, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!await authorization.MayAdministerAsync(actor))
        {
            return Result.Forbidden();
        }

        var unknown = roles.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            return Result.Invalid(Fields.Roles, $"Unknown role(s): {string.Join(", ", unknown)}.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound("This user no longer exists.");
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return ChangedMeanwhile;
        }

        var before = await users.GetRolesAsync(user);
        if (user.UserName == actor.Identity?.Name && before.Contains(Roles.Admin) && !roles.Contains(Roles.Admin))
        {
            return Result.Invalid(Fields.Roles, "You cannot take the Admin role from yourself; ask another admin.");
        }

        var removed = await users.RemoveFromRolesAsync(user, before.Except(roles));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(before)) : removed;
        if (!added.Succeeded)
        {
            return added.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? ChangedMeanwhile
                : Refused(added, Fields.Roles);
        }

        // Roles travel in cookies and bearer tokens: a new stamp makes both re-checked.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, user, "RolesChanged", before, roles);
        return Result.Success();
    }

    public async Task<Result> CreateAsync(ClaimsPrincipal actor, string? email, string? password, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!await authorization.MayAdministerAsync(actor))
        {
            return Result.Forbidden();
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add(Fields.Email, "Enter the new user's email.");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(Fields.Password, "Enter a first password for the new user.");
        }

        if (roles.Count == 0 || roles.Except(Roles.All).Any())
        {
            errors.Add(Fields.Roles, "Choose at least one known role.");
        }

        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        if (InputValidation.Check(new { Email = email, Password = password }) is { Count: > 0 } unstorable)
        {
            return Result.Invalid(unstorable);
        }

        var user = new AppUser { UserName = email!.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return Refused(created, Fields.Password);
        }

        await users.AddToRolesAsync(user, roles);
        await AuditAsync(actor, user, "Created", [], roles);
        return Result.Success();
    }

    /// <summary>Locks a user out until unlocked (or unlocks); their sessions end at the next revalidation.</summary>
    public async Task<Result> SetLockedAsync(ClaimsPrincipal actor, string userId, bool locked)
    {
        if (!await authorization.MayAdministerAsync(actor))
        {
            return Result.Forbidden();
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound("This user no longer exists.");
        }

        if (locked && user.UserName == actor.Identity?.Name)
        {
            return Result.Invalid(Fields.Locked, "You cannot lock yourself out.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        // A new security stamp invalidates existing cookies at the next revalidation.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, user, locked ? "Locked" : "Unlocked", null, null);
        return Result.Success();
    }

    /// <summary>
    /// An admin sets a new password for someone who lost theirs: every session and token of that
    /// user ends (new security stamp) and a lockout after failed sign-ins is lifted. An
    /// administrator's own lock stays: unlocking is a separate, audited decision.
    /// </summary>
    public async Task<Result> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string? newPassword)
    {
        if (!await authorization.MayAdministerAsync(actor))
        {
            return Result.Forbidden();
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            return Result.Invalid(Fields.NewPassword, "Enter the new password.");
        }

        if (TextRules.Problem(newPassword, Limits.Name) is { } problem)
        {
            return Result.Invalid(Fields.NewPassword, problem);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound("This user no longer exists.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return Refused(reset, Fields.NewPassword);
        }

        await users.ResetAccessFailedCountAsync(user);
        if (user.LockoutEnd is { } end && end - clock.GetUtcNow() <= TimeSpan.FromDays(1))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, user, "PasswordReset", null, null);
        return Result.Success();
    }

    /// <summary>
    /// A signed-in user changes their own password. The security stamp changes, so every other
    /// session and token of theirs ends; the caller renews its own cookie.
    /// </summary>
    public async Task<Result> ChangeOwnPasswordAsync(ClaimsPrincipal actor, string? currentPassword, string? newPassword)
    {
        var user = await users.GetUserAsync(actor);
        if (user is null)
        {
            return Result.Forbidden();
        }

        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors.Add(Fields.CurrentPassword, "Enter your current password.");
        }
        else if (TextRules.Problem(currentPassword, Limits.Name) is { } currentProblem)
        {
            errors.Add(Fields.CurrentPassword, currentProblem);
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            errors.Add(Fields.NewPassword, "Enter a new password.");
        }
        else if (TextRules.Problem(newPassword, Limits.Name) is { } newProblem)
        {
            errors.Add(Fields.NewPassword, newProblem);
        }

        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        // ChangePasswordAsync checks the current password and renews the security stamp.
        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded)
        {
            return Refused(changed, Fields.NewPassword);
        }

        await AuditAsync(actor, user, "PasswordChanged", null, null);
        return Result.Success();
    }

    /// <summary>Identity's password rules (IdentityConfiguration), in words for the forms' hints.</summary>
    public const string PasswordRules = "At least 10 characters, with upper and lower case letters, a digit and a symbol.";

    /// <summary>The field names of this feature's failures, as the forms show them.</summary>
    public static class Fields
    {
        public const string Email = nameof(Email);
        public const string Password = nameof(Password);
        public const string Roles = nameof(Roles);
        public const string Locked = nameof(Locked);
        public const string CurrentPassword = nameof(CurrentPassword);
        public const string NewPassword = nameof(NewPassword);
    }

    private static Failure ChangedMeanwhile =>
        Result.Conflict("Someone else changed this user meanwhile; the list is reloaded, try again.");

    /// <summary>Identity's refusals under the field each is about; password rules under <paramref name="passwordField"/>.</summary>
    private static Failure Refused(IdentityResult result, string passwordField)
    {
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) => Fields.CurrentPassword,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ when error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) => Fields.Email,
                _ when error.Code.Contains("Role", StringComparison.Ordinal) => Fields.Roles,
                _ => passwordField,
            };
            errors.Add(field, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "That is not your current password." : error.Description);
        }

        return Result.Invalid(errors.ToDictionary());
    }

    private async Task AuditAsync(ClaimsPrincipal actor, AppUser user, string action, IEnumerable<string>? before, IEnumerable<string>? after)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = actor.Identity?.Name ?? "unknown",
            EntityType = "User",
            EntityId = user.Id,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(new { Email = user.Email, Roles = before.Order() }),
            After = after is null ? null : JsonSerializer.Serialize(new { Email = user.Email, Roles = after.Order() }),
            Note = $"{action} {user.Email}",
        });
        await db.SaveChangesAsync();
    }
}
