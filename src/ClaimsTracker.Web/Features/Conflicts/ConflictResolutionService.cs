using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Saving;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Conflicts;

/// <summary>
/// Reviewers' actions on conflicts. The policy is checked here, not only in the page, so no
/// caller (page, endpoint, script) can resolve without the Reviewer or Admin role. Every action
/// is audited by the context and announced to open queues.
/// </summary>
public sealed class ConflictResolutionService(IDbContextFactory<ClaimsDbContext> contexts, IAuthorizationService authorization, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    public async Task<Result<ConflictState>> ResolveAsync(ClaimsPrincipal user, ResolutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await authorization.MayReviewAsync(user))
        {
            return Result.Forbidden();
        }

        if (InputValidation.Check(request) is { Count: > 0 } unstorable)
        {
            return Result.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conflict = await db.Conflicts.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == request.ConflictId, cancellationToken);
        if (conflict is null)
        {
            return Result.NotFound("This conflict no longer exists.");
        }

        if (conflict.Version != request.ExpectedVersion)
        {
            return await ChangedMeanwhileAsync(db, conflict, cancellationToken);
        }

        var errors = Validate(request, conflict);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var rationale = request.Rationale!.Trim();
        conflict.Resolve(
            request.Decision switch
            {
                ConflictDecision.PreferFigure => ConflictStatus.Resolved,
                ConflictDecision.NotAConflict => ConflictStatus.NotAConflict,
                _ => ConflictStatus.NeedsMoreInformation,
            },
            request.Decision == ConflictDecision.PreferFigure ? request.PreferredFigureId : null,
            request.Decision == ConflictDecision.NotAConflict ? request.DismissalReason : null,
            rationale,
            user.Identity?.Name,
            time.GetUtcNow());
        if (request.Decision == ConflictDecision.PreferFigure)
        {
            await RankMembersAsync(db, conflict, request.PreferredFigureId!.Value, rationale, cancellationToken);
        }

        db.AuditNote = request.Decision switch
        {
            ConflictDecision.PreferFigure => $"resolved: figure {request.PreferredFigureId} preferred",
            ConflictDecision.NotAConflict => $"not a conflict: {request.DismissalReason}",
            _ => "needs more information",
        };
        return await SaveAsync(db, conflict, request.ExpectedVersion, $"resolved:{conflict.Id}", cancellationToken);
    }

    /// <summary>Takes the conflict for the signed-in reviewer (or releases it with <paramref name="release"/>).</summary>
    public async Task<Result<ConflictState>> AssignToSelfAsync(ClaimsPrincipal user, int conflictId, uint expectedVersion, bool release = false, CancellationToken cancellationToken = default)
    {
        if (!await authorization.MayReviewAsync(user))
        {
            return Result.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conflict = await db.Conflicts.FirstOrDefaultAsync(c => c.Id == conflictId, cancellationToken);
        if (conflict is null)
        {
            return Result.NotFound("This conflict no longer exists.");
        }

        if (conflict.Version != expectedVersion)
        {
            return await ChangedMeanwhileAsync(db, conflict, cancellationToken);
        }

        conflict.AssignTo(release ? null : user.Identity?.Name);
        db.AuditNote = release ? "released" : "assigned";
        return await SaveAsync(db, conflict, expectedVersion, $"assigned:{conflict.Id}", cancellationToken);
    }
    private static Dictionary<string, string[]> Validate(ResolutionRequest request, Conflict conflict)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TextRules.HasVisibleText(request.Rationale))
        {
            errors[nameof(request.Rationale)] = ["A rationale is required: say why, for the next reviewer."];
        }
        else if (request.Rationale!.Trim().Length > Limits.Rationale)
        {
            errors[nameof(request.Rationale)] = [$"The rationale is limited to {Limits.Rationale:N0} characters."];
        }

        if (request.Decision == ConflictDecision.PreferFigure
            && (request.PreferredFigureId is not { } preferred || conflict.Members.All(m => m.FigureId != preferred)))
        {
            errors[nameof(request.PreferredFigureId)] = ["Choose the preferred figure among this conflict's figures."];
        }

        if (request.Decision == ConflictDecision.NotAConflict && request.DismissalReason is null)
        {
            errors[nameof(request.DismissalReason)] = ["Say why it is not a conflict: different scope, period or definition."];
        }

        if (!Enum.IsDefined(request.Decision))
        {
            errors[nameof(request.Decision)] = ["Unknown decision."];
        }

        if (conflict.Status == ConflictStatus.NoLongerDetected)
        {
            errors[nameof(request.Decision)] = ["Detection no longer finds this conflict; there is nothing to decide."];
        }

        return errors;
    }

    /// <summary>
    /// Wikidata-style ranks, by position: the preferred figure's statement (with its
    /// corroborations) up; positions that cannot fit the preferred camp down, with the reason;
    /// positions that agree with it keep their rank.
    /// </summary>
    private static async Task RankMembersAsync(ClaimsDbContext db, Conflict conflict, int preferredId, string rationale, CancellationToken cancellationToken)
    {
        var preferred = conflict.Members.Single(m => m.FigureId == preferredId);
        var ids = conflict.Members.Select(m => m.FigureId).ToList();
        var figures = await db.Figures.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var member in conflict.Members)
        {
            var figure = figures[member.FigureId];
            if (member.Position == preferred.Position)
            {
                figure.SetRank(FigureRank.Preferred, $"Preferred in conflict #{conflict.Id}: {rationale}");
            }
            else if (!member.ConsistentCamps.Contains(preferred.Camp) && member.Camp != preferred.Camp)
            {
                figure.SetRank(FigureRank.Deprecated, $"Deprecated in conflict #{conflict.Id}: {rationale}");
            }
        }
    }

    private async Task<Result<ConflictState>> SaveAsync(ClaimsDbContext db, Conflict conflict, uint expectedVersion, string notification, CancellationToken cancellationToken)
    {
        // The check above and this one both matter: the row may change between our read and our write.
        var saved = await db.SaveVersionedAsync(conflict, expectedVersion, () => ChangedMeanwhileAfterReloadAsync(conflict.Id, cancellationToken), cancellationToken: cancellationToken);
        if (saved.Failure is { } failure)
        {
            return failure;
        }

        await ConflictNotifications.NotifyAsync(db, notification, cancellationToken);
        return StateOf(conflict);
    }

    private async Task<Failure> ChangedMeanwhileAfterReloadAsync(int conflictId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Conflicts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conflictId, cancellationToken);
        return current is null ? Result.NotFound("This conflict no longer exists.") : await ChangedMeanwhileAsync(db, current, cancellationToken);
    }

    /// <summary>Someone saved first: a Conflict failure whose message says what they decided, with the stored state and its version.</summary>
    private static async Task<Failure> ChangedMeanwhileAsync(ClaimsDbContext db, Conflict current, CancellationToken cancellationToken)
    {
        var preferred = current.PreferredFigureId is { } id
            ? await db.Figures.Where(f => f.Id == id).Select(f => $"{f.Claim!.Source!.Name}'s “{f.AsWritten}”").FirstOrDefaultAsync(cancellationToken)
            : null;
        var summary = current.Status switch
        {
            ConflictStatus.Resolved => $"{current.ResolvedBy} resolved it at {current.ResolvedAt:HH:mm}, preferring {preferred ?? $"figure {current.PreferredFigureId}"}: “{current.Rationale}”",
            ConflictStatus.NotAConflict => $"{current.ResolvedBy} marked it not a conflict ({current.DismissalReason}) at {current.ResolvedAt:HH:mm}: “{current.Rationale}”",
            ConflictStatus.NeedsMoreInformation => $"{current.ResolvedBy} asked for more information at {current.ResolvedAt:HH:mm}: “{current.Rationale}”",
            _ when current.AssignedTo is not null => $"It was assigned to {current.AssignedTo} and is {current.Status}.",
            _ => $"It changed (now {current.Status}).",
        };
        return Result.Conflict($"Someone else saved first. {summary}", current.Version) with
        {
            Extensions = new Dictionary<string, object?> { ["currentVersion"] = current.Version, [CurrentStateKey] = StateOf(current) },
        };
    }

    /// <summary>The extension of a stale-version failure that holds the stored <see cref="ConflictState"/>.</summary>
    public const string CurrentStateKey = "current";

    private static ConflictState StateOf(Conflict c) =>
        new(c.Status, c.AssignedTo, c.PreferredFigureId, c.DismissalReason, c.Rationale, c.ResolvedBy, c.ResolvedAt, c.Version);
}
