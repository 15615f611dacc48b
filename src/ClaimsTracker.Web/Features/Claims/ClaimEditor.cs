using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Domain.Claims;
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
/// version, and followed by conflict detection for every metric touched before or after.
/// </summary>
public sealed class ClaimEditor(
    IDbContextFactory<ClaimsDbContext> contexts,
    IAuthorizationService authorization,
    ConflictDetectionService detection,
    NormalisationOptions normalisation)
{
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

    public async Task<ClaimEditOutcome> AddAsync(ClaimsPrincipal user, int reportId, ClaimEdit edit, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(user))
        {
            return new ClaimEditOutcome.Forbidden();
        }

        if (InputValidation.Check(edit) is { Count: > 0 } unstorable)
        {
            return new ClaimEditOutcome.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return new ClaimEditOutcome.NotFound();
        }

        var metrics = await MetricsAsync(db, edit, cancellationToken);
        var errors = Validate(edit, report.Text, metrics);
        if (errors.Count > 0)
        {
            return new ClaimEditOutcome.Invalid(errors);
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
        return await DetectAsync(db, claim.Id, metrics.Keys, cancellationToken);
    }

    public async Task<ClaimEditOutcome> UpdateAsync(ClaimsPrincipal user, int claimId, uint expectedVersion, ClaimEdit edit, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(user))
        {
            return new ClaimEditOutcome.Forbidden();
        }

        if (InputValidation.Check(edit) is { Count: > 0 } unstorable)
        {
            return new ClaimEditOutcome.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claim = await db.Claims.Include(c => c.Report).Include(c => c.Figures).Include(c => c.Source)
            .FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return new ClaimEditOutcome.NotFound();
        }

        if (claim.Version != expectedVersion)
        {
            return new ClaimEditOutcome.ChangedMeanwhile("Someone else changed this claim since you opened it. Reload to see their version; your edits are still in the form.");
        }

        var metrics = await MetricsAsync(db, edit, cancellationToken);
        var errors = Validate(edit, claim.Report!.Text, metrics);
        if (edit.Figures.Any(f => f.Id is { } id && claim.Figures.All(existing => existing.Id != id)))
        {
            errors["Figures"] = ["A figure in the form does not belong to this claim."];
        }

        if (errors.Count > 0)
        {
            return new ClaimEditOutcome.Invalid(errors);
        }

        var touched = claim.Figures.Select(f => f.MetricId).Concat(metrics.Keys).ToHashSet();
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
        db.Entry(claim).Property(c => c.Version).OriginalValue = expectedVersion;
        db.AuditNote = "claim edited by hand";
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClaimEditOutcome.ChangedMeanwhile("Someone else changed this claim while you edited it. Reload to see their version; your edits are still in the form.");
        }

        return await DetectAsync(db, claim.Id, touched, cancellationToken);
    }

    public async Task<ClaimEditOutcome> DeleteAsync(ClaimsPrincipal user, int claimId, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(user))
        {
            return new ClaimEditOutcome.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claim = await db.Claims.Include(c => c.Figures).FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return new ClaimEditOutcome.NotFound();
        }

        var touched = claim.Figures.Select(f => f.MetricId).ToHashSet();
        db.Entry(claim).Property(c => c.Version).OriginalValue = expectedVersion;
        db.Figures.RemoveRange(claim.Figures);
        db.Claims.Remove(claim);
        db.AuditNote = "claim deleted by hand";
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClaimEditOutcome.ChangedMeanwhile("Someone else changed this claim since you opened it; it was not deleted.");
        }

        await detection.DetectForMetricsAsync(touched, cancellationToken);
        return new ClaimEditOutcome.Saved(claimId, 0);
    }

    private Dictionary<string, string[]> Validate(ClaimEdit edit, string reportText, Dictionary<int, Metric> metrics)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        if (string.IsNullOrWhiteSpace(edit.Source))
        {
            Add("Source", "Say who made the claim.");
        }
        else if (edit.Source.Trim().Length > Limits.Name || (edit.RelayedVia?.Trim().Length ?? 0) > Limits.Name)
        {
            Add("Source", $"Names are limited to {Limits.Name} characters.");
        }

        if (string.IsNullOrWhiteSpace(edit.Summary))
        {
            Add("Summary", "Write a one-line summary.");
        }
        else if (edit.Summary.Trim().Length > Limits.Summary)
        {
            Add("Summary", $"The summary is limited to {Limits.Summary:N0} characters.");
        }

        if (string.IsNullOrEmpty(edit.Quote))
        {
            Add("Quote", "Select or type the words of the report that carry the claim.");
        }
        else if (QuoteAnchoring.Anchor(reportText, edit.Quote, edit.QuoteNear) is null)
        {
            Add("Quote", "These words are not in the report's text; copy them exactly.");
        }

        if (edit.StatedOn is { } stated && stated > DateTime.UtcNow.AddDays(1))
        {
            Add("StatedOn", "A statement cannot be dated in the future.");
        }

        foreach (var (figure, index) in edit.Figures.Select((f, i) => (f, i + 1)).Where(x => !x.f.Remove))
        {
            var label = $"Figure {index}";
            if (string.IsNullOrWhiteSpace(figure.AsWritten) || figure.AsWritten.Length > Limits.AsWritten)
            {
                Add("Figures", $"{label}: give the value as written (up to {Limits.AsWritten} characters).");
            }

            if (figure.MetricId is not { } metricId || !metrics.TryGetValue(metricId, out var metric))
            {
                Add("Figures", $"{label}: choose what it measures.");
                continue;
            }

            if (metric.Kind == FigureKind.Date ? figure.Date is null : figure.Value is null)
            {
                Add("Figures", metric.Kind == FigureKind.Date ? $"{label}: give the date." : $"{label}: give the number.");
            }

            if (figure.Value is < 0 || figure.ValueHigh is < 0)
            {
                Add("Figures", $"{label}: a count cannot be negative.");
            }

            if (figure.Qualifier == Qualifier.Range && (figure.ValueHigh is null || figure.ValueHigh < figure.Value))
            {
                Add("Figures", $"{label}: a range needs an upper number at least as large as the lower.");
            }

            if (figure.TimeKind != TimeReferenceKind.Unknown && figure.TimeEnd is null
                || figure.TimeKind == TimeReferenceKind.Period && (figure.TimeStart is null || figure.TimeStart > figure.TimeEnd))
            {
                Add("Figures", $"{label}: an as-of time needs its day; a period needs a start no later than its end.");
            }

            if ((figure.Scope?.Length ?? 0) > Limits.Scope)
            {
                Add("Figures", $"{label}: the scope is limited to {Limits.Scope} characters.");
            }

            try
            {
                _ = figure.Value is { } value ? IntervalRules.ToInterval(figure.Qualifier, value, figure.ValueHigh, normalisation) : default;
            }
            catch (OverflowException)
            {
                Add("Figures", $"{label}: the number is too large.");
            }
        }

        return errors;
    }

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
                figure = new Figure { AsWritten = input.AsWritten!.Trim() };
                claim.Figures.Add(figure);
            }

            figure.Metric = metric;
            figure.Kind = metric.Kind;
            figure.Unit = metric.Unit;
            figure.AsWritten = input.AsWritten!.Trim();
            figure.Qualifier = metric.Kind == FigureKind.Date ? Qualifier.Exact : input.Qualifier;
            figure.Scope = input.Scope?.Trim() ?? string.Empty;
            var day = metric.Kind == FigureKind.Date ? DateOnly.FromDateTime(input.Date!.Value) : (DateOnly?)null;
            figure.Interval = IntervalRules.ToInterval(input.Qualifier, input.Value, input.ValueHigh, day, normalisation);
            figure.Time = input.TimeKind switch
            {
                TimeReferenceKind.AsOf => TimeReference.AsOf(DateOnly.FromDateTime(input.TimeEnd!.Value), input.TimeAsWritten),
                TimeReferenceKind.Period => TimeReference.Period(DateOnly.FromDateTime(input.TimeStart!.Value), DateOnly.FromDateTime(input.TimeEnd!.Value), input.TimeAsWritten),
                _ => TimeReference.Unknown with { AsWritten = input.TimeAsWritten },
            };
        }
    }

    private async Task<ClaimEditOutcome> DetectAsync(ClaimsDbContext db, int claimId, IEnumerable<int> metricIds, CancellationToken cancellationToken)
    {
        await detection.DetectForMetricsAsync(metricIds, cancellationToken);
        var open = await db.Conflicts.CountAsync(c => c.Status == ConflictStatus.Open && c.Members.Any(m => m.Figure!.ClaimId == claimId), cancellationToken);
        return new ClaimEditOutcome.Saved(claimId, open);
    }

    private static async Task<Dictionary<int, Metric>> MetricsAsync(ClaimsDbContext db, ClaimEdit edit, CancellationToken cancellationToken)
    {
        var ids = edit.Figures.Where(f => !f.Remove && f.MetricId is not null).Select(f => f.MetricId!.Value).Distinct().ToList();
        return await db.Metrics.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    /// <summary>The number the qualifier was applied to: the ceiling of "up to", the floor of "more than".</summary>
    private static decimal? ValueAsWritten(Figure figure) => figure.Qualifier switch
    {
        Qualifier.UpTo or Qualifier.Nearly or Qualifier.LessThan => figure.High,
        Qualifier.AtLeast or Qualifier.MoreThan or Qualifier.Vague or Qualifier.Range => figure.Low,
        _ => figure.Best,
    };

    private async Task<bool> CanEditAsync(ClaimsPrincipal user) => (await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded;
}
