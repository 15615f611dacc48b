using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>A catalogue metric the extractor may suggest; <see cref="Keywords"/> empty means derive them from the name.</summary>
public sealed record MetricCandidate(int Id, string Key, string Name, FigureKind Kind, IReadOnlyList<string> Keywords)
{
    /// <summary>The metrics this one is the sum of ("deaths" = "deaths in treatment centres" + "deaths at home").</summary>
    public IReadOnlyList<int> PartIds { get; init; } = [];

    /// <summary>The unit the metric is measured in ("km/h", "t"), when the catalogue gives one.</summary>
    public string? Unit { get; init; }
}

/// <summary>A known source with the other names it goes by.</summary>
public sealed record SourceCandidate(int Id, string Name, IReadOnlyList<string> Aliases);

/// <summary>What the extractor knows besides the text: the report's day and the catalogues.</summary>
public sealed record ExtractionContext(DateOnly PublishedOn, IReadOnlyList<MetricCandidate> Metrics, IReadOnlyList<SourceCandidate> Sources)
{
    /// <summary>The report's language as a two-letter code ("de", "fr"); null is English. Decides how "3.000" reads.</summary>
    public string? Language { get; init; }
}

/// <summary>
/// A figure found in the text. <see cref="MetricEvidence"/> and <see cref="TimeEvidence"/> are the
/// words the suggestions came from; <see cref="Date"/> is set for calendar days (Kind Date).
/// </summary>
public sealed record FigureProposal(ParsedFigure Figure, int? MetricId, string? MetricEvidence, TimeReference Time, string? TimeEvidence, DateOnly? Date)
{
    /// <summary>When no catalogue metric fits: the metric to create instead of the nearest unrelated one.</summary>
    public NewMetricProposal? NewMetric { get; init; }

    /// <summary>How much evidence the suggested metric had (<see cref="MetricSuggestion.Score"/>); 0 without one.</summary>
    public double MetricScore { get; init; }

    /// <summary>Why the number points at a group rather than claims a count ("the two hospitals", "five of the injured"); such figures start unticked.</summary>
    public string? Incidental { get; init; }
}

/// <summary>
/// A proposed claim: the sentence carrying the figures, who said it and who passed it on.
/// <see cref="SourceName"/> is null when the report states the figures itself; a name with a null
/// <see cref="SourceId"/> is a source the catalogue lacks.
/// </summary>
public sealed record ClaimProposal(
    QuoteAnchor Quote,
    string? SourceName,
    int? SourceId,
    string? SourceEvidence,
    string? RelayName,
    int? RelayId,
    string? RelayEvidence,
    IReadOnlyList<FigureProposal> Figures,
    double Confidence)
{
    /// <summary>
    /// "The health department confirmed the toll": the source vouches for a figure stated elsewhere
    /// in the report without repeating it. The figures are the ones confirmed (their spans are where
    /// they are written); the quote is the confirming sentence.
    /// </summary>
    public bool Corroborates { get; init; }

    /// <summary>Below this an editor ticks figures in deliberately: nothing starts selected.</summary>
    public const double PreTickThreshold = 0.6;

    /// <summary>
    /// Whether a figure starts ticked for the editor (and is what "accept as proposed" keeps): it
    /// has a suggested metric, a named speaker and enough confidence, and claims a count rather than
    /// pointing at a group. A figure the report states without naming anyone is offered as the
    /// outlet's but left for the editor to choose.
    /// </summary>
    public bool StartsTicked(FigureProposal figure) =>
        figure is not null && figure.MetricId is not null && figure.Incidental is null && SourceName is not null && Confidence >= PreTickThreshold;
}
