using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Web.Features.Claims;

/// <summary>A figure as the editor types it; <see cref="Id"/> is null for a new one.</summary>
public sealed class FigureEdit
{
    public int? Id { get; set; }
    public string? AsWritten { get; set; }
    public Qualifier Qualifier { get; set; }
    public decimal? Value { get; set; }
    public decimal? ValueHigh { get; set; }
    public DateTime? Date { get; set; }
    public int? MetricId { get; set; }
    public string? Scope { get; set; }
    public TimeReferenceKind TimeKind { get; set; }
    public DateTime? TimeStart { get; set; }
    public DateTime? TimeEnd { get; set; }
    public string? TimeAsWritten { get; set; }
    public bool Remove { get; set; }
}

/// <summary>A claim as the editor types it: the quote is typed or picked from the text, then anchored.</summary>
public sealed class ClaimEdit
{
    public string? Source { get; set; }
    public string? RelayedVia { get; set; }
    public string? Summary { get; set; }
    public string? Quote { get; set; }

    /// <summary>Where the editor selected the quote, to pick the right one of repeated words.</summary>
    public int QuoteNear { get; set; }

    public DateTime? StatedOn { get; set; }
    public List<FigureEdit> Figures { get; set; } = [];
}

/// <param name="OpenConflicts">Open conflicts the claim's figures are in, found right after saving.</param>
public sealed record ClaimSaved(int ClaimId, int OpenConflicts);
