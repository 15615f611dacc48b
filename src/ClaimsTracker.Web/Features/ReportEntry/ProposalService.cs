using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Infrastructure;
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
    NormalisationOptions normalisation,
    TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
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

        var metrics = await db.Metrics.AsNoTracking().Include(m => m.Parts).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().Include(s => s.Aliases).ToListAsync(cancellationToken);
        var context = new ExtractionContext(
            report.PublishedOn,
            metrics.Select(m => new MetricCandidate(m.Id, m.Key, m.Name, m.Kind, []) { PartIds = m.PartIds(), Unit = m.Unit }).ToList(),
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
                Corroborates = p.Corroborates,
                Figures = p.Figures.Select(f => new FigureDraft
                {
                    // Unticked without a metric (most are dates of speaking or asides), a speaker or enough confidence.
                    Include = p.StartsTicked(f),
                    AsWritten = f.Figure.Text,
                    Qualifier = f.Figure.Qualifier,
                    Value = f.Figure.Value,
                    ValueHigh = f.Figure.ValueHigh,
                    Kind = f.Date is not null ? FigureKind.Date : f.Figure.Kind,
                    Date = f.Date,
                    MetricId = f.MetricId,
                    MetricEvidence = f.MetricEvidence,
                    NewMetric = f.MetricId is null ? f.NewMetric : null,
                    Incidental = f.Incidental,
                    Time = f.Time,
                    Scope = SuggestScope(report.Text, f.MetricId, scopes.Select(s => (s.MetricId, s.Scope, s.Count))),
                }).ToList(),
            })
            .ToList();
        return new ReportProposals(report.Id, report.Title, report.Outlet!.Name, report.PublishedOn, drafts,
            metrics.Select(MetricOption.Of).ToList());
    }

    public async Task<Result<AcceptedClaim>> AcceptAsync(ClaimsPrincipal user, int reportId, ClaimDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        if (InputValidation.Check(draft) is { Count: > 0 } unstorable)
        {
            return Result.Invalid(unstorable);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Result.NotFound();
        }

        var figures = draft.Figures.Where(f => f.Include).ToList();
        var metrics = await db.Metrics.Where(m => figures.Select(f => f.MetricId).Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var errors = Validate(draft, figures, metrics, report.Text.Length);
        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        var claim = new ClaimEntity
        {
            Source = await SourceDirectory.FindOrAddAsync(db, draft.Source!, SourceKind.Person, cancellationToken),
            RelayedVia = string.IsNullOrWhiteSpace(draft.RelayedVia) ? null : await SourceDirectory.FindOrAddAsync(db, draft.RelayedVia, SourceKind.Outlet, cancellationToken),
            Summary = Summary(draft),
            Quote = QuoteAnchoring.At(report.Text, draft.QuoteStart, draft.QuoteEnd - draft.QuoteStart),
            // Kept so a dispute can show that a position rests on a low-confidence proposal.
            ProposalConfidence = draft.Confidence,
        };
        foreach (var figure in figures)
        {
            claim.Figures.Add(FigureEntity.Create(metrics[figure.MetricId!.Value], ToValue(figure), normalisation).Value);
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
        return new AcceptedClaim(claim.Id, conflicts.Select(c => new NewConflict(c.Id, ConflictText.Kind(c.Kind), c.Explanation)).ToList());
    }

    /// <summary>
    /// The claim's and each kept figure's entity rules. A proposal's fields are few, so the
    /// figures' messages are collected by their field (Value, Scope, …) and name the words.
    /// </summary>
    private FieldErrors Validate(ClaimDraft draft, List<FigureDraft> figures, Dictionary<int, Metric> metrics, int textLength)
    {
        var errors = ClaimEntity.Check(draft.Source, draft.RelayedVia, Summary(draft), statedOn: null, clock.LatestPlausibleDay());
        if (draft.QuoteStart < 0 || draft.QuoteEnd > textLength || draft.QuoteEnd <= draft.QuoteStart)
        {
            errors.Add("Quote", "The quote is not in the report's text.");
        }

        if (figures.Count == 0)
        {
            errors.Add("Figures", "Keep at least one figure, or reject the proposal.");
        }

        var missing = figures.Where(f => f.MetricId is not { } id || !metrics.ContainsKey(id)).Select(f => $"“{f.AsWritten}”").ToList();
        if (missing.Count > 0)
        {
            errors.Add("Metric", $"Choose what {string.Join(", ", missing)} measures.");
        }

        foreach (var figure in figures.Where(f => f.MetricId is { } id && metrics.ContainsKey(id)))
        {
            errors.AddAll(FigureEntity.Check(metrics[figure.MetricId!.Value], ToValue(figure), normalisation),
                field => field is "Date" ? "Value" : field, message => $"“{figure.AsWritten}”: {message}");
        }

        return errors;
    }

    private static FigureValue ToValue(FigureDraft draft) => new FigureValue
    {
        AsWritten = draft.AsWritten,
        Qualifier = draft.Qualifier,
        Value = draft.Value,
        ValueHigh = draft.ValueHigh,
        Day = draft.Date,
        Scope = draft.Scope,
    }.WithTime(draft.Time);

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

    /// <summary>The editor's summary, or one made of the source and the figures' words.</summary>
    private static string Summary(ClaimDraft draft)
    {
        if (!string.IsNullOrWhiteSpace(draft.Summary))
        {
            return draft.Summary.Trim();
        }

        var summary = $"{draft.Source}: {string.Join("; ", draft.Figures.Where(f => f.Include).Select(f => f.AsWritten))}";
        return summary.Length <= Limits.Summary ? summary : summary[..Limits.Summary];
    }
}
