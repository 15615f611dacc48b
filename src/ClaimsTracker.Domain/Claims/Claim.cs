using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Claims;

/// <summary>A statement in one report, attributed to a source and anchored to its quote.</summary>
public class Claim : IVersioned
{
    public int Id { get; set; }

    public int ReportId { get; set; }
    public Report? Report { get; set; }

    /// <summary>Who made the statement (Blinken, the NIS, an unnamed official).</summary>
    public int SourceId { get; set; }
    public Source? Source { get; set; }

    /// <summary>Who passed it on to the report, when not first-hand (NIS via Yonhap).</summary>
    public int? RelayedViaId { get; set; }
    public Source? RelayedVia { get; set; }

    /// <summary>A one-line summary in the editor's words.</summary>
    public required string Summary { get; set; }

    public required QuoteAnchor Quote { get; set; }

    /// <summary>When the statement was made, if the report says (not when it was published).</summary>
    public DateOnly? StatedOn { get; set; }

    /// <summary>
    /// The extractor's confidence in the proposal an editor accepted this claim from; null when
    /// the claim was entered or imported by hand. Disputes mark positions built on a low one.
    /// </summary>
    public double? ProposalConfidence { get; set; }

    /// <summary>Below this, a proposal is a guess (typically: no speaker found) and its figures are marked so.</summary>
    public const double LowConfidenceBelow = 0.8;

    public bool IsLowConfidence => ProposalConfidence < LowConfidenceBelow;

    public List<Figure> Figures { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>
    /// The rules of a claim's own fields, by field name (Source, Summary, StatedOn): who said it
    /// (and who relayed it) within the name limit, a summary, and no statement dated after
    /// <paramref name="latestDay"/>. Where the quote sits is checked when it is anchored.
    /// </summary>
    public static FieldErrors Check(string? source, string? relayedVia, string? summary, DateOnly? statedOn, DateOnly latestDay)
    {
        var errors = new FieldErrors();
        if (errors.Required(nameof(Source), source, Limits.Name, "Say who made the claim.", $"Names are limited to {Limits.Name} characters."))
        {
            errors.Optional(nameof(Source), relayedVia, Limits.Name, $"Names are limited to {Limits.Name} characters.");
        }

        errors.Required(nameof(Summary), summary, Limits.Summary, "Write a one-line summary.", $"The summary is limited to {Limits.Summary:N0} characters.");
        if (statedOn > latestDay)
        {
            errors.Add(nameof(StatedOn), $"A statement cannot be dated in the future ({statedOn:yyyy-MM-dd}).");
        }

        return errors;
    }
}
