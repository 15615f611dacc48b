using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Features.Metrics;

namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>One figure of a proposal, editable before it is accepted.</summary>
public sealed class FigureDraft
{
    public bool Include { get; set; } = true;
    public required string AsWritten { get; set; }
    public Qualifier Qualifier { get; set; }
    public decimal? Value { get; set; }
    public decimal? ValueHigh { get; set; }
    public FigureKind Kind { get; set; }
    public DateOnly? Date { get; set; }
    public int? MetricId { get; set; }
    public string? MetricEvidence { get; set; }

    /// <summary>When no catalogue metric fits: the metric the editor may create for it instead.</summary>
    public NewMetricProposal? NewMetric { get; set; }

    /// <summary>Why the number points at a group rather than claims a count; such a figure starts unticked.</summary>
    public string? Incidental { get; set; }

    public string Scope { get; set; } = string.Empty;
    public TimeReference Time { get; set; } = TimeReference.Unknown;
}

/// <summary>A claim the extractor proposes, as the editor corrects it.</summary>
public sealed class ClaimDraft
{
    public required string Key { get; init; }
    public int QuoteStart { get; set; }
    public int QuoteEnd { get; set; }
    public required string Quote { get; init; }
    public string? Source { get; set; }
    public bool SourceIsKnown { get; set; }
    public string? SourceEvidence { get; set; }
    public string? RelayedVia { get; set; }
    public string? Summary { get; set; }
    public double Confidence { get; init; }

    /// <summary>A body vouching for a figure another sentence or speaker states (a confirmation, a spokesperson's body).</summary>
    public bool Corroborates { get; init; }

    public List<FigureDraft> Figures { get; init; } = [];
}

public sealed record ReportProposals(int ReportId, string Title, string Outlet, DateOnly PublishedOn, IReadOnlyList<ClaimDraft> Claims, IReadOnlyList<MetricOption> Metrics);

public sealed record NewConflict(int Id, string Kind, string Explanation);

/// <summary>An accepted proposal: the new claim and the conflicts its figures are now part of, found right after saving.</summary>
public sealed record AcceptedClaim(int ClaimId, IReadOnlyList<NewConflict> Conflicts);
