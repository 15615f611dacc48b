using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Saving;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Metrics;

/// <summary>
/// Creates and edits catalogue metrics for editors, through the metric's own rules (unique key and
/// name, parts of the same kind and never a cycle). Changing how figures are compared (running
/// total, single event, parts) runs detection again for the metric's family, so stored conflicts
/// follow the rules.
/// </summary>
public sealed class MetricEditor(
    IDbContextFactory<ClaimsDbContext> contexts,
    IAuthorizationService authorization,
    ConflictDetectionService detection)
{
    public async Task<Result<MetricSaved>> CreateAsync(ClaimsPrincipal user, MetricInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var catalogue = await CatalogueAsync(db, cancellationToken);
        var created = Metric.Create(input.Details(), catalogue);
        if (created.Failure is { } failure)
        {
            // The metric's own rules first, so a form shows every field's problem at once.
            return failure;
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return Result.Invalid(unstorable);
        }

        var metric = created.Value;
        if ((PartsOf(input, catalogue, out var parts) ?? metric.SetParts(parts).Failure) is { } partFailure)
        {
            return partFailure;
        }

        db.Metrics.Add(metric);
        db.AuditNote = "metric created";
        var saved = await db.SaveOrRefuseDuplicateAsync(nameof(MetricInput.Key), cancellationToken);
        return saved.Failure ?? (Result<MetricSaved>)new MetricSaved(metric.Id, false);
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
            PartIds = metric.PartIds(),
        }, metric.Version);
    }

    public async Task<Result<MetricSaved>> UpdateAsync(ClaimsPrincipal user, int metricId, uint expectedVersion, MetricInput input, CancellationToken cancellationToken = default)
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
        var catalogue = await CatalogueAsync(db, cancellationToken);
        var metric = catalogue.FirstOrDefault(m => m.Id == metricId);
        if (metric is null)
        {
            return Result.NotFound();
        }

        if (metric.Version != expectedVersion)
        {
            return ChangedMeanwhile(metric);
        }

        var before = (metric.IsCumulative, metric.IsSingleEvent, Parts: metric.PartIds());
        var figures = metric.Kind == input.Kind ? 0 : await db.Figures.CountAsync(f => f.MetricId == metricId, cancellationToken);
        // The fields first: the parts are checked against the kind the metric ends up with.
        if ((metric.Update(input.Details(), catalogue, figures).Failure ?? PartsOf(input, catalogue, out var parts) ?? metric.SetParts(parts).Failure) is { } failure)
        {
            return failure;
        }

        var comparisonChanged = before.IsCumulative != metric.IsCumulative || before.IsSingleEvent != metric.IsSingleEvent || !before.Parts.SequenceEqual(metric.PartIds());
        db.AuditNote = comparisonChanged ? "metric edited; comparison settings changed" : "metric edited";
        var saved = await db.SaveVersionedAsync(metric, expectedVersion, () => ChangedMeanwhileAfterReloadAsync(metricId, cancellationToken), nameof(MetricInput.Key), cancellationToken);
        if (saved.Failure is { } staleOrTaken)
        {
            return staleOrTaken;
        }

        if (comparisonChanged)
        {
            await detection.DetectForMetricsAsync([metric.Id], cancellationToken);
        }

        return new MetricSaved(metric.Id, comparisonChanged);
    }

    /// <summary>Every metric, tracked with its parts, so chains of parts can be followed for cycles (the catalogue is small).</summary>
    private static async Task<List<Metric>> CatalogueAsync(ClaimsDbContext db, CancellationToken cancellationToken) =>
        await db.Metrics.Include(m => m.Parts).ToListAsync(cancellationToken);

    /// <summary>The chosen parts; a failure naming an id that is no metric.</summary>
    private static Failure? PartsOf(MetricInput input, List<Metric> catalogue, out List<Metric> parts)
    {
        var ids = input.PartIds.Distinct().ToList();
        parts = catalogue.Where(m => ids.Contains(m.Id)).ToList();
        var missing = ids.Where(id => catalogue.All(m => m.Id != id)).ToList();
        return missing.Count == 0
            ? null
            : Result.Invalid(nameof(MetricInput.PartIds), $"There is no metric {string.Join(", ", missing)} to use as a part.");
    }

    private static Failure ChangedMeanwhile(Metric current) =>
        Result.Conflict($"“{current.Name}” was changed by someone else since you opened it. Reload to see their version; nothing was saved.", current.Version);

    private async Task<Failure> ChangedMeanwhileAfterReloadAsync(int metricId, CancellationToken cancellationToken)
    {
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await fresh.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Id == metricId, cancellationToken);
        return current is null ? Result.NotFound() : ChangedMeanwhile(current);
    }
}
