using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>
/// What detection needs to know about one figure, flattened from figure, claim and report so the
/// engine runs on plain values without a database.
/// </summary>
public sealed record DetectionFigure
{
    public required int FigureId { get; init; }
    public required int MetricId { get; init; }
    public string Scope
    {
        get => scope;
        init => (scope, ScopeKey) = (value, NameKey.From(value));
    }
    public required int SourceId { get; init; }
    public required string SourceName { get; init; }
    public required int ReportId { get; init; }
    public required string Outlet { get; init; }
    public required DateOnly PublishedOn { get; init; }
    public required string AsWritten { get; init; }
    public Qualifier Qualifier { get; init; }
    public FigureKind Kind { get; init; }
    public ValueInterval Interval { get; init; }
    public TimeReference Time { get; init; } = TimeReference.Unknown;

    /// <summary>Figures compare within one scope; "Kursk region" and "kursk region" are one.</summary>
    public string ScopeKey { get; private init; } = string.Empty;

    private readonly string scope = string.Empty;

    /// <summary>
    /// The day an as-of figure refers to. A figure whose time the report does not give is taken
    /// as of its publication date, the latest day it can describe. Null for a period, unless it
    /// runs up to its end ("since Sunday"): "23 bodies since Sunday" and "nine dead" said the same
    /// day are about one running total.
    /// </summary>
    public DateOnly? Day => Time.Kind switch
    {
        TimeReferenceKind.Period => Time.RunsUpToEnd ? Time.End : null,
        TimeReferenceKind.AsOf => Time.End ?? PublishedOn,
        _ => PublishedOn,
    };

    /// <summary>The compared fields; when any changes, a decided conflict about this figure reopens.</summary>
    public string Fingerprint => FigureFingerprint.Of(this);
}
