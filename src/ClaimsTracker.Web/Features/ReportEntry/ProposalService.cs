using System.Globalization;
using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Features.Conflicts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

using ClaimEntity = ClaimsTracker.Domain.Claims.Claim;
using FigureEntity = ClaimsTracker.Domain.Figures.Figure;

namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>
/// The first pass over a saved report: the extractor's proposals, shaped for the editor to
/// correct, and accepting one as a claim with its figures, followed at once by conflict detection.
/// </summary>
public sealed class ProposalService(
    IDbContextFactory<ClaimsDbContext> contexts,
    IAuthorizationService authorization,
    ConflictDetectionService detection,
    NormalisationOptions normalisation)
{
    private readonly ClaimExtractor extractor = new(new FigurePhraseParser(normalisation));

    public async Task<ReportProposals?> GetAsync(int reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.AsNoTracking().Include(r => r.Outlet).Include(r => r.Claims)
            .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var metrics = await db.Metrics.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().Include(s => s.Aliases).ToListAsync(cancellationToken);
        var context = new ExtractionContext(
            report.PublishedOn,
            metrics.Select(m => new MetricCandidate(m.Id, m.Key, m.Name, m.Kind, [])).ToList(),
            sources.Select(s => new SourceCandidate(s.Id, s.Name, s.Aliases.Select(a => a.Name).ToList())).ToList());
        var proposals = extractor.Propose(report.Text, context)
            .Where(p => p.Figures.Count > 0 && !AlreadyClaimed(report.Claims, p))
            .ToList();

        // Scopes in use, for the suggested metrics only: not a pass over every figure stored.
        var suggested = proposals.SelectMany(p => p.Figures).Select(f => f.MetricId).OfType<int>().Distinct().ToList();
        var scopes = await db.Figures.AsNoTracking().Where(f => f.Scope != "" && suggested.Contains(f.MetricId))
            .GroupBy(f => new { f.MetricId, f.Scope }).Select(g => new { g.Key.MetricId, g.Key.Scope, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var drafts = proposals
            .Select(p => new ClaimDraft
            {
                Key = $"{p.Quote.Start}-{p.Quote.End}-{p.SourceName}",
                QuoteStart = p.Quote.Start,
                QuoteEnd = p.Quote.End,
                Quote = p.Quote.Exact,
                // A report stating a figure itself is its outlet's claim.
                Source = p.SourceName ?? report.Outlet!.Name,
                SourceIsKnown = p.SourceId is not null || p.SourceName is null,
                SourceEvidence = p.SourceEvidence,
                RelayedVia = p.RelayName,
                Confidence = p.Confidence,
                Figures = p.Figures.Select(f => new FigureDraft
                {
                    // Figures without a suggested metric start unticked: most are dates of speaking or asides.
                    Include = f.MetricId is not null,
                    AsWritten = f.Figure.Text,
                    Qualifier = f.Figure.Qualifier,
                    Value = f.Figure.Value,
                    ValueHigh = f.Figure.ValueHigh,
                    Kind = f.Date is not null ? FigureKind.Date : f.Figure.Kind,
                    Date = f.Date,
                    MetricId = f.MetricId,
                    MetricEvidence = f.MetricEvidence,
                    Time = f.Time,
                    Scope = SuggestScope(report.Text, f.MetricId, scopes.Select(s => (s.MetricId, s.Scope, s.Count))),
                }).ToList(),
            })
            .ToList();
        return new ReportProposals(report.Id, report.Title, report.Outlet!.Name, report.PublishedOn, drafts,
            metrics.Select(m => new MetricOption(m.Id, m.Name, m.Kind)).ToList());
    }

    public async Task<AcceptOutcome> AcceptAsync(ClaimsPrincipal user, int reportId, ClaimDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!(await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded)
        {
            return new AcceptOutcome.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return new AcceptOutcome.NotFound();
        }

        var figures = draft.Figures.Where(f => f.Include).ToList();
        var metrics = await db.Metrics.Where(m => figures.Select(f => f.MetricId).Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var errors = Validate(draft, figures, metrics.Keys.ToHashSet(), report.Text.Length);
        if (errors.Count > 0)
        {
            return new AcceptOutcome.Invalid(errors);
        }

        var claim = new ClaimEntity
        {
            Source = await SourceDirectory.FindOrAddAsync(db, draft.Source!, SourceKind.Person, cancellationToken),
            RelayedVia = string.IsNullOrWhiteSpace(draft.RelayedVia) ? null : await SourceDirectory.FindOrAddAsync(db, draft.RelayedVia, SourceKind.Outlet, cancellationToken),
            Summary = string.IsNullOrWhiteSpace(draft.Summary) ? Summarise(draft) : draft.Summary.Trim(),
            Quote = QuoteAnchoring.At(report.Text, draft.QuoteStart, draft.QuoteEnd - draft.QuoteStart),
            // Kept so a dispute can show that a position rests on a low-confidence proposal.
            ProposalConfidence = draft.Confidence,
        };
        foreach (var figure in figures)
        {
            var metric = metrics[figure.MetricId!.Value];
            claim.Figures.Add(new FigureEntity
            {
                Metric = metric,
                Kind = metric.Kind,
                Scope = figure.Scope.Trim(),
                AsWritten = figure.AsWritten,
                Qualifier = figure.Qualifier,
                Interval = IntervalRules.ToInterval(figure.Qualifier, figure.Value, figure.ValueHigh, figure.Date, normalisation),
                Unit = metric.Unit,
                Time = figure.Time with { },
            });
        }

        report.Claims.Add(claim);
        db.AuditNote = "claim accepted from a proposal";
        await db.SaveChangesAsync(cancellationToken);

        await detection.DetectForMetricsAsync(metrics.Keys, cancellationToken);
        var figureIds = claim.Figures.Select(f => f.Id).ToList();
        var conflicts = await db.Conflicts.AsNoTracking()
            .Where(c => c.Members.Any(m => figureIds.Contains(m.FigureId)))
            .OrderByDescending(c => c.Severity)
            .Select(c => new { c.Id, c.Kind, c.Explanation })
            .ToListAsync(cancellationToken);
        return new AcceptOutcome.Saved(claim.Id, conflicts.Select(c => new NewConflict(c.Id, ConflictText.Kind(c.Kind), c.Explanation)).ToList());
    }

    private static Dictionary<string, string[]> Validate(ClaimDraft draft, List<FigureDraft> figures, HashSet<int> knownMetrics, int textLength)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(draft.Source))
        {
            errors["Source"] = ["Say who made the claim."];
        }
        else if (draft.Source.Trim().Length > Limits.Name || (draft.RelayedVia?.Trim().Length ?? 0) > Limits.Name)
        {
            errors["Source"] = [$"Names are limited to {Limits.Name} characters."];
        }

        if (draft.QuoteStart < 0 || draft.QuoteEnd > textLength || draft.QuoteEnd <= draft.QuoteStart)
        {
            errors["Quote"] = ["The quote is not in the report's text."];
        }

        if (figures.Count == 0)
        {
            errors["Figures"] = ["Keep at least one figure, or reject the proposal."];
        }

        var missing = figures.Where(f => f.MetricId is not { } id || !knownMetrics.Contains(id)).Select(f => $"“{f.AsWritten}”").ToList();
        if (missing.Count > 0)
        {
            errors["Metric"] = [$"Choose what {string.Join(", ", missing)} measures."];
        }

        if (figures.Any(f => f.Date is null && f.Value is null))
        {
            errors["Value"] = ["Every figure needs a value."];
        }
        else if (figures.Any(f => f.Value is < 0 || f.ValueHigh is < 0 || (f.ValueHigh is { } high && high < f.Value)))
        {
            errors["Value"] = ["Values cannot be negative, and a range's upper number cannot be below its lower."];
        }

        if (figures.Any(f => f.Scope.Length > Limits.Scope))
        {
            errors["Scope"] = [$"The scope is limited to {Limits.Scope} characters."];
        }

        return errors;
    }

    /// <summary>The same sentence already holds a claim by this source: the proposal was accepted before.</summary>
    private static bool AlreadyClaimed(IEnumerable<ClaimEntity> claims, ClaimProposal proposal) =>
        claims.Any(c => c.Quote.Start < proposal.Quote.End && proposal.Quote.Start < c.Quote.End
            && (proposal.SourceId is null || c.SourceId == proposal.SourceId));

    /// <summary>A scope this metric already uses whose name appears in the article, else its most common one.</summary>
    private static string SuggestScope(string text, int? metricId, IEnumerable<(int MetricId, string Scope, int Count)> scopes)
    {
        var candidates = scopes.Where(s => s.MetricId == metricId).OrderByDescending(s => s.Count).ToList();
        var mentioned = candidates.FirstOrDefault(s => text.Contains(s.Scope.Split(' ')[0], StringComparison.OrdinalIgnoreCase));
        return mentioned.Scope ?? candidates.FirstOrDefault().Scope ?? string.Empty;
    }

    private static string Summarise(ClaimDraft draft)
    {
        var summary = $"{draft.Source}: {string.Join("; ", draft.Figures.Where(f => f.Include).Select(f => f.AsWritten))}";
        return summary.Length <= Limits.Summary ? summary : summary[..Limits.Summary];
    }
}
