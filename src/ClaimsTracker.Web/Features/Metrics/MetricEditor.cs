using System.Security.Claims;
using System.Text.RegularExpressions;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Web.Features.Metrics;

/// <summary>
/// Creates and edits catalogue metrics for editors. Parts may not form a cycle (a whole cannot be
/// part of itself, however indirectly). Changing how figures are compared (running total, single
/// event, parts) runs detection again for the metric's family, so stored conflicts follow the rules.
/// </summary>
public sealed partial class MetricEditor(
    IDbContextFactory<ClaimsDbContext> contexts,
    IAuthorizationService authorization,
    ConflictDetectionService detection)
{
    public async Task<MetricSaveOutcome> CreateAsync(ClaimsPrincipal user, MetricInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await CanEditAsync(user))
        {
            return new MetricSaveOutcome.Forbidden();
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return new MetricSaveOutcome.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return new MetricSaveOutcome.Invalid(errors);
        }

        var metric = new Metric { Key = input.Key!.Trim(), Name = input.Name!.Trim() };
        Apply(metric, input);
        db.Metrics.Add(metric);
        db.AuditNote = "metric created";
        return await SaveAsync(db, metric, detect: false, cancellationToken);
    }

    /// <summary>The stored metric as form input, with the version an edit must start from.</summary>
    public async Task<(MetricInput Input, uint Version)?> LoadAsync(int metricId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var metric = await db.Metrics.AsNoTracking().Include(m => m.Parts).FirstOrDefaultAsync(m => m.Id == metricId, cancellationToken);
        return metric is null ? null : (new MetricInput
        {
            Key = metric.Key,
            Name = metric.Name,
            Description = metric.Description,
            Unit = metric.Unit,
            Kind = metric.Kind,
            IsCumulative = metric.IsCumulative,
            IsSingleEvent = metric.IsSingleEvent,
            PartIds = metric.Parts.Select(p => p.PartId).Order().ToList(),
        }, metric.Version);
    }

    /// <summary>Every metric but one, for the parts picker.</summary>
    public async Task<IReadOnlyList<MetricOption>> OptionsAsync(int? exceptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Metrics.AsNoTracking().Where(m => m.Id != exceptId).OrderBy(m => m.Name)
            .Select(m => new MetricOption(m.Id, m.Name, m.Kind)).ToListAsync(cancellationToken);
    }

    public async Task<MetricSaveOutcome> UpdateAsync(ClaimsPrincipal user, int metricId, uint expectedVersion, MetricInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await CanEditAsync(user))
        {
            return new MetricSaveOutcome.Forbidden();
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return new MetricSaveOutcome.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var metric = await db.Metrics.Include(m => m.Parts).FirstOrDefaultAsync(m => m.Id == metricId, cancellationToken);
        if (metric is null)
        {
            return new MetricSaveOutcome.NotFound();
        }

        if (metric.Version != expectedVersion)
        {
            return ChangedMeanwhile(metric);
        }

        var errors = await ValidateAsync(db, input, metric, cancellationToken);
        if (errors.Count > 0)
        {
            return new MetricSaveOutcome.Invalid(errors);
        }

        var before = (metric.IsCumulative, metric.IsSingleEvent, Parts: metric.Parts.Select(p => p.PartId).Order().ToList());
        metric.Key = input.Key!.Trim();
        metric.Name = input.Name!.Trim();
        Apply(metric, input);
        var after = (metric.IsCumulative, metric.IsSingleEvent, Parts: metric.Parts.Select(p => p.PartId).Order().ToList());
        var comparisonChanged = before.IsCumulative != after.IsCumulative || before.IsSingleEvent != after.IsSingleEvent || !before.Parts.SequenceEqual(after.Parts);

        // Written even when only the parts changed, so the version check applies and the version moves.
        db.Entry(metric).Property(m => m.Name).IsModified = true;
        db.Entry(metric).Property(m => m.Version).OriginalValue = expectedVersion;
        db.AuditNote = comparisonChanged ? "metric edited; comparison settings changed" : "metric edited";
        try
        {
            return await SaveAsync(db, metric, comparisonChanged, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await fresh.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Id == metricId, cancellationToken);
            return current is null ? new MetricSaveOutcome.NotFound() : ChangedMeanwhile(current);
        }
    }

    public static Dictionary<string, string[]> Validate(MetricInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        if (string.IsNullOrWhiteSpace(input.Key))
        {
            Add(nameof(input.Key), "A key is required, e.g. “nk-troops-killed”.");
        }
        else if (input.Key.Trim().Length > Limits.MetricKey)
        {
            Add(nameof(input.Key), $"The key is limited to {Limits.MetricKey} characters.");
        }
        else if (!Slug().IsMatch(input.Key.Trim()))
        {
            Add(nameof(input.Key), "Use lower-case letters, digits and single hyphens, e.g. “nk-troops-killed”.");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            Add(nameof(input.Name), "A name is required.");
        }
        else if (input.Name.Trim().Length > Limits.Name)
        {
            Add(nameof(input.Name), $"The name is limited to {Limits.Name} characters.");
        }

        if (input.Description is { } description && description.Trim().Length > Limits.Summary)
        {
            Add(nameof(input.Description), $"The description is limited to {Limits.Summary:N0} characters.");
        }

        if (input.Unit is { } unit && unit.Trim().Length > Limits.Unit)
        {
            Add(nameof(input.Unit), $"The unit is limited to {Limits.Unit} characters.");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            Add(nameof(input.Kind), "Choose what the figures measure.");
        }

        if (input.IsCumulative && input.IsSingleEvent)
        {
            Add(nameof(input.IsSingleEvent), "A single event is not a running total: choose one or neither.");
        }

        return errors;
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(ClaimsDbContext db, MetricInput input, Metric? existing, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        var id = existing?.Id;
        if (!errors.ContainsKey(nameof(input.Key)))
        {
            var key = input.Key!.Trim();
            if (await db.Metrics.AsNoTracking().Where(m => m.Key == key && m.Id != id).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) is { } owner)
            {
                errors[nameof(input.Key)] = [$"The key “{key}” is already used by “{owner}”."];
            }
        }

        if (!errors.ContainsKey(nameof(input.Name)))
        {
            var name = input.Name!.Trim();
            if (await db.Metrics.AsNoTracking().AnyAsync(m => m.Name.ToLower() == name.ToLower() && m.Id != id, cancellationToken))
            {
                errors[nameof(input.Name)] = [$"There is already a metric called “{name}”."];
            }
        }

        if (existing is not null && existing.Kind != input.Kind
            && await db.Figures.CountAsync(f => f.MetricId == existing.Id, cancellationToken) is > 0 and var figures)
        {
            errors[nameof(input.Kind)] = [$"{figures} figures are measured as {existing.Kind}; the kind cannot change while they use this metric."];
        }

        var partErrors = await ValidatePartsAsync(db, input, id, cancellationToken);
        if (partErrors.Count > 0)
        {
            errors[nameof(input.PartIds)] = [.. partErrors];
        }

        return errors;
    }

    private static async Task<List<string>> ValidatePartsAsync(ClaimsDbContext db, MetricInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var partIds = input.PartIds.Distinct().ToList();
        if (partIds.Count == 0)
        {
            return errors;
        }

        if (id is { } self && partIds.Contains(self))
        {
            errors.Add("A metric cannot be its own part.");
        }

        var metrics = await db.Metrics.AsNoTracking().Select(m => new { m.Id, m.Name, m.Kind }).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var partId in partIds.Where(p => p != id))
        {
            if (!metrics.TryGetValue(partId, out var part))
            {
                errors.Add($"There is no metric {partId} to use as a part.");
            }
            else if (part.Kind != input.Kind)
            {
                errors.Add($"“{part.Name}” is measured as {part.Kind}, not {input.Kind}; parts must add up to the whole.");
            }
        }

        // A new metric is nobody's part yet, so only an edit can close a cycle.
        if (id is { } wholeId && errors.Count == 0)
        {
            var edges = (await db.MetricParts.AsNoTracking().Where(p => p.WholeId != wholeId).Select(p => new { p.WholeId, p.PartId }).ToListAsync(cancellationToken))
                .ToLookup(p => p.WholeId, p => p.PartId);
            foreach (var partId in partIds)
            {
                if (PathTo(partId, wholeId, edges) is { } path)
                {
                    errors.Add($"“{metrics[partId].Name}” already includes this metric ({string.Join(" → ", path.Select(p => metrics[p].Name))}), so it cannot also be one of its parts.");
                }
            }
        }

        return errors;
    }

    /// <summary>The chain of parts leading from <paramref name="from"/> down to <paramref name="to"/>, or null.</summary>
    private static List<int>? PathTo(int from, int to, ILookup<int, int> parts)
    {
        var cameFrom = new Dictionary<int, int> { [from] = from };
        var queue = new Queue<int>([from]);
        while (queue.TryDequeue(out var current))
        {
            if (current == to)
            {
                var path = new List<int> { current };
                while (path[^1] != from)
                {
                    path.Add(cameFrom[path[^1]]);
                }

                path.Reverse();
                return path;
            }

            foreach (var next in parts[current].Where(n => !cameFrom.ContainsKey(n)))
            {
                cameFrom[next] = current;
                queue.Enqueue(next);
            }
        }

        return null;
    }

    private static void Apply(Metric metric, MetricInput input)
    {
        metric.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        metric.Unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim();
        metric.Kind = input.Kind;
        metric.IsCumulative = input.IsCumulative;
        metric.IsSingleEvent = input.IsSingleEvent;

        var wanted = input.PartIds.Distinct().ToHashSet();
        metric.Parts.RemoveAll(p => !wanted.Contains(p.PartId));
        foreach (var partId in wanted.Where(p => metric.Parts.All(existing => existing.PartId != p)))
        {
            metric.Parts.Add(new MetricPart { PartId = partId });
        }
    }

    private async Task<MetricSaveOutcome> SaveAsync(ClaimsDbContext db, Metric metric, bool detect, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another editor took the key or name between our check and our save.
            return new MetricSaveOutcome.Invalid(new Dictionary<string, string[]>
            {
                [nameof(MetricInput.Key)] = ["Another metric took this key or name a moment ago. Check them and try again."],
            });
        }

        if (detect)
        {
            await detection.DetectForMetricsAsync([metric.Id], cancellationToken);
        }

        return new MetricSaveOutcome.Saved(metric.Id, detect);
    }

    private static MetricSaveOutcome.ChangedMeanwhile ChangedMeanwhile(Metric current) =>
        new($"“{current.Name}” was changed by someone else since you opened it. Reload to see their version; nothing was saved.");

    private async Task<bool> CanEditAsync(ClaimsPrincipal user) => (await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
