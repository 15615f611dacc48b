using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Data.DemoData;

// The shape of demo-data.json. The same shape suits any hand-annotated set of reports.
public sealed record DemoDataSet(List<DemoMetric> Metrics, List<DemoSource> Sources, List<DemoReport> Reports);

public sealed record DemoMetric(
    string Key, string Name, string? Description, FigureKind Kind, string? Unit,
    bool IsCumulative, bool IsSingleEvent, List<string>? Parts);

public sealed record DemoSource(string Name, SourceKind Kind, string? Affiliation, string? Description, List<string>? Aliases);

public sealed record DemoReport(
    string Key, string Title, string Outlet, List<string>? Authors, DateOnly PublishedOn, string? Url,
    string? Language, string Text, List<DemoClaim> Claims);

public sealed record DemoClaim(
    string Source, string? RelayedVia, string Summary, string Quote, DateOnly? StatedOn, List<DemoFigure> Figures);

public sealed record DemoFigure(
    string Metric, string AsWritten, Qualifier Qualifier, decimal? Value, decimal? ValueHigh, DateOnly? Date,
    string? Scope, DemoTime? Time);

public sealed record DemoTime(TimeReferenceKind Kind, DateOnly? Start, DateOnly? End, string? AsWritten);
