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
/// Adds the file's metric definitions first (all or none, see <see cref="MetricDefinitions"/>), then imports reports in
/// batches of <see cref="BatchSize"/>: each batch loads the sources and aliases once, checks every report, builds the good
/// ones (reusing a source the batch created for an earlier report) and stores them in one transaction with their new
/// sources and audit entries. A bad item is reported and skipped and leaves nothing behind: it fails before it is built,
/// and if the batch cannot be stored, the batch is stored again report by report so only the bad one fails.
/// A report already stored, or earlier in the same batch (<see cref="DuplicateReportRule"/>, as for the report form), is
/// not added again. Conflict detection runs once per stored batch, for the metric families its figures belong to.
/// </summary>
public sealed partial class ReportImporter(
    IDbContextFactory<ClaimsDbContext> contexts,
    NormalisationOptions normalisation,
    ConflictDetectionService detection,
    ILogger<ReportImporter> logger,
    IAuditActor? actor = null,
    TimeProvider? clock = null)
{
    /// <summary>Reports stored per transaction: large enough to spare the round trips, small enough that a failed batch is cheap to redo.</summary>
    public const int BatchSize = 100;

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
        var cancelled = false;
        progress?.Report(new ImportProgress(0, total, null));

        // Metrics first: the file's reports may measure by them.
        var metrics = await DefineMetricsAsync(definitions, results, total, progress, cancellationToken);
        foreach (var batch in reportItems.Chunk(BatchSize))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            var touchedMetrics = new HashSet<int>();
            IReadOnlyList<(ImportItem Item, ImportResult Result)> stored;
            try
            {
                stored = await ImportBatchAsync(batch, metrics, touchedMetrics, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                // Something in the batch could not be stored: store it again one report at a time, so only that one fails.
                touchedMetrics.Clear();
                stored = await ImportOneByOneAsync(batch, metrics, touchedMetrics, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            foreach (var (item, result) in stored)
            {
                results.Add(result);
                LogItem(item.Label, result.Outcome, result.Message);
                progress?.Report(new ImportProgress(results.Count, total, result));
            }

            if (touchedMetrics.Count > 0)
            {
                // What was committed stays, so its conflicts are found even when the rest is cancelled.
                await detection.DetectForMetricsAsync(touchedMetrics, CancellationToken.None);
            }

            cancelled = stored.Count < batch.Length;
            if (cancelled)
            {
                break;
            }
        }

        var summary = new ImportSummary(results, cancelled);
        LogSummary(summary.Added, summary.AlreadyPresent, summary.Failed, cancelled);
        return summary;
    }

    /// <summary>
    /// Checks and builds each report of the batch on one context and stores them together. Stops early (with fewer
    /// results than items) when cancelled, after storing what was built.
    /// </summary>
    private async Task<IReadOnlyList<(ImportItem Item, ImportResult Result)>> ImportBatchAsync(
        ImportItem[] batch, IReadOnlyDictionary<string, Metric> metrics, HashSet<int> touchedMetrics, CancellationToken cancellationToken)
    {
        // Result is known at once for failures and stored duplicates; the rest get their report's id after the save.
        var outcomes = new List<(ImportItem Item, ImportResult? Result, Report? Report, bool EarlierInBatch)>(batch.Length);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Imports run one batch at a time across the app, so two cannot both find a report absent and add it twice.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", cancellationToken);
        var sources = await db.Sources.Include(s => s.Aliases).ToListAsync(cancellationToken);
        var built = new List<(ReportIdentity Identity, Report Report)>();
        foreach (var item in batch)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var record = item.Report;
            if (record is null || item.Error is not null)
            {
                outcomes.Add((item, new ImportResult(item.Label, item.Title, ImportOutcome.Failed, item.Error ?? "Nothing to import."), null, false));
                continue;
            }

            var errors = builder.Validate(record, metrics, clock.LatestPlausibleDay());
            if (errors.Count > 0)
            {
                outcomes.Add((item, new ImportResult(item.Label, record.Title, ImportOutcome.Failed, string.Join("; ", errors)), null, false));
                continue;
            }

            var identity = Identity(record, sources);
            if (await FindStoredAsync(db, identity, cancellationToken) is { } storedId)
            {
                outcomes.Add((item, new ImportResult(item.Label, record.Title, ImportOutcome.AlreadyPresent, null, storedId), null, false));
                continue;
            }

            if (built.FirstOrDefault(b => DuplicateReportRule.Why(identity, b.Identity) is not null) is { Report: { } earlier })
            {
                // Stored by this batch a moment ago: its id is known once the batch is saved.
                outcomes.Add((item, null, earlier, true));
                continue;
            }

            // New sources join the batch (and its cache) only with a report that could be built.
            var created = new List<Source>();
            try
            {
                var report = builder.Build(record, (name, kind) => FindOrCreateSource(sources, created, item.Sources, name, kind), metrics, actor?.Name ?? "import", clock.GetUtcNow());
                sources.AddRange(created);
                db.Reports.Add(report);
                built.Add((identity, report));
                outcomes.Add((item, null, report, false));
            }
            catch (InvalidOperationException ex)
            {
                outcomes.Add((item, new ImportResult(item.Label, record.Title, ImportOutcome.Failed, $"Could not be stored: {ex.Message}"), null, false));
            }
        }

        db.AuditNote = Truncate($"imported: {string.Join(", ", outcomes.Where(o => o.Result is null && !o.EarlierInBatch).Select(o => o.Item.Label))}");
        // Once built, the batch is stored even if the import is being cancelled: what was checked is kept.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);

        touchedMetrics.UnionWith(built.SelectMany(b => b.Report.Claims).SelectMany(c => c.Figures).Select(f => f.MetricId));
        return outcomes.Select(o => (o.Item, o.Result ?? new ImportResult(
                o.Item.Label, o.Item.Report!.Title, o.EarlierInBatch ? ImportOutcome.AlreadyPresent : ImportOutcome.Added, null, o.Report!.Id)))
            .ToList();
    }

    private async Task<IReadOnlyList<(ImportItem Item, ImportResult Result)>> ImportOneByOneAsync(
        ImportItem[] batch, IReadOnlyDictionary<string, Metric> metrics, HashSet<int> touchedMetrics, CancellationToken cancellationToken)
    {
        var results = new List<(ImportItem, ImportResult)>(batch.Length);
        foreach (var item in batch)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                results.Add((item, await ImportOneAsync(item, metrics, touchedMetrics, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return results;
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
            if (await FindStoredAsync(db, Identity(record, sources), cancellationToken) is { } storedId)
            {
                return new ImportResult(item.Label, record.Title, ImportOutcome.AlreadyPresent, null, storedId);
            }

            var created = new List<Source>();
            var report = builder.Build(record, (name, kind) => FindOrCreateSource(sources, created, item.Sources, name, kind), metrics, actor?.Name ?? "import", clock.GetUtcNow());
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

    /// <summary>
    /// What the duplicate rule compares. An outlet this batch created has no id yet, so it stands in with a
    /// negative number of its own, unlike any stored outlet.
    /// </summary>
    private static ReportIdentity Identity(ReportRecord record, List<Source> sources)
    {
        var index = sources.FindIndex(s => s.IsKnownAs(record.Outlet));
        int? outletId = index < 0 ? null : sources[index].Id != 0 ? sources[index].Id : -1 - index;
        return new ReportIdentity(record.Url, record.Title, outletId, record.PublishedOn, record.Text);
    }

    /// <summary>The report already stored, by the one duplicate rule the report form uses too.</summary>
    private static async Task<int?> FindStoredAsync(ClaimsDbContext db, ReportIdentity identity, CancellationToken cancellationToken)
    {
        var found = await ReportDuplicates.FindAsync(db, identity, exceptId: null, cancellationToken);
        return found.Count == 0 ? null : found[0].Id;
    }

    /// <summary>
    /// A known source by name or alias (among those stored and those this report already created); else a new
    /// one, as the file defines it or with the given kind, stored with the report that names it.
    /// </summary>
    private static Source FindOrCreateSource(List<Source> sources, List<Source> created, IReadOnlyList<SourceRecord> definitions, string name, SourceKind kind)
    {
        if (sources.Concat(created).FirstOrDefault(s => s.IsKnownAs(name)) is { } known)
        {
            return known;
        }

        var key = NameKey.From(name);
        var definition = definitions.FirstOrDefault(d => NameKey.From(d.Name) == key || (d.Aliases ?? []).Any(a => NameKey.From(a) == key));
        if (definition is not null && sources.Concat(created).FirstOrDefault(s => s.IsKnownAs(definition.Name)) is { } defined)
        {
            return defined;
        }

        var made = Source.Create(new SourceDetails
        {
            Name = definition?.Name ?? name,
            Kind = definition?.Kind ?? kind,
            Affiliation = definition?.Affiliation,
            Description = definition?.Description,
            Aliases = [.. definition?.Aliases ?? [], name],
        });
        var source = made.IsSuccess
            ? made.Value
            : throw new InvalidOperationException($"source '{name}': {string.Join(" ", made.Errors.SelectMany(e => e.Value))}");

        created.Add(source);
        return source;
    }

    /// <summary>Adds the file's metric definitions (one result each) and returns the whole catalogue by key.</summary>
    private async Task<IReadOnlyDictionary<string, Metric>> DefineMetricsAsync(
        List<MetricRecord> definitions, List<ImportResult> results, int total, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
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
