using ClaimsTracker.Domain.Figures;

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
}

public sealed record MetricOption(int Id, string Name, FigureKind Kind);

public abstract record MetricSaveOutcome
{
    /// <param name="DetectionRan">The comparison settings changed, so the metric's conflicts were detected again.</param>
    public sealed record Saved(int MetricId, bool DetectionRan) : MetricSaveOutcome;

    /// <summary>Field name → messages; nothing was saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : MetricSaveOutcome;

    public sealed record ChangedMeanwhile(string Summary) : MetricSaveOutcome;

    public sealed record NotFound : MetricSaveOutcome;

    public sealed record Forbidden : MetricSaveOutcome;
}
