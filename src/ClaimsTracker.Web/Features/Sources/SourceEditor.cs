using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Saving;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Sources;

/// <summary>
/// Creates, edits and merges sources for editors, through the source's own rules
/// (<see cref="Source.Update"/>, <see cref="Source.Merge"/>). The policy is checked here, not only
/// in the pages. A name or alias belongs to one source only, so look-ups by name stay unambiguous;
/// a merge runs detection again, because figures that were "two sources" may now be one.
/// </summary>
public sealed class SourceEditor(
    IDbContextFactory<ClaimsDbContext> contexts,
    IAuthorizationService authorization,
    ConflictDetectionService detection)
{
    public async Task<Result<SourceSaved>> CreateAsync(ClaimsPrincipal user, SourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var created = Source.Create(input.Details());
        // The source's own rules first, so a form shows every field's problem at once.
        if ((created.Failure ?? (InputValidation.Check(input) is { Count: > 0 } unstorable ? Result.Invalid(unstorable) : null)
            ?? await NamesTakenAsync(db, input, exceptId: null, cancellationToken)) is { } failure)
        {
            return failure;
        }

        db.Sources.Add(created.Value);
        db.AuditNote = "source created";
        var saved = await db.SaveOrRefuseDuplicateAsync(nameof(SourceInput.Name), cancellationToken);
        return saved.Failure ?? (Result<SourceSaved>)new SourceSaved(created.Value.Id);
    }

    /// <summary>The stored source as form input, with the version an edit must start from.</summary>
    public async Task<(SourceInput Input, uint Version)?> LoadAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.AsNoTracking().Include(s => s.Aliases).FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        return source is null ? null : (new SourceInput
        {
            Name = source.Name,
            Kind = source.Kind,
            Affiliation = source.Affiliation,
            Description = source.Description,
            Aliases = source.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
        }, source.Version);
    }

    public async Task<Result<SourceSaved>> UpdateAsync(ClaimsPrincipal user, int sourceId, uint expectedVersion, SourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return Result.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.Include(s => s.Aliases).FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (source is null)
        {
            return Result.NotFound();
        }

        if (source.Version != expectedVersion)
        {
            return ChangedMeanwhile(source);
        }

        if (await NamesTakenAsync(db, input, sourceId, cancellationToken) is { } taken)
        {
            return taken;
        }

        var updated = source.Update(input.Details());
        if (updated.Failure is { } invalid)
        {
            return invalid;
        }

        var (removed, added) = updated.Value;
        db.SourceAliases.RemoveRange(removed);
        var changes = new List<string>();
        if (added.Count > 0)
        {
            changes.Add($"aliases added: {string.Join(", ", added)}");
        }

        if (removed.Count > 0)
        {
            changes.Add($"aliases removed: {string.Join(", ", removed.Select(a => a.Name))}");
        }

        db.AuditNote = changes.Count == 0 ? "source edited" : $"source edited; {string.Join("; ", changes)}";
        var saved = await db.SaveVersionedAsync(source, expectedVersion, () => ChangedMeanwhileAfterReloadAsync(sourceId, cancellationToken), nameof(SourceInput.Name), cancellationToken);
        return saved.Failure ?? (Result<SourceSaved>)new SourceSaved(sourceId);
    }

    /// <summary>Every source but one, by name, for the merge page's picker.</summary>
    public async Task<IReadOnlyList<SourceOption>> OthersAsync(int exceptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sources.AsNoTracking().Where(s => s.Id != exceptId).OrderBy(s => s.Name)
            .Select(s => new SourceOption(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>What merging <paramref name="mergedId"/> into <paramref name="survivorId"/> would move; null if either is missing.</summary>
    public async Task<MergePreview?> PreviewMergeAsync(int survivorId, int mergedId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pair = await db.Sources.AsNoTracking().Include(s => s.Aliases)
            .Where(s => s.Id == survivorId || s.Id == mergedId).ToListAsync(cancellationToken);
        var survivor = pair.FirstOrDefault(s => s.Id == survivorId);
        var merged = pair.FirstOrDefault(s => s.Id == mergedId);
        if (survivor is null || merged is null || survivorId == mergedId)
        {
            return null;
        }

        var gained = new[] { merged.Name }.Concat(merged.Aliases.OrderBy(a => a.Name).Select(a => a.Name))
            .Where(name => !survivor.IsKnownAs(name))
            .ToList();
        return new MergePreview(
            survivor.Id, survivor.Name, survivor.Version, merged.Id, merged.Name, merged.Version,
            await db.Claims.CountAsync(c => c.SourceId == mergedId, cancellationToken),
            await db.Claims.CountAsync(c => c.RelayedViaId == mergedId, cancellationToken),
            await db.Reports.CountAsync(r => r.OutletId == mergedId, cancellationToken),
            gained);
    }

    /// <summary>
    /// Merges <see cref="MergeRequest.MergedId"/> into the survivor (<see cref="Source.Merge"/>) and
    /// deletes it; then detection runs for the metrics of the moved figures.
    /// </summary>
    public async Task<Result<SourceSaved>> MergeAsync(ClaimsPrincipal user, MergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pair = await db.Sources.Include(s => s.Aliases)
            .Where(s => s.Id == request.SurvivorId || s.Id == request.MergedId).ToListAsync(cancellationToken);
        var survivor = pair.FirstOrDefault(s => s.Id == request.SurvivorId);
        var merged = pair.FirstOrDefault(s => s.Id == request.MergedId);
        if (survivor is null || merged is null)
        {
            return Result.NotFound();
        }

        if (survivor.Version != request.SurvivorVersion)
        {
            return ChangedMeanwhile(survivor);
        }

        if (merged.Version != request.MergedVersion)
        {
            return ChangedMeanwhile(merged);
        }

        var claims = await db.Claims.Where(c => c.SourceId == merged.Id || c.RelayedViaId == merged.Id).ToListAsync(cancellationToken);
        var reports = await db.Reports.Where(r => r.OutletId == merged.Id).ToListAsync(cancellationToken);
        var merge = survivor.Merge(merged, claims, reports);
        if (merge.Failure is { } refused)
        {
            return refused;
        }

        db.SourceAliases.RemoveRange(merge.Value.DroppedAliases);
        // Let the tracker see the aliases' new owner before the delete cascades to the old one's.
        db.ChangeTracker.DetectChanges();
        db.Entry(merged).Property(s => s.Version).OriginalValue = request.MergedVersion;
        db.Sources.Remove(merged);
        db.AuditNote = $"merged source {merged.Id} ({merged.Name}) into {survivor.Id} ({survivor.Name}): "
            + $"{merge.Value.Claims} claims, {merge.Value.RelayedClaims} relayed claims, {merge.Value.Reports} reports moved";

        var saved = await db.SaveVersionedAsync(survivor, request.SurvivorVersion,
            () => Task.FromResult(Result.Conflict("One of the two sources was changed by someone else while you merged. Reload to see the current state; nothing was merged.")),
            nameof(SourceInput.Name), cancellationToken);
        if (saved.Failure is { } failure)
        {
            return failure;
        }

        var movedClaimIds = claims.Select(c => c.Id).ToList();
        var reportIds = reports.Select(r => r.Id).ToList();
        var metricIds = await db.Figures.AsNoTracking()
            .Where(f => movedClaimIds.Contains(f.ClaimId) || reportIds.Contains(f.Claim!.ReportId))
            .Select(f => f.MetricId).Distinct().ToListAsync(cancellationToken);
        if (metricIds.Count > 0)
        {
            await detection.DetectForMetricsAsync(metricIds, cancellationToken);
        }

        return new SourceSaved(survivor.Id);
    }

    /// <summary>Whether another source already answers to the name or one of the aliases: a failure naming the owner.</summary>
    private static async Task<Failure?> NamesTakenAsync(ClaimsDbContext db, SourceInput input, int? exceptId, CancellationToken cancellationToken)
    {
        var details = input.Details();
        var fieldErrors = Source.Check(details);
        if (fieldErrors.Has(nameof(input.Name)) || fieldErrors.Has(nameof(input.Aliases)))
        {
            return null;
        }

        var aliases = Source.WantedAliases(details);
        var keys = aliases.Append(input.Name!).Select(NameKey.From).Distinct().ToList();
        var owners = await db.SourceAliases.AsNoTracking()
            .Where(a => keys.Contains(a.NameKey) && a.SourceId != exceptId)
            .Join(db.Sources, a => a.SourceId, s => s.Id, (a, s) => new { a.NameKey, Owner = s.Name })
            .ToDictionaryAsync(o => o.NameKey, o => o.Owner, cancellationToken);

        // Names are not stored folded; the catalogue is small enough to fold them here.
        var otherNames = await db.Sources.AsNoTracking().Where(s => s.Id != exceptId).Select(s => s.Name).ToListAsync(cancellationToken);
        foreach (var other in otherNames)
        {
            owners.TryAdd(NameKey.From(other), other);
        }

        var errors = new FieldErrors();
        if (owners.TryGetValue(NameKey.From(input.Name), out var nameOwner))
        {
            errors.Add(nameof(input.Name), $"“{input.Name!.Trim()}” is already a name of {nameOwner}. If they are the same source, merge them instead.");
        }

        foreach (var alias in aliases.Where(a => owners.ContainsKey(NameKey.From(a))))
        {
            errors.Add(nameof(input.Aliases), $"“{alias}” already belongs to {owners[NameKey.From(alias)]}.");
        }

        return errors.IsEmpty ? null : Result.Invalid(errors.ToDictionary());
    }

    private static Failure ChangedMeanwhile(Source current) =>
        Result.Conflict($"Someone else changed this source since you opened it; it is now “{current.Name}” ({string.Join(", ", new[] { current.Kind.ToString(), current.Affiliation }.OfType<string>())})"
            + (current.Aliases.Count == 0 ? "" : $", also known as {string.Join(", ", current.Aliases.OrderBy(a => a.Name).Select(a => a.Name))}")
            + ". Reload to see their version; nothing was saved.", current.Version);

    private async Task<Failure> ChangedMeanwhileAfterReloadAsync(int sourceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Sources.AsNoTracking().Include(s => s.Aliases).FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        return current is null ? Result.NotFound() : ChangedMeanwhile(current);
    }
}
