using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Metrics;

namespace ClaimsTracker.Web.Features.Metrics;

/// <summary>A catalogue metric as an editor types it; everything is checked by <see cref="MetricEditor"/>.</summary>
public sealed record MetricInput
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Unit { get; set; }
    public FigureKind Kind { get; set; } = FigureKind.Count;
    public bool IsCumulative { get; set; }
    public bool IsSingleEvent { get; set; }

    /// <summary>The metrics that add up to this one; an edit replaces the stored parts with these.</summary>
    public IEnumerable<int> PartIds { get; set; } = [];

    public MetricDetails Details() => new()
    {
        Key = Key,
        Name = Name,
        Description = Description,
        Unit = Unit,
        Kind = Kind,
        IsCumulative = IsCumulative,
        IsSingleEvent = IsSingleEvent,
    };
}

/// <summary>A metric in a picker (parts, figure editing, proposals, filters): the one shape every page uses.</summary>
public sealed record MetricOption(int Id, string Name, FigureKind Kind)
{
    public static MetricOption Of(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new(metric.Id, metric.Name, metric.Kind);
    }
}

/// <param name="DetectionRan">The comparison settings changed, so the metric's conflicts were detected again.</param>
public sealed record MetricSaved(int MetricId, bool DetectionRan);
