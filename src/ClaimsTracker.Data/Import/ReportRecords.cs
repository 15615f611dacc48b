using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Data.Import;

// The JSON shape of reports with their claims and figures, shared by the demo data and the import
// format (docs/import.md). Optional members have defaults, so a missing one is not an error.

/// <summary>An import file: metrics to define first, sources to create when first named, and the reports.</summary>
public sealed record ReportFile(List<ReportRecord> Reports, List<SourceRecord>? Sources = null, List<MetricRecord>? Metrics = null);

/// <summary>A catalogue metric to define (demo data, import); <see cref="Parts"/> are metric keys.</summary>
public sealed record MetricRecord(
    string Key, string Name, FigureKind Kind, string? Description = null, string? Unit = null,
    bool IsCumulative = false, bool IsSingleEvent = false, List<string>? Parts = null);

public sealed record SourceRecord(
    string Name, SourceKind Kind, string? Affiliation = null, string? Description = null, List<string>? Aliases = null);

public sealed record ReportRecord(
    string Title, string Outlet, DateOnly PublishedOn, string Text,
    string? Url = null, List<string>? Authors = null, string? Language = null, List<ClaimRecord>? Claims = null,
    string? Key = null, DateTimeOffset? PublishedAt = null);

public sealed record ClaimRecord(
    string Source, string Summary, string Quote, List<FigureRecord>? Figures = null,
    string? RelayedVia = null, DateOnly? StatedOn = null);

/// <summary>
/// A figure. Qualifier and value may be left out: they are then read from <see cref="AsWritten"/>.
/// A figure of a date metric carries <see cref="Date"/> instead.
/// </summary>
public sealed record FigureRecord(
    string Metric, string AsWritten, Qualifier? Qualifier = null, decimal? Value = null, decimal? ValueHigh = null,
    DateOnly? Date = null, string? Scope = null, TimeRecord? Time = null);

/// <summary>When a figure applies. Without a kind, <see cref="AsWritten"/> is resolved against the publication day.</summary>
public sealed record TimeRecord(TimeReferenceKind? Kind = null, DateOnly? Start = null, DateOnly? End = null, string? AsWritten = null);
