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

public abstract record UserAdminOutcome
{
    public sealed record Saved : UserAdminOutcome;

    public sealed record Invalid(IReadOnlyList<string> Errors) : UserAdminOutcome;

    public sealed record ChangedMeanwhile : UserAdminOutcome;

    public sealed record Forbidden : UserAdminOutcome;
}

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

    public async Task<UserAdminOutcome> SetRolesAsync(ClaimsPrincipal actor, string userId, string concurrencyStamp, IReadOnlyCollection<string> roles)
    {
        if (!await IsAdminAsync(actor))
        {
            return new UserAdminOutcome.Forbidden();
        }

        var unknown = roles.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            return new UserAdminOutcome.Invalid([$"Unknown role(s): {string.Join(", ", unknown)}."]);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.ConcurrencyStamp != concurrencyStamp)
        {
            return new UserAdminOutcome.ChangedMeanwhile();
        }

        var before = await users.GetRolesAsync(user);
        if (user.UserName == actor.Identity?.Name && before.Contains(Roles.Admin) && !roles.Contains(Roles.Admin))
        {
            return new UserAdminOutcome.Invalid(["You cannot take the Admin role from yourself; ask another admin."]);
        }

        var removed = await users.RemoveFromRolesAsync(user, before.Except(roles));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(before)) : removed;
        if (!added.Succeeded)
        {
            return added.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? new UserAdminOutcome.ChangedMeanwhile()
                : new UserAdminOutcome.Invalid([.. added.Errors.Select(e => e.Description)]);
        }

        // Roles travel in cookies and bearer tokens: a new stamp makes both re-checked.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, user, "RolesChanged", before, roles);
        return new UserAdminOutcome.Saved();
    }

    public async Task<UserAdminOutcome> CreateAsync(ClaimsPrincipal actor, string? email, string? password, IReadOnlyCollection<string> roles)
    {
        if (!await IsAdminAsync(actor))
        {
            return new UserAdminOutcome.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || roles.Count == 0 || roles.Except(Roles.All).Any())
        {
            return new UserAdminOutcome.Invalid(["Give an email, a password and at least one known role."]);
        }

        if (InputValidation.Check(new { Email = email, Password = password }) is { Count: > 0 } unstorable)
        {
            return new UserAdminOutcome.Invalid([.. unstorable.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")]);
        }

        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new UserAdminOutcome.Invalid([.. created.Errors.Select(e => e.Description)]);
        }

        await users.AddToRolesAsync(user, roles);
        await AuditAsync(actor, user, "Created", [], roles);
        return new UserAdminOutcome.Saved();
    }

    /// <summary>Locks a user out until unlocked (or unlocks); their sessions end at the next revalidation.</summary>
    public async Task<UserAdminOutcome> SetLockedAsync(ClaimsPrincipal actor, string userId, bool locked)
    {
        if (!await IsAdminAsync(actor))
        {
            return new UserAdminOutcome.Forbidden();
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new UserAdminOutcome.ChangedMeanwhile();
        }

        if (locked && user.UserName == actor.Identity?.Name)
        {
            return new UserAdminOutcome.Invalid(["You cannot lock yourself out."]);
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        // A new security stamp invalidates existing cookies at the next revalidation.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, user, locked ? "Locked" : "Unlocked", null, null);
        return new UserAdminOutcome.Saved();
    }

    /// <summary>
    /// An admin sets a new password for someone who lost theirs: every session and token of that
    /// user ends (new security stamp) and a lockout is lifted.
    /// </summary>
    public async Task<UserAdminOutcome> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string? newPassword)
    {
        if (!await IsAdminAsync(actor))
        {
            return new UserAdminOutcome.Forbidden();
        }

        if (string.IsNullOrEmpty(newPassword) || TextRules.Problem(newPassword, Limits.Name) is not null)
        {
            return new UserAdminOutcome.Invalid([$"Give a new password of at most {Limits.Name} characters, without control characters."]);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new UserAdminOutcome.ChangedMeanwhile();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return new UserAdminOutcome.Invalid([.. reset.Errors.Select(e => e.Description)]);
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, user, "PasswordReset", null, null);
        return new UserAdminOutcome.Saved();
    }

    /// <summary>A signed-in user changes their own password; their other sessions and tokens end.</summary>
    public async Task<UserAdminOutcome> ChangeOwnPasswordAsync(ClaimsPrincipal actor, string? currentPassword, string? newPassword)
    {
        var user = await users.GetUserAsync(actor);
        if (user is null)
        {
            return new UserAdminOutcome.Forbidden();
        }

        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword)
            || TextRules.Problem(currentPassword, Limits.Name) is not null || TextRules.Problem(newPassword, Limits.Name) is not null)
        {
            return new UserAdminOutcome.Invalid([$"Give your current password and a new one of at most {Limits.Name} characters."]);
        }

        // ChangePasswordAsync checks the current password and renews the security stamp.
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return new UserAdminOutcome.Invalid([.. changed.Errors.Select(e => e.Description)]);
        }

        await AuditAsync(actor, user, "PasswordChanged", null, null);
        return new UserAdminOutcome.Saved();
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

    private async Task<bool> IsAdminAsync(ClaimsPrincipal actor) => (await authorization.AuthorizeAsync(actor, Policies.CanAdminister)).Succeeded;
}
