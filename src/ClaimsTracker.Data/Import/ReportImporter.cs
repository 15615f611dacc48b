using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Reports;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Adds the file's metric definitions first (all or none, see <see cref="MetricDefinitions"/>), then imports reports in
/// batches of <see cref="BatchSize"/>: each batch finds the sources and aliases in the import's directory, checks every report, builds the good
/// ones (reusing a source the batch created for an earlier report) and stores them in one transaction with their new
/// sources and audit entries. A bad item is reported and skipped and leaves nothing behind: it fails before it is built,
/// and if the batch cannot be stored, the batch is stored again report by report so only the bad one fails.
/// A report already stored, or earlier in the same batch (<see cref="DuplicateReportRule"/>, as for the report form), is
/// not added again. Sources are looked up by name key in a directory read once per import and again only when someone
/// else changed a source (<see cref="SourceDirectory"/>), and the duplicate check for a whole batch is two indexed
/// queries (<see cref="ReportDuplicates.FindManyAsync"/>).
/// Conflict detection runs once per <see cref="DetectionBatchSize"/> stored reports (and at the end), for the metric
/// families and scopes their figures belong to: a batch of varied reports touches most families, so detecting after every
/// storage batch would repeat nearly the same pass.
/// </summary>
public sealed partial class ReportImporter(
    IDbContextFactory<ClaimsDbContext> contexts,
    NormalisationOptions normalisation,
    ConflictDetectionService detection,
    ILogger<ReportImporter> logger,
    IAuditActor? actor = null,
    TimeProvider? clock = null)
{
    /// <summary>
    /// Reports stored per transaction: large enough to spare the round trips (about a dozen a batch: lock, fingerprints,
    /// duplicate query, ids, four COPYs, commit), small enough that a failed batch is cheap to redo and progress comes
    /// every few seconds.
    /// </summary>
    public const int BatchSize = 250;

    /// <summary>Reports stored between two detection passes.</summary>
    public const int DetectionBatchSize = 1_000;

    // Any constant will do: it only has to be the same for every import.
    private const long ImportLock = 0x436c61696d73;

    private const string LockWithoutJit = "SELECT " + NoJit.Expression + ", pg_advisory_xact_lock({0})";

    private readonly ReportBuilder builder = new(normalisation);
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    // Of the current import's time, how much writing the batches took, and where all of it went (reported with the summary).
    private TimeSpan storeTime;
    private ImportTimings timings = new();

    // The import's source directory, kept between batches while the sources' fingerprint is the one the last batch left.
    private SourceDirectory? directory;
    private SourcesFingerprint? directoryFingerprint;

    public async Task<ImportSummary> ImportAsync(
        IReadOnlyList<ImportItem> items, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var definitions = items.Select(i => i.Metrics).Distinct().SelectMany(m => m).ToList();
        var reportItems = items.Where(i => !i.IsDefinitionsOnly).ToList();
        var total = definitions.Count + reportItems.Count;
        storeTime = TimeSpan.Zero;
        timings = new ImportTimings();
        directory = null;
        var results = new List<ImportResult>(total);
        var cancelled = false;
        progress?.Report(new ImportProgress(0, total, null));

        // Metrics first: the file's reports may measure by them.
        var metrics = await DefineMetricsAsync(definitions, results, total, progress, cancellationToken);
        var touchedScopes = new HashSet<TouchedScope>();
        var storedSinceDetection = 0;
        var detectionTime = TimeSpan.Zero;
        var batches = reportItems.Chunk(BatchSize).ToList();
        // Checking a batch needs neither the database nor the batches before it, so the next batch is checked on another
        // core while this one waits for PostgreSQL (its duplicate query, its COPYs, the detection pass).
        var nextChecked = batches.Count > 0 ? CheckInBackground(batches[0], metrics) : null;
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            var checkedBatch = await nextChecked!;
            nextChecked = b + 1 < batches.Count ? CheckInBackground(batches[b + 1], metrics) : null;
            timings.Validating += checkedBatch.Took;
            IReadOnlyList<(ImportItem Item, ImportResult Result)> stored;
            try
            {
                stored = await ImportBatchAsync(batch, checkedBatch, metrics, touchedScopes, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or PostgresException && !cancellationToken.IsCancellationRequested)
            {
                // Something in the batch could not be stored: store it again one report at a time, so only that one fails.
                // The directory may hold sources of the rolled-back batch (with ids the save gave them): read it again.
                directory = null;
                stored = await ImportOneByOneAsync(batch, metrics, touchedScopes, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                directory = null;
                cancelled = true;
                break;
            }

            foreach (var (item, result) in stored)
            {
                results.Add(result);
                LogItem(item.Label, result.Outcome, result.Message);
                progress?.Report(new ImportProgress(results.Count, total, result));
            }

            storedSinceDetection += stored.Count;
            if (storedSinceDetection >= DetectionBatchSize)
            {
                detectionTime += await DetectAsync(touchedScopes);
                storedSinceDetection = 0;
            }

            cancelled = stored.Count < batch.Length;
            if (cancelled)
            {
                break;
            }
        }

        // What was committed stays, so its conflicts are found even when the rest is cancelled.
        detectionTime += await DetectAsync(touchedScopes);
        var summary = new ImportSummary(results, cancelled) { DetectionTime = detectionTime, StoreTime = storeTime, Timings = timings };
        LogSummary(summary.Added, summary.AlreadyPresent, summary.Failed, cancelled);
        return summary;
    }

    /// <summary>Detection for the families touched since the last pass; returns how long it took.</summary>
    private async Task<TimeSpan> DetectAsync(HashSet<TouchedScope> touchedScopes)
    {
        if (touchedScopes.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var started = clock.GetTimestamp();
        var run = await detection.DetectForScopesAsync(touchedScopes, CancellationToken.None);
        touchedScopes.Clear();
        timings.DetectionRuns++;
        timings.DetectionFigures += run.Figures;
        (timings.DetectionReading, timings.DetectionDetecting, timings.DetectionSaving) =
            (timings.DetectionReading + run.Reading, timings.DetectionDetecting + run.Detecting, timings.DetectionSaving + run.Saving);
        return clock.GetElapsedTime(started);
    }

    /// <summary>A batch's items checked without the database: why each bad one fails, and each good one's text read for the duplicate rule.</summary>
    private sealed record CheckedBatch(
        Dictionary<ImportItem, ImportResult> Failures, List<(ImportItem Item, TextPrint Print, int[] Sketch)> Good, TimeSpan Took);

    private Task<CheckedBatch> CheckInBackground(ImportItem[] batch, IReadOnlyDictionary<string, Metric> metrics) =>
        Task.Run(() => Check(batch, metrics));

    /// <summary>
    /// Validates each item and reads each good one's text into its print once, for the stored and the in-batch duplicate
    /// checks alike. Pure work on the items (the rules, the metric catalogue read before the batches): safe beside a batch
    /// being stored.
    /// </summary>
    private CheckedBatch Check(ImportItem[] batch, IReadOnlyDictionary<string, Metric> metrics)
    {
        var started = clock.GetTimestamp();
        var failures = new Dictionary<ImportItem, ImportResult>();
        var good = new List<(ImportItem Item, TextPrint Print, int[] Sketch)>(batch.Length);
        foreach (var item in batch)
        {
            var record = item.Report;
            if (record is null || item.Error is not null)
            {
                failures[item] = new ImportResult(item.Label, item.Title, ImportOutcome.Failed, item.Error ?? "Nothing to import.");
                continue;
            }

            var errors = builder.Validate(record, metrics, clock.LatestPlausibleDay());
            if (errors.Count > 0)
            {
                failures[item] = new ImportResult(item.Label, record.Title, ImportOutcome.Failed, string.Join("; ", errors));
                continue;
            }

            var print = DuplicateReportRule.Print(record.Text);
            good.Add((item, print, DuplicateReportRule.Sketch(print)));
        }

        return new CheckedBatch(failures, good, clock.GetElapsedTime(started));
    }

    /// <summary>
    /// Builds each report of the checked batch on one context and stores them together. Stops early (with fewer
    /// results than items) when cancelled, after storing what was built.
    /// </summary>
    private async Task<IReadOnlyList<(ImportItem Item, ImportResult Result)>> ImportBatchAsync(
        ImportItem[] batch, CheckedBatch checkedBatch, IReadOnlyDictionary<string, Metric> metrics, HashSet<TouchedScope> touchedScopes,
        CancellationToken cancellationToken)
    {
        // Result is known at once for failures and stored duplicates; the rest get their report's id after the save.
        var outcomes = new List<(ImportItem Item, ImportResult? Result, Report? Report, bool EarlierInBatch)>(batch.Length);
        var step = clock.GetTimestamp();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Imports run one batch at a time across the app, so two cannot both find a report absent and add it twice.
        // No JIT for the batch's statements (see NoJit), in the same round trip.
        await db.Database.ExecuteSqlRawAsync(LockWithoutJit, [ImportLock], cancellationToken);
        if (directory is null || await SourceDirectory.FingerprintAsync(db, cancellationToken) != directoryFingerprint)
        {
            // First batch, or someone else changed a source or alias since the last batch.
            directory = await SourceDirectory.LoadAsync(db, cancellationToken);
        }

        var sources = directory;
        timings.SourceLookup += Lap(ref step);

        // Every report that passed the checks, with what the duplicate rule compares (its outlet found in this batch's
        // directory); then one look-up for them all.
        var failures = checkedBatch.Failures;
        var checkedItems = checkedBatch.Good.Select(g => (g.Item, Identity: sources.Identity(g.Item.Report!), g.Print, g.Sketch)).ToList();
        var (storedDuplicates, compared, candidateRows) = await ReportDuplicates.FindManyCountingAsync(
            db, checkedItems.Select(c => c.Identity).ToList(), exceptId: null, checkedItems.Select(c => (c.Print, c.Sketch)).ToList(), cancellationToken);
        timings.TextsCompared += compared;
        timings.CandidateRows += candidateRows;
        timings.DuplicateCheck += Lap(ref step);
        var duplicateOf = checkedItems.Select((c, i) => (c.Item, Found: storedDuplicates[i]))
            .Where(x => x.Found.Count > 0)
            .ToDictionary(x => x.Item, x => x.Found[0].Id);
        var identities = checkedItems.ToDictionary(c => c.Item, c => (c.Identity, c.Print, c.Sketch));

        var built = new List<BuiltReport>();
        var inBatchCheck = TimeSpan.Zero;
        foreach (var item in batch)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (failures.TryGetValue(item, out var failure))
            {
                outcomes.Add((item, failure, null, false));
                continue;
            }

            var record = item.Report!;
            if (duplicateOf.TryGetValue(item, out var storedId))
            {
                outcomes.Add((item, new ImportResult(item.Label, record.Title, ImportOutcome.AlreadyPresent, null, storedId), null, false));
                continue;
            }

            var (identity, print, sketch) = identities[item];
            var checking = clock.GetTimestamp();
            var earlierOne = built.FirstOrDefault(b => EarlierInBatch(identity, print, sketch, b));
            inBatchCheck += clock.GetElapsedTime(checking);
            if (earlierOne is { Report: { } earlier })
            {
                // Stored by this batch a moment ago: its id is known once the batch is saved.
                outcomes.Add((item, null, earlier, true));
                continue;
            }

            // New sources join the batch (and its directory) only with a report that could be built.
            var created = new List<Source>();
            try
            {
                // The batch is written by COPY, not through the context: stored sources need not be tracked.
                var report = builder.Build(record, (name, kind) => sources.FindOrCreate(null, created, item.Sources, name, kind), metrics, actor?.Name ?? "import", clock.GetUtcNow(), sketch);
                sources.Add(created);
                db.Sources.AddRange(created);
                built.Add(new BuiltReport(identity, print, sketch, report));
                outcomes.Add((item, null, report, false));
            }
            catch (InvalidOperationException ex)
            {
                outcomes.Add((item, new ImportResult(item.Label, record.Title, ImportOutcome.Failed, $"Could not be stored: {ex.Message}"), null, false));
            }
        }

        db.AuditNote = Truncate($"imported: {string.Join(", ", outcomes.Where(o => o.Result is null && !o.EarlierInBatch).Select(o => o.Item.Label))}");
        timings.Building += Lap(ref step) - inBatchCheck;
        timings.DuplicateCheck += inBatchCheck;
        // Once built, the batch is stored even if the import is being cancelled: what was checked is kept.
        var storing = step;
        await BatchCopy.StoreAsync(db, built.Select(b => b.Report).ToList(), timings, clock, CancellationToken.None);
        step = clock.GetTimestamp();
        // Taken under the import lock with this batch's own sources written: the next batch compares it with what it finds.
        directoryFingerprint = await SourceDirectory.FingerprintAsync(db, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        timings.SourcesAndCommit += Lap(ref step);
        storeTime += clock.GetElapsedTime(storing);

        touchedScopes.UnionWith(built.SelectMany(b => b.Report.Claims).SelectMany(c => c.Figures).Select(f => new TouchedScope(f.MetricId, f.Scope)));
        return outcomes.Select(o => (o.Item, o.Result ?? new ImportResult(
                o.Item.Label, o.Item.Report!.Title, o.EarlierInBatch ? ImportOutcome.AlreadyPresent : ImportOutcome.Added, null, o.Report!.Id)))
            .ToList();
    }

    /// <summary>
    /// The duplicate rule against a report built earlier in this batch; the word-by-word comparison runs only when the
    /// facts or the text sketches say it could match.
    /// </summary>
    private static bool EarlierInBatch(ReportIdentity identity, TextPrint print, int[] sketch, BuiltReport earlier) =>
        (identity.Url is not null && earlier.Identity.Url is not null && identity.Url.Trim() == earlier.Identity.Url.Trim()
            || (identity.OutletId == earlier.Identity.OutletId && identity.PublishedOn == earlier.Identity.PublishedOn)
            || DuplicateReportRule.MayBeSimilar(sketch, earlier.Sketch))
        && DuplicateReportRule.Why(identity, earlier.Identity, print, earlier.Print) is not null;

    private sealed record BuiltReport(ReportIdentity Identity, TextPrint Print, int[] Sketch, Report Report);

    private async Task<IReadOnlyList<(ImportItem Item, ImportResult Result)>> ImportOneByOneAsync(
        ImportItem[] batch, IReadOnlyDictionary<string, Metric> metrics, HashSet<TouchedScope> touchedScopes, CancellationToken cancellationToken)
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
                results.Add((item, await ImportOneAsync(item, metrics, touchedScopes, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return results;
    }

    private async Task<ImportResult> ImportOneAsync(
        ImportItem item, IReadOnlyDictionary<string, Metric> metrics, HashSet<TouchedScope> touchedScopes, CancellationToken cancellationToken)
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

            var sources = await SourceDirectory.LoadAsync(db, cancellationToken);
            var found = await ReportDuplicates.FindAsync(db, sources.Identity(record), exceptId: null, cancellationToken);
            if (found.Count > 0)
            {
                return new ImportResult(item.Label, record.Title, ImportOutcome.AlreadyPresent, null, found[0].Id);
            }

            var created = new List<Source>();
            var report = builder.Build(record, (name, kind) => sources.FindOrCreate(db, created, item.Sources, name, kind), metrics, actor?.Name ?? "import", clock.GetUtcNow());
            db.Reports.Add(report);
            db.AuditNote = Truncate($"imported: {item.Label}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            touchedScopes.UnionWith(report.Claims.SelectMany(c => c.Figures).Select(f => new TouchedScope(f.MetricId, f.Scope)));
            return new ImportResult(item.Label, record.Title, ImportOutcome.Added, null, report.Id);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is DbUpdateException { InnerException: { } inner } ? inner.Message : ex.Message;
            return new ImportResult(item.Label, record.Title, ImportOutcome.Failed, $"Could not be stored: {reason}");
        }
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

    /// <summary>The time since <paramref name="since"/>, which then moves to now.</summary>
    private TimeSpan Lap(ref long since)
    {
        var now = clock.GetTimestamp();
        var lap = clock.GetElapsedTime(since, now);
        since = now;
        return lap;
    }

    private static string Truncate(string note) => note.Length <= Limits.Rationale ? note : note[..Limits.Rationale];

    // One line per item would flood the log of a large import; the summary and the results list carry the outcome.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Import {Label}: {Outcome} {Message}")]
    private partial void LogItem(string label, ImportOutcome outcome, string? message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import finished: {Added} added, {AlreadyPresent} already present, {Failed} failed, cancelled: {Cancelled}")]
    private partial void LogSummary(int added, int alreadyPresent, int failed, bool cancelled);
}
