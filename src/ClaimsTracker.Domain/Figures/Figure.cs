using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Metrics;

namespace ClaimsTracker.Domain.Figures;

/// <summary>A typed value carried by a claim: what was written and what it normalises to.</summary>
public class Figure : IVersioned
{
    public int Id { get; set; }

    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }

    public int MetricId { get; set; }
    public Metric? Metric { get; set; }

    public FigureKind Kind { get; set; }

    /// <summary>Where it applies, e.g. "Kursk region"; compared by <see cref="Sources.NameKey"/>.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>The value as the report wrote it: "as many as 4,000".</summary>
    public required string AsWritten { get; set; }

    public Qualifier Qualifier { get; set; }

    /// <summary>Normalised from <see cref="AsWritten"/> and <see cref="Qualifier"/>.</summary>
    public decimal? Low { get; set; }
    public decimal? Best { get; set; }
    public decimal? High { get; set; }

    public string? Unit { get; set; }

    public TimeReference Time { get; set; } = TimeReference.Unknown;

    public FigureRank Rank { get; set; }
    public string? RankReason { get; set; }

    public uint Version { get; set; }

    public ValueInterval Interval
    {
        get => new(Low, Best, High);
        set => (Low, Best, High) = (value.Low, value.Best, value.High);
    }
}
