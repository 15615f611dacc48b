using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Saving;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

using ClaimEntity = ClaimsTracker.Domain.Claims.Claim;

namespace ClaimsTracker.Web.Features.Claims;

/// <summary>
/// Editors' hand edits of claims and their figures: validated, audited, refused on a stale
/// version, and followed by conflict detection in every metric family and scope touched before or after.
/// </summary>
public sealed class ClaimEditor(
    IDbContextFactory<ClaimsDbContext> contexts,
    IAuthorizationService authorization,
    ConflictDetectionService detection,
    NormalisationOptions normalisation,
    TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public async Task<(ClaimEdit Edit, uint Version, int ReportId)?> LoadAsync(int claimId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claim = await db.Claims.AsNoTracking().Include(c => c.Source).Include(c => c.RelayedVia).Include(c => c.Figures)
            .FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var edit = new ClaimEdit
        {
            Source = claim.Source!.Name,
            RelayedVia = claim.RelayedVia?.Name,
            Summary = claim.Summary,
            Quote = claim.Quote.Exact,
            QuoteNear = claim.Quote.Start,
            StatedOn = claim.StatedOn?.ToDateTime(TimeOnly.MinValue),
            Figures = claim.Figures.OrderBy(f => f.Id).Select(f => new FigureEdit
            {
                Id = f.Id,
                AsWritten = f.AsWritten,
                Qualifier = f.Qualifier,
                Value = f.Kind == FigureKind.Date ? null : ValueAsWritten(f),
                ValueHigh = f.Qualifier == Qualifier.Range ? f.High : null,
                Date = f.Kind == FigureKind.Date && f.Best is { } day ? DateOnly.FromDayNumber((int)day).ToDateTime(TimeOnly.MinValue) : null,
                MetricId = f.MetricId,
                Scope = f.Scope,
                TimeKind = f.Time.Kind,
                TimeStart = f.Time.Start?.ToDateTime(TimeOnly.MinValue),
                TimeEnd = f.Time.End?.ToDateTime(TimeOnly.MinValue),
                TimeAsWritten = f.Time.AsWritten,
            }).ToList(),
        };
        return (edit, claim.Version, claim.ReportId);
    }

    public async Task<Result<ClaimSaved>> AddAsync(ClaimsPrincipal user, int reportId, ClaimEdit edit, CancellationToken cancellationToken = default)
    {
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        if (InputValidation.Check(edit) is { Count: > 0 } unstorable)
        {
            return Result.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Result.NotFound();
        }

        var metrics = await MetricsAsync(db, edit, cancellationToken);
        var errors = Validate(edit, report.Text, metrics);
        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        var claim = new ClaimEntity
        {
            Source = await SourceDirectory.FindOrAddAsync(db, edit.Source!, SourceKind.Person, cancellationToken),
            Summary = edit.Summary!.Trim(),
            Quote = QuoteAnchoring.Anchor(report.Text, edit.Quote!, edit.QuoteNear)!,
        };
        await ApplyAsync(db, claim, edit, metrics, cancellationToken);
        report.Claims.Add(claim);
        db.AuditNote = "claim added by hand";
        await db.SaveChangesAsync(cancellationToken);
        return await DetectAsync(db, claim.Id, Places(claim.Figures), cancellationToken);
    }

    public async Task<Result<ClaimSaved>> UpdateAsync(ClaimsPrincipal user, int claimId, uint expectedVersion, ClaimEdit edit, CancellationToken cancellationToken = default)
    {
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        if (InputValidation.Check(edit) is { Count: > 0 } unstorable)
        {
            return Result.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claim = await db.Claims.Include(c => c.Report).Include(c => c.Figures).Include(c => c.Source)
            .FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return Result.NotFound();
        }

        if (claim.Version != expectedVersion)
        {
            return Result.Conflict("Someone else changed this claim since you opened it. Reload to see their version; your edits are still in the form.", claim.Version);
        }

        var metrics = await MetricsAsync(db, edit, cancellationToken);
        var errors = Validate(edit, claim.Report!.Text, metrics);
        if (edit.Figures.Any(f => f.Id is { } id && claim.Figures.All(existing => existing.Id != id)))
        {
            errors.Add("Figures", "A figure in the form does not belong to this claim.");
        }

        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        // Where the figures were before the edit: a figure that moves leaves its old scope to be detected again too.
        var before = Places(claim.Figures);
        if (!claim.Source!.IsKnownAs(edit.Source!))
        {
            claim.Source = await SourceDirectory.FindOrAddAsync(db, edit.Source!, SourceKind.Person, cancellationToken);
        }

        claim.Summary = edit.Summary!.Trim();
        if (claim.Quote.IsOrphaned || claim.Quote.Exact != edit.Quote || claim.Quote.Start != edit.QuoteNear)
        {
            claim.Quote = QuoteAnchoring.Anchor(claim.Report.Text, edit.Quote!, edit.QuoteNear)!;
        }

        await ApplyAsync(db, claim, edit, metrics, cancellationToken);
        db.AuditNote = "claim edited by hand";
        var saved = await db.SaveVersionedAsync(claim, expectedVersion, () => ChangedMeanwhileAsync(claimId, "while you edited it; your edits are still in the form", cancellationToken), cancellationToken: cancellationToken);
        return saved.Failure ?? await DetectAsync(db, claim.Id, [.. before, .. Places(claim.Figures)], cancellationToken);
    }

    public async Task<Result<ClaimSaved>> DeleteAsync(ClaimsPrincipal user, int claimId, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claim = await db.Claims.Include(c => c.Figures).FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return Result.NotFound();
        }

        var touched = Places(claim.Figures);
        db.Figures.RemoveRange(claim.Figures);
        db.Claims.Remove(claim);
        db.AuditNote = "claim deleted by hand";
        var deleted = await db.SaveVersionedAsync(claim, expectedVersion, () => ChangedMeanwhileAsync(claimId, "since you opened it; it was not deleted", cancellationToken), cancellationToken: cancellationToken);
        if (deleted.Failure is { } failure)
        {
            return failure;
        }

        await detection.DetectForScopesAsync(touched, cancellationToken);
        return new ClaimSaved(claimId, 0);
    }

    /// <summary>The claim's and each figure's entity rules, with the figure's number in front of its messages.</summary>
    private FieldErrors Validate(ClaimEdit edit, string reportText, Dictionary<int, Metric> metrics)
    {
        var statedOn = edit.StatedOn is { } stated ? DateOnly.FromDateTime(stated) : (DateOnly?)null;
        var errors = ClaimEntity.Check(edit.Source, edit.RelayedVia, edit.Summary, statedOn, clock.LatestPlausibleDay());
        if (string.IsNullOrEmpty(edit.Quote))
        {
            errors.Add("Quote", "Select or type the words of the report that carry the claim.");
        }
        else if (QuoteAnchoring.Anchor(reportText, edit.Quote, edit.QuoteNear) is null)
        {
            errors.Add("Quote", "These words are not in the report's text; copy them exactly.");
        }

        foreach (var (figure, index) in edit.Figures.Select((f, i) => (f, i + 1)).Where(x => !x.f.Remove))
        {
            var label = $"Figure {index}";
            if (figure.MetricId is not { } metricId || !metrics.TryGetValue(metricId, out var metric))
            {
                errors.Add("Figures", $"{label}: choose what it measures.");
                continue;
            }

            errors.AddAll(Figure.Check(metric, ToValue(figure, metric), normalisation), _ => "Figures", message => $"{label}: {message}");
        }

        return errors;
    }

    private static FigureValue ToValue(FigureEdit input, Metric metric) => new()
    {
        AsWritten = input.AsWritten,
        // The form offers no qualifier for a day: it is the day.
        Qualifier = metric.Kind == FigureKind.Date ? Qualifier.Exact : input.Qualifier,
        Value = input.Value,
        ValueHigh = input.ValueHigh,
        Day = input.Date is { } date ? DateOnly.FromDateTime(date) : null,
        Scope = input.Scope,
        TimeKind = input.TimeKind,
        TimeStart = input.TimeStart is { } start ? DateOnly.FromDateTime(start) : null,
        TimeEnd = input.TimeEnd is { } end ? DateOnly.FromDateTime(end) : null,
        TimeAsWritten = input.TimeAsWritten,
    };

    private async Task ApplyAsync(ClaimsDbContext db, ClaimEntity claim, ClaimEdit edit, Dictionary<int, Metric> metrics, CancellationToken cancellationToken)
    {
        claim.RelayedVia = string.IsNullOrWhiteSpace(edit.RelayedVia) ? null : await SourceDirectory.FindOrAddAsync(db, edit.RelayedVia, SourceKind.Outlet, cancellationToken);
        claim.StatedOn = edit.StatedOn is { } stated ? DateOnly.FromDateTime(stated) : null;
        foreach (var input in edit.Figures)
        {
            var figure = input.Id is { } id ? claim.Figures.First(f => f.Id == id) : null;
            if (input.Remove)
            {
                if (figure is not null)
                {
                    claim.Figures.Remove(figure);
                    db.Figures.Remove(figure);
                }

                continue;
            }

            var metric = metrics[input.MetricId!.Value];
            if (figure is null)
            {
                claim.Figures.Add(Figure.Create(metric, ToValue(input, metric), normalisation).Value);
            }
            else
            {
                figure.Update(metric, ToValue(input, metric), normalisation);
            }
        }
    }

    /// <summary>Detection reads only the touched scopes of the metric families (see <see cref="ConflictDetectionService.DetectForScopesAsync"/>).</summary>
    private static List<TouchedScope> Places(IEnumerable<Figure> figures) => [.. figures.Select(f => new TouchedScope(f.MetricId, f.Scope))];

    private async Task<Result<ClaimSaved>> DetectAsync(ClaimsDbContext db, int claimId, IEnumerable<TouchedScope> places, CancellationToken cancellationToken)
    {
        await detection.DetectForScopesAsync(places, cancellationToken);
        var open = await db.Conflicts.CountAsync(c => c.Status == ConflictStatus.Open && c.Members.Any(m => m.Figure!.ClaimId == claimId), cancellationToken);
        return new ClaimSaved(claimId, open);
    }

    private async Task<Failure> ChangedMeanwhileAsync(int claimId, string when, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(c => (uint?)c.Version).FirstOrDefaultAsync(cancellationToken);
        return current is null
            ? Result.NotFound("Someone else deleted this claim meanwhile.")
            : Result.Conflict($"Someone else changed this claim {when}. Reload to see their version.", current);
    }

    private static async Task<Dictionary<int, Metric>> MetricsAsync(ClaimsDbContext db, ClaimEdit edit, CancellationToken cancellationToken)
    {
        var ids = edit.Figures.Where(f => !f.Remove && f.MetricId is not null).Select(f => f.MetricId!.Value).Distinct().ToList();
        return await db.Metrics.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    /// <summary>The number the qualifier was applied to: the ceiling of "up to", the floor of "more than".</summary>
    private static decimal? ValueAsWritten(Figure figure) => figure.Qualifier switch
    {
        Qualifier.UpTo or Qualifier.Nearly or Qualifier.LessThan or Qualifier.AtMost => figure.High,
        Qualifier.AtLeast or Qualifier.MoreThan or Qualifier.Vague or Qualifier.Range => figure.Low,
        _ => figure.Best,
    };

}
