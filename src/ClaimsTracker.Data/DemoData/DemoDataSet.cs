using ClaimsTracker.Data.Import;

namespace ClaimsTracker.Data.DemoData;

// The shape of demo-data.json: the import format (Import/ReportRecords.cs) plus metric definitions.
public sealed record DemoDataSet(List<MetricRecord> Metrics, List<SourceRecord> Sources, List<ReportRecord> Reports);
