using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Metrics;

/// <summary>What a figure measures, from a shared catalogue, so figures can be compared.</summary>
public class Metric : IVersioned
{
    public int Id { get; set; }

    /// <summary>Stable slug used by demo data and imports, e.g. "nk-troops-killed-or-wounded".</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public string? Description { get; set; }
    public FigureKind Kind { get; set; }
    public string? Unit { get; set; }

    /// <summary>
    /// A running total that may only grow (casualties to date). Figures at far-apart dates may
    /// differ without disagreeing; per-period metrics compare only within the same period.
    /// </summary>
    public bool IsCumulative { get; set; }

    /// <summary>True for metrics about a single event whose figures should agree (a capture date).</summary>
    public bool IsSingleEvent { get; set; }

    /// <summary>The metrics that add up to this one (killed + wounded = killed or wounded).</summary>
    public List<MetricPart> Parts { get; set; } = [];

    public uint Version { get; set; }
}
