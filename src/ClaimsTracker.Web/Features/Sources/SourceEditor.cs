using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Web.Features.Sources;

/// <summary>
/// Creates, edits and merges sources for editors. The policy is checked here, not only in the
/// pages. A name or alias belongs to one source only, so look-ups by name stay unambiguous; a
/// merge moves everything that pointed at the merged source and runs detection again, because
/// figures that were "two sources" may now be one.
/// </summary>
public sealed class SourceEditor(
    IDbContextFactory<ClaimsDbContext> contexts,
    IAuthorizationService authorization,
    ConflictDetectionService detection)
{
    public async Task<SourceSaveOutcome> CreateAsync(ClaimsPrincipal user, SourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await CanEditAsync(user))
        {
            return new SourceSaveOutcome.Forbidden();
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return new SourceSaveOutcome.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, exceptId: null, cancellationToken);
        if (errors.Count > 0)
        {
            return new SourceSaveOutcome.Invalid(errors);
        }

        var source = new Source { Name = input.Name!.Trim() };
        Apply(source, input);
        foreach (var alias in WantedAliases(input))
        {
            source.AddAlias(alias);
        }

        db.Sources.Add(source);
        db.AuditNote = "source created";
        return await SaveAsync(db, () => source.Id, cancellationToken);
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

    public async Task<SourceSaveOutcome> UpdateAsync(ClaimsPrincipal user, int sourceId, uint expectedVersion, SourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await CanEditAsync(user))
        {
            return new SourceSaveOutcome.Forbidden();
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return new SourceSaveOutcome.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.Include(s => s.Aliases).FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (source is null)
        {
            return new SourceSaveOutcome.NotFound();
        }

        if (source.Version != expectedVersion)
        {
            return ChangedMeanwhile(source);
        }

        var errors = await ValidateAsync(db, input, sourceId, cancellationToken);
        if (errors.Count > 0)
        {
            return new SourceSaveOutcome.Invalid(errors);
        }

        source.Name = input.Name!.Trim();
        Apply(source, input);
        var (added, removed) = ReplaceAliases(db, source, WantedAliases(input));
        var changes = new List<string>();
        if (added.Count > 0)
        {
            changes.Add($"aliases added: {string.Join(", ", added)}");
        }

        if (removed.Count > 0)
        {
            changes.Add($"aliases removed: {string.Join(", ", removed)}");
        }

        db.AuditNote = changes.Count == 0 ? "source edited" : $"source edited; {string.Join("; ", changes)}";
        Touch(db, source, expectedVersion);
        return await SaveAsync(db, () => sourceId, cancellationToken, () => ChangedMeanwhileAfterReloadAsync(sourceId, cancellationToken));
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
    /// The merged source's claims (as source and as relay) and reports move to the survivor, its
    /// name and aliases become the survivor's aliases, and it is deleted; then detection runs for
    /// the metrics of the moved figures.
    /// </summary>
    public async Task<SourceSaveOutcome> MergeAsync(ClaimsPrincipal user, MergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await CanEditAsync(user))
        {
            return new SourceSaveOutcome.Forbidden();
        }

        if (request.SurvivorId == request.MergedId)
        {
            return new SourceSaveOutcome.Invalid(new Dictionary<string, string[]>
            {
                [nameof(MergeRequest.MergedId)] = ["A source cannot be merged into itself; choose another source."],
            });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pair = await db.Sources.Include(s => s.Aliases)
            .Where(s => s.Id == request.SurvivorId || s.Id == request.MergedId).ToListAsync(cancellationToken);
        var survivor = pair.FirstOrDefault(s => s.Id == request.SurvivorId);
        var merged = pair.FirstOrDefault(s => s.Id == request.MergedId);
        if (survivor is null || merged is null)
        {
            return new SourceSaveOutcome.NotFound();
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
        var (asSource, asRelay) = (claims.Count(c => c.SourceId == merged.Id), claims.Count(c => c.RelayedViaId == merged.Id));
        foreach (var claim in claims)
        {
            if (claim.SourceId == merged.Id)
            {
                claim.SourceId = survivor.Id;
            }

            if (claim.RelayedViaId == merged.Id)
            {
                claim.RelayedViaId = survivor.Id;
            }

            // "Zelensky via Zelensky" says nothing: a source does not relay itself.
            if (claim.RelayedViaId == claim.SourceId)
            {
                claim.RelayedViaId = null;
            }
        }

        var reports = await db.Reports.Where(r => r.OutletId == merged.Id).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            report.OutletId = survivor.Id;
        }

        // Alias rows move rather than being copied: NameKey is unique across all sources.
        foreach (var alias in merged.Aliases.ToList())
        {
            merged.Aliases.Remove(alias);
            if (survivor.IsKnownAs(alias.Name))
            {
                db.SourceAliases.Remove(alias);
            }
            else
            {
                survivor.Aliases.Add(alias);
            }
        }

        // Let the tracker see the aliases' new owner before the delete cascades to the old one's.
        db.ChangeTracker.DetectChanges();

        survivor.AddAlias(merged.Name);
        survivor.Affiliation ??= merged.Affiliation;
        survivor.Description ??= merged.Description;
        db.Entry(merged).Property(s => s.Version).OriginalValue = request.MergedVersion;
        db.Sources.Remove(merged);
        Touch(db, survivor, request.SurvivorVersion);
        db.AuditNote = $"merged source {merged.Id} ({merged.Name}) into {survivor.Id} ({survivor.Name}): "
            + $"{asSource} claims, {asRelay} relayed claims, {reports.Count} reports moved";

        var movedClaimIds = claims.Select(c => c.Id).ToList();
        var reportIds = reports.Select(r => r.Id).ToList();
        var outcome = await SaveAsync(db, () => survivor.Id, cancellationToken,
            () => Task.FromResult<SourceSaveOutcome>(new SourceSaveOutcome.ChangedMeanwhile(
                "One of the two sources was changed by someone else while you merged. Reload to see the current state; nothing was merged.")));
        if (outcome is SourceSaveOutcome.Saved)
        {
            var metricIds = await db.Figures.AsNoTracking()
                .Where(f => movedClaimIds.Contains(f.ClaimId) || reportIds.Contains(f.Claim!.ReportId))
                .Select(f => f.MetricId).Distinct().ToListAsync(cancellationToken);
            if (metricIds.Count > 0)
            {
                await detection.DetectForMetricsAsync(metricIds, cancellationToken);
            }
        }

        return outcome;
    }

    public static Dictionary<string, string[]> Validate(SourceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        if (string.IsNullOrWhiteSpace(input.Name) || NameKey.From(input.Name).Length == 0)
        {
            Add(nameof(input.Name), "A name is required.");
        }
        else if (input.Name.Trim().Length > Limits.Name)
        {
            Add(nameof(input.Name), $"The name is limited to {Limits.Name} characters.");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            Add(nameof(input.Kind), "Choose what kind of source this is.");
        }

        if (input.Affiliation is { } affiliation && affiliation.Trim().Length > Limits.Name)
        {
            Add(nameof(input.Affiliation), $"The affiliation is limited to {Limits.Name} characters.");
        }

        if (input.Description is { } description && description.Trim().Length > Limits.Summary)
        {
            Add(nameof(input.Description), $"The description is limited to {Limits.Summary:N0} characters.");
        }

        foreach (var alias in input.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            if (alias.Trim().Length > Limits.Name)
            {
                Add(nameof(input.Aliases), $"“{alias.Trim()[..20]}…” is longer than {Limits.Name} characters.");
            }
            else if (NameKey.From(alias).Length == 0)
            {
                Add(nameof(input.Aliases), $"“{alias.Trim()}” has no letters or digits to look it up by.");
            }
        }

        return errors;
    }

    /// <summary>The field checks, then whether another source already answers to the name or an alias.</summary>
    private static async Task<Dictionary<string, string[]>> ValidateAsync(ClaimsDbContext db, SourceInput input, int? exceptId, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (errors.ContainsKey(nameof(input.Name)) || errors.ContainsKey(nameof(input.Aliases)))
        {
            return errors;
        }

        var names = new[] { input.Name!.Trim() }.Concat(WantedAliases(input)).ToList();
        var keys = names.Select(NameKey.From).Distinct().ToList();
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

        if (owners.TryGetValue(NameKey.From(input.Name), out var nameOwner))
        {
            errors[nameof(input.Name)] = [$"“{input.Name.Trim()}” is already a name of {nameOwner}. If they are the same source, merge them instead."];
        }

        var taken = WantedAliases(input)
            .Where(a => owners.ContainsKey(NameKey.From(a)))
            .Select(a => $"“{a}” already belongs to {owners[NameKey.From(a)]}.")
            .ToArray();
        if (taken.Length > 0)
        {
            errors[nameof(input.Aliases)] = taken;
        }

        return errors;
    }

    /// <summary>The typed aliases, trimmed, one per folded spelling, without the source's own name.</summary>
    private static List<string> WantedAliases(SourceInput input)
    {
        var nameKey = NameKey.From(input.Name);
        return input.Aliases
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim())
            .DistinctBy(NameKey.From)
            .Where(a => NameKey.From(a) != nameKey)
            .ToList();
    }

    private static (List<string> Added, List<string> Removed) ReplaceAliases(ClaimsDbContext db, Source source, List<string> wanted)
    {
        var byKey = wanted.ToDictionary(NameKey.From);
        var removed = new List<string>();
        foreach (var alias in source.Aliases.ToList())
        {
            if (byKey.Remove(alias.NameKey, out var spelling))
            {
                alias.Name = spelling;
            }
            else
            {
                source.Aliases.Remove(alias);
                db.SourceAliases.Remove(alias);
                removed.Add(alias.Name);
            }
        }

        var added = byKey.Values.Where(source.AddAlias).ToList();
        return (added, removed);
    }

    private static void Apply(Source source, SourceInput input)
    {
        source.Kind = input.Kind;
        source.Affiliation = string.IsNullOrWhiteSpace(input.Affiliation) ? null : input.Affiliation.Trim();
        source.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
    }

    /// <summary>
    /// Writes the source row even when only its aliases changed, so the version check applies,
    /// the version moves for the next editor, and the change shows in the source's history.
    /// </summary>
    private static void Touch(ClaimsDbContext db, Source source, uint expectedVersion)
    {
        var entry = db.Entry(source);
        entry.Property(s => s.Name).IsModified = true;
        entry.Property(s => s.Version).OriginalValue = expectedVersion;
    }

    private static async Task<SourceSaveOutcome> SaveAsync(
        ClaimsDbContext db, Func<int> savedId, CancellationToken cancellationToken,
        Func<Task<SourceSaveOutcome>>? changedMeanwhile = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (changedMeanwhile is not null)
        {
            return await changedMeanwhile();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another editor took the same name or alias between our check and our save.
            return new SourceSaveOutcome.Invalid(new Dictionary<string, string[]>
            {
                [nameof(SourceInput.Name)] = [$"Another source took this name or one of these aliases a moment ago. Check the names and try again."],
            });
        }

        return new SourceSaveOutcome.Saved(savedId());
    }

    private static SourceSaveOutcome.ChangedMeanwhile ChangedMeanwhile(Source current) =>
        new($"Someone else changed this source since you opened it; it is now “{current.Name}” ({string.Join(", ", new[] { current.Kind.ToString(), current.Affiliation }.OfType<string>())})"
            + (current.Aliases.Count == 0 ? "" : $", also known as {string.Join(", ", current.Aliases.OrderBy(a => a.Name).Select(a => a.Name))}")
            + ". Reload to see their version; nothing was saved.");

    private async Task<SourceSaveOutcome> ChangedMeanwhileAfterReloadAsync(int sourceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Sources.AsNoTracking().Include(s => s.Aliases).FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        return current is null ? new SourceSaveOutcome.NotFound() : ChangedMeanwhile(current);
    }

    private async Task<bool> CanEditAsync(ClaimsPrincipal user) => (await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded;
}
