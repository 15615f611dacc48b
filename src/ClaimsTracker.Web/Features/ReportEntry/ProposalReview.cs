using ClaimsTracker.Domain.Extraction;

namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>
/// How the proposals page presents the extractor's confidence: a label, the reasons behind the
/// number. Mirrors the extractor's scoring (half for finding
/// figures, a quarter for a catalogued source, a quarter for metrics) so the reasons add up.
/// Which figures start ticked is the proposal's own rule (<see cref="ClaimProposal.StartsTicked"/>).
/// </summary>
public static class ProposalReview
{
    public static string Label(double confidence) => confidence switch
    {
        >= 0.85 => "High confidence",
        >= ClaimProposal.PreTickThreshold => "Medium confidence",
        _ => "Low confidence",
    };

    public static IReadOnlyList<string> Reasons(ClaimDraft draft)
    {
        var reasons = new List<string> { $"{draft.Figures.Count} figure(s) found in the sentence" };
        reasons.Add(draft.SourceEvidence is null
            ? "no speaker named: the report's own statement"
            : draft.SourceIsKnown ? "the speaker is a known source" : "the speaker is not in the source catalogue yet");
        var withMetric = draft.Figures.Count(f => f.MetricEvidence is not null);
        reasons.Add(withMetric == draft.Figures.Count
            ? "a metric suggested for every figure"
            : $"a metric suggested for {withMetric} of {draft.Figures.Count} figure(s)");
        return reasons;
    }
}

/// <summary>What an editor changed on the proposals of one report, kept as a draft until accepted.</summary>
public sealed record ProposalsDraft
{
    public List<string> Rejected { get; init; } = [];
    public List<ProposalEdit> Edits { get; init; } = [];

    public static ProposalsDraft Capture(IEnumerable<ClaimDraft> open, IEnumerable<string> rejected) => new()
    {
        Rejected = rejected.ToList(),
        Edits = open.Select(c => new ProposalEdit(c.Key, c.Source, c.RelayedVia, c.Summary,
            c.Figures.Select(f => new FigureChoice(f.Include, f.MetricId, f.Scope)).ToList())).ToList(),
    };

    /// <summary>Puts the edits back on freshly proposed claims with the same key; returns how many matched.</summary>
    public int ApplyTo(IEnumerable<ClaimDraft> proposals, ISet<string> rejected)
    {
        var byKey = Edits.DistinctBy(e => e.Key).ToDictionary(e => e.Key);
        var applied = 0;
        foreach (var claim in proposals)
        {
            if (!byKey.TryGetValue(claim.Key, out var edit))
            {
                continue;
            }

            (claim.Source, claim.RelayedVia, claim.Summary) = (edit.Source, edit.RelayedVia, edit.Summary);
            // Figures are matched by position: the same text yields the same figures in the same order.
            foreach (var (figure, choice) in claim.Figures.Zip(edit.Figures))
            {
                (figure.Include, figure.MetricId, figure.Scope) = (choice.Include, choice.MetricId, choice.Scope);
            }

            applied++;
        }

        var present = proposals.Select(p => p.Key).ToHashSet();
        foreach (var key in Rejected.Where(present.Contains))
        {
            rejected.Add(key);
            applied++;
        }

        return applied;
    }
}

public sealed record ProposalEdit(string Key, string? Source, string? RelayedVia, string? Summary, List<FigureChoice> Figures);

public sealed record FigureChoice(bool Include, int? MetricId, string Scope);
