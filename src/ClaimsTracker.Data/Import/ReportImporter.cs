using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Reports;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Adds the file's metric definitions first (all or none, see <see cref="MetricDefinitions"/>), then imports reports one by one, each checked first and then stored in its own transaction with its
/// new sources and audit entries, so a bad item is reported and skipped and leaves nothing behind.
/// A report already stored (<see cref="DuplicateReportRule"/>, as for the report form) is not added again.
/// Conflict detection runs once at the end, for the metrics the new figures belong to.
/// </summary>
public sealed partial class ReportImporter(
    IDbContextFactory<ClaimsDbContext> contexts,
    NormalisationOptions normalisation,
    ConflictDetectionService detection,
    ILogger<ReportImporter> logger,
    IAuditActor? actor = null,
    TimeProvider? clock = null)
{
    // Any constant will do: it only has to be the same for every import.
    private const long ImportLock = 0x436c61696d73;

    private readonly ReportBuilder builder = new(normalisation);
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public async Task<ImportSummary> ImportAsync(
        IReadOnlyList<ImportItem> items, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var definitions = items.Select(i => i.Metrics).Distinct().SelectMany(m => m).ToList();
        var reportItems = items.Where(i => !i.IsDefinitionsOnly).ToList();
        var total = definitions.Count + reportItems.Count;
        var results = new List<ImportResult>(total);
        var touchedMetrics = new HashSet<int>();
        var cancelled = false;
        progress?.Report(new ImportProgress(0, total, null));

        // Metrics first: the file's reports may measure by them.
        var metrics = await DefineMetricsAsync(definitions, results, total, progress, cancellationToken);
        foreach (var item in reportItems)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            ImportResult result;
            try
            {
                result = await ImportOneAsync(item, metrics, touchedMetrics, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            results.Add(result);
            LogItem(item.Label, result.Outcome, result.Message);
            progress?.Report(new ImportProgress(results.Count, total, result));
        }

        if (touchedMetrics.Count > 0)
        {
            // What was committed stays, so its conflicts are found even when the rest was cancelled.
            await detection.DetectForMetricsAsync(touchedMetrics, CancellationToken.None);
        }

        var summary = new ImportSummary(results, cancelled);
        LogSummary(summary.Added, summary.AlreadyPresent, summary.Failed, cancelled);
        return summary;
    }

    private async Task<ImportResult> ImportOneAsync(
        ImportItem item, IReadOnlyDictionary<string, Metric> metrics, HashSet<int> touchedMetrics, CancellationToken cancellationToken)
    {
        var record = item.Report;
        if (record is null || item.Error is not null)
        {
            return new ImportResult(item.Label, item.Title, ImportOutcome.Failed, item.Error ?? "Nothing to import.");
        }

        var errors = builder.Validate(record, metrics, clock.LatestPlausibleDay());
        if (errors.Count > 0)
        {
            return new ImportResult(item.Label, record.Title, ImportOutcome.Failed, string.Join("; ", errors));
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Imports run one item at a time across the app, so two cannot both find a report absent and add it twice.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", cancellationToken);

            var sources = await db.Sources.Include(s => s.Aliases).ToListAsync(cancellationToken);
            if (await FindStoredAsync(db, record, sources, cancellationToken) is { } storedId)
            {
                return new ImportResult(item.Label, record.Title, ImportOutcome.AlreadyPresent, null, storedId);
            }

            var report = builder.Build(record, (name, kind) => FindOrCreateSource(db, sources, item.Sources, name, kind), metrics, actor?.Name ?? "import", clock.GetUtcNow());
            db.Reports.Add(report);
            db.AuditNote = Truncate($"imported: {item.Label}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            touchedMetrics.UnionWith(report.Claims.SelectMany(c => c.Figures).Select(f => f.MetricId));
            return new ImportResult(item.Label, record.Title, ImportOutcome.Added, null, report.Id);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is DbUpdateException { InnerException: { } inner } ? inner.Message : ex.Message;
            return new ImportResult(item.Label, record.Title, ImportOutcome.Failed, $"Could not be stored: {reason}");
        }
    }

    /// <summary>The report already stored, by the one duplicate rule the report form uses too.</summary>
    private static async Task<int?> FindStoredAsync(ClaimsDbContext db, ReportRecord record, List<Source> sources, CancellationToken cancellationToken)
    {
        var outletId = sources.FirstOrDefault(s => s.IsKnownAs(record.Outlet))?.Id;
        var identity = new ReportIdentity(record.Url, record.Title, outletId, record.PublishedOn, record.Text);
        var found = await ReportDuplicates.FindAsync(db, identity, exceptId: null, cancellationToken);
        return found.Count == 0 ? null : found[0].Id;
    }

    /// <summary>A known source by name or alias; else a new one, as the file defines it or with the given kind.</summary>
    private static Source FindOrCreateSource(ClaimsDbContext db, List<Source> sources, IReadOnlyList<SourceRecord> definitions, string name, SourceKind kind)
    {
        if (sources.FirstOrDefault(s => s.IsKnownAs(name)) is { } known)
        {
            return known;
        }

        var key = NameKey.From(name);
        var definition = definitions.FirstOrDefault(d => NameKey.From(d.Name) == key || (d.Aliases ?? []).Any(a => NameKey.From(a) == key));
        if (definition is not null && sources.FirstOrDefault(s => s.IsKnownAs(definition.Name)) is { } defined)
        {
            return defined;
        }

        var created = Source.Create(new SourceDetails
        {
            Name = definition?.Name ?? name,
            Kind = definition?.Kind ?? kind,
            Affiliation = definition?.Affiliation,
            Description = definition?.Description,
            Aliases = [.. definition?.Aliases ?? [], name],
        });
        var source = created.IsSuccess
            ? created.Value
            : throw new InvalidOperationException($"source '{name}': {string.Join(" ", created.Errors.SelectMany(e => e.Value))}");

        db.Sources.Add(source);
        sources.Add(source);
        return source;
    }

    /// <summary>Adds the file's metric definitions (one result each) and returns the whole catalogue by key.</summary>
    private async Task<IReadOnlyDictionary<string, Metric>> DefineMetricsAsync(
        IReadOnlyList<MetricRecord> definitions, List<ImportResult> results, int total, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (definitions.Count == 0)
        {
            return await db.Metrics.AsNoTracking().ToDictionaryAsync(m => m.Key, StringComparer.Ordinal, cancellationToken);
        }

        db.AuditNote = "imported metric definitions";
        var (catalogue, defined) = await MetricDefinitions.DefineAsync(db, definitions, cancellationToken);
        foreach (var result in defined)
        {
            results.Add(result);
            LogItem(result.Label, result.Outcome, result.Message);
            progress?.Report(new ImportProgress(results.Count, total, result));
        }

        return catalogue;
    }

    private static string Truncate(string note) => note.Length <= Limits.Rationale ? note : note[..Limits.Rationale];

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {Label}: {Outcome} {Message}")]
    private partial void LogItem(string label, ImportOutcome outcome, string? message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import finished: {Added} added, {AlreadyPresent} already present, {Failed} failed, cancelled: {Cancelled}")]
    private partial void LogSummary(int added, int alreadyPresent, int failed, bool cancelled);
}
