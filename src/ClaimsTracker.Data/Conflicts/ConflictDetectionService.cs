using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Linq.Expressions;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>Where figures changed: a metric and a scope as written (detection compares them by its name key).</summary>
public readonly record struct TouchedScope(int MetricId, string Scope);

/// <summary>What one detection run changed.</summary>
public sealed record DetectionSummary(int Figures, int Groups, int Added, int Updated, int Reopened, int Withdrawn, TimeSpan Elapsed)
{
    public bool ChangedAnything => Added + Updated + Reopened + Withdrawn > 0;

    /// <summary>Time spent reading metrics, figures and stored conflicts.</summary>
    public TimeSpan Reading { get; init; }

    /// <summary>Time spent in the pure detector.</summary>
    public TimeSpan Detecting { get; init; }

    /// <summary>Time spent reconciling and saving (with the audit trail).</summary>
    public TimeSpan Saving { get; init; }

    /// <summary>Time the commit took (after <see cref="Elapsed"/>, which ends before it).</summary>
    public TimeSpan Committing { get; init; }

    /// <summary>Collector pauses in this process while the run went on (any thread's doing).</summary>
    public TimeSpan GcPauses { get; init; }

    /// <summary>Each round trip and stage of the run in order, for finding what a slow run did.</summary>
    public IReadOnlyList<DetectionStep> Steps { get; init; } = [];
}

/// <summary>
/// Runs the pure <see cref="ConflictDetector"/> over stored figures and reconciles its findings
/// with the stored conflicts: new ones are added, decided ones keep their decision while their
/// members are unchanged and reopen (audited, with the reason) when one changes, open ones that
/// are no longer found are marked so. Running it twice changes nothing the second time.
/// </summary>
public sealed partial class ConflictDetectionService(
    IDbContextFactory<ClaimsDbContext> contexts,
    ConflictDetector detector,
    ILogger<ConflictDetectionService> logger,
    TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>
    /// From this many rows on, a table's new rows are written by binary COPY; fewer go in one
    /// multi-row INSERT with the run's other statements, which costs less for a handful.
    /// </summary>
    public int CopyThreshold { get; init; } = 500;

    /// <summary>From this many figures read on, groups are detected on every core (see <see cref="DetectGroups"/>).</summary>
    public int ParallelFrom { get; init; } = 20_000;

    /// <summary>
    /// Stored conflicts changed by a run (added, updated, reopened, withdrawn) from which it refreshes the planner's
    /// statistics of the conflict tables: after a first full pass stored 38,486 disputes at 1M figures, the planner
    /// still expected 20 and the first claims list took 55 s (docs/performance.md), until autovacuum caught up.
    /// </summary>
    public int AnalyzeFrom { get; init; } = 500;

    /// <summary>Maintenance: every metric family.</summary>
    public Task<DetectionSummary> DetectAllAsync(CancellationToken cancellationToken = default) =>
        DetectAsync(null, null, cancellationToken);

    /// <summary>
    /// After figures of these metrics changed: only their families are read and evaluated again,
    /// and only runs over the same families wait for each other (see <see cref="DetectionLock"/>).
    /// </summary>
    public Task<DetectionSummary> DetectForMetricsAsync(IEnumerable<int> metricIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metricIds);
        return DetectAsync(metricIds.ToHashSet(), null, cancellationToken);
    }

    /// <summary>
    /// After figures changed in these places (a metric and a scope; for a figure that moved, give where it was and where
    /// it is): only each metric's family in that scope is read and evaluated again. Detection compares figures only
    /// within one family and scope, so this finds what <see cref="DetectForMetricsAsync"/> would, reading a fraction of the figures.
    /// </summary>
    public Task<DetectionSummary> DetectForScopesAsync(IEnumerable<TouchedScope> touched, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(touched);
        // Pairs, not every touched metric in every touched scope: an import touches most metrics and most scopes, but few of their pairs.
        var places = touched.Select(p => (p.MetricId, ScopeKey: Domain.Sources.NameKey.From(p.Scope))).ToHashSet();
        return DetectAsync(places.Select(p => p.MetricId).ToHashSet(), places, cancellationToken);
    }

    /// <summary>
    /// Whether two stored figures disagree, by detection's rules, and why; a pair a reviewer
    /// marked "not a conflict" (and unchanged since) does not. Null when either figure is missing.
    /// </summary>
    public async Task<FigureComparison?> CompareAsync(int firstFigureId, int secondFigureId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var figures = await LoadFiguresAsync(db, f => f.Id == firstFigureId || f.Id == secondFigureId, cancellationToken);
        if (figures.FirstOrDefault(f => f.FigureId == firstFigureId) is not { } first || figures.FirstOrDefault(f => f.FigureId == secondFigureId) is not { } second)
        {
            return null;
        }

        var metrics = (await LoadMetricsAsync(db, [first.MetricId, second.MetricId], cancellationToken)).ToDictionary(m => m.Id);
        var comparison = detector.Compare(metrics[first.MetricId], first, metrics[second.MetricId], second);
        if (!comparison.Disagree)
        {
            return comparison;
        }

        var dismissals = await db.Conflicts.AsNoTracking().Include(c => c.Members)
            .Where(c => c.Status == ConflictStatus.NotAConflict
                && c.Members.Any(m => m.FigureId == firstFigureId) && c.Members.Any(m => m.FigureId == secondFigureId))
            .ToListAsync(cancellationToken);
        var fingerprints = figures.ToDictionary(f => f.FigureId, f => f.Fingerprint);
        return DismissedPairs(dismissals.Select(c => c.Members.Select(m => (m.FigureId, m.FigureFingerprint))), fingerprints).Contains(new FigurePair(firstFigureId, secondFigureId))
            ? new FigureComparison(false, $"A reviewer marked them not a conflict ({dismissals[0].DismissalReason}): {dismissals[0].Rationale}", 0)
            : comparison;
    }

    private async Task<DetectionSummary> DetectAsync(HashSet<int>? changedMetricIds, HashSet<(int MetricId, string ScopeKey)>? places, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var pausedBefore = GC.GetTotalPauseDuration();
        var steps = new DetectionSteps();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One transaction holds the detection locks, the reads and the reconciliation together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        steps.Mark("context and transaction");

        var (metrics, figures, existing) = await DetectionReader.ReadAsync(db, contexts, changedMetricIds, places, steps, cancellationToken);
        var families = new MetricFamilies(metrics);
        var dismissed = DismissedPairs(existing, figures);
        var reading = stopwatch.Elapsed;
        steps.Mark("dismissed pairs");

        // Each group's findings are matched with the stored conflicts as they come: in a pass that changes little they
        // are garbage at once, instead of tens of thousands of them outliving the whole pass in a list.
        var writer = new DetectionWriter(db, time.GetUtcNow(), CopyThreshold, steps);
        writer.Begin(existing);
        var matching = new Stopwatch();
        var groups = figures.Groups(families);
        foreach (var found in DetectGroups(figures, groups, families, dismissed, cancellationToken))
        {
            matching.Start();
            foreach (var conflict in found)
            {
                writer.Reconcile(conflict);
            }

            matching.Stop();
        }

        var detecting = stopwatch.Elapsed - reading - matching.Elapsed;
        steps.Mark("detect and match");
        var summary = await writer.FinishAsync(cancellationToken);
        summary = summary with
        {
            Figures = figures.Count,
            Groups = groups.Length,
            Elapsed = stopwatch.Elapsed,
            Reading = reading,
            Detecting = detecting,
            Saving = stopwatch.Elapsed - reading - detecting,
        };
        var committing = stopwatch.Elapsed;
        await transaction.CommitAsync(cancellationToken);
        steps.Mark("commit");
        summary = summary with
        {
            Committing = stopwatch.Elapsed - committing,
            GcPauses = GC.GetTotalPauseDuration() - pausedBefore,
            Steps = steps.Steps,
        };

        LogSummary(summary.Figures, summary.Groups, summary.Added, summary.Updated, summary.Reopened, summary.Withdrawn, summary.Elapsed.TotalMilliseconds);
        if (summary.Added + summary.Updated + summary.Reopened + summary.Withdrawn >= AnalyzeFrom)
        {
            await RefreshStatisticsAsync(db, cancellationToken);
        }

        return summary;
    }

    // After the commit, so it holds no detection lock; a failure here loses nothing and must not fail the committed run.
    private async Task RefreshStatisticsAsync(ClaimsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "Conflicts", "ConflictMembers" """, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            LogStatisticsNotRefreshed(exception);
        }
    }

    /// <summary>
    /// Each group's findings, in the groups' order. Groups never share a figure and the detector is pure, so a large
    /// pass detects them on every core while the calling thread matches what they found, in the same order as one
    /// thread would; a small (incremental) run stays on the calling thread.
    /// </summary>
    private IEnumerable<IReadOnlyList<DetectedConflict>> DetectGroups(
        DetectionRows figures, FigureGroup[] groups, MetricFamilies families, HashSet<FigurePair> dismissed, CancellationToken cancellationToken)
    {
        IReadOnlyList<DetectedConflict> Detect(FigureGroup group) => detector.Detect(families.Members(group.Family), figures.FiguresOf(group), dismissed);
        if (figures.Count < ParallelFrom || Environment.ProcessorCount == 1)
        {
            return groups.Select(Detect);
        }

        // Handed out a few at a time (load balanced): sizes vary from 2 to thousands of figures, and an ordered merge only
        // holds back the findings of groups that finished ahead of a slow one.
        return Partitioner.Create(groups, loadBalance: true).AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .WithCancellation(cancellationToken)
            .Select(Detect);
    }

    private static async Task<List<DetectionMetric>> LoadMetricsAsync(ClaimsDbContext db, List<int>? only, CancellationToken cancellationToken)
    {
        var rows = await (only is null ? db.Metrics : db.Metrics.Where(m => only.Contains(m.Id))).AsNoTracking()
            .Select(m => new { m.Id, m.Name, m.Kind, m.IsCumulative, m.IsSingleEvent, Parts = m.Parts.Select(p => p.PartId).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Select(m => new DetectionMetric(m.Id, m.Name, m.Kind, m.IsCumulative, m.IsSingleEvent, m.Parts)).ToList();
    }

    private static async Task<List<DetectionFigure>> LoadFiguresAsync(ClaimsDbContext db, Expression<Func<Figure, bool>> which, CancellationToken cancellationToken)
    {
        var rows = await db.Figures.AsNoTracking()
            .Where(which)
            .Select(f => new
            {
                f.Id,
                f.MetricId,
                f.Scope,
                f.Claim!.SourceId,
                SourceName = f.Claim.Source!.Name,
                f.Claim.ReportId,
                Outlet = f.Claim.Report!.Outlet!.Name,
                f.Claim.Report.PublishedOn,
                f.AsWritten,
                f.Qualifier,
                f.Kind,
                f.Low,
                f.Best,
                f.High,
                f.Time,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(f => new DetectionFigure
        {
            FigureId = f.Id,
            MetricId = f.MetricId,
            Scope = f.Scope,
            SourceId = f.SourceId,
            SourceName = f.SourceName,
            ReportId = f.ReportId,
            Outlet = f.Outlet,
            PublishedOn = f.PublishedOn,
            AsWritten = f.AsWritten,
            Qualifier = f.Qualifier,
            Kind = f.Kind,
            Interval = new(f.Low, f.Best, f.High),
            Time = f.Time,
        }).ToList();
    }

    /// <summary>
    /// Pairs a reviewer called "not a conflict" are not flagged again, as long as neither figure
    /// has changed since. Takes the members (figure and fingerprint) of each dismissed conflict.
    /// </summary>
    private static HashSet<FigurePair> DismissedPairs(IEnumerable<IEnumerable<(int FigureId, string Fingerprint)>> dismissals, Dictionary<int, string> fingerprints)
    {
        var pairs = new HashSet<FigurePair>();
        foreach (var members in dismissals)
        {
            var unchanged = members.Where(m => fingerprints.GetValueOrDefault(m.FigureId) == m.Fingerprint).ToList();
            for (var i = 0; i < unchanged.Count; i++)
            {
                for (var j = i + 1; j < unchanged.Count; j++)
                {
                    pairs.Add(new FigurePair(unchanged[i].FigureId, unchanged[j].FigureId));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// The same for a run's stored conflicts; fingerprints (a hash each) are computed only for
    /// the figures of dismissed conflicts, not for every figure read.
    /// </summary>
    private static HashSet<FigurePair> DismissedPairs(List<StoredConflict> existing, DetectionRows figures)
    {
        var dismissals = existing.Where(c => c.Status == ConflictStatus.NotAConflict).ToList();
        if (dismissals.Count == 0)
        {
            return [];
        }

        var wanted = dismissals.SelectMany(c => c.Members).Select(m => m.FigureId).ToHashSet();
        var fingerprints = new Dictionary<int, string>();
        for (var i = 0; i < figures.Count; i++)
        {
            if (wanted.Contains(figures.FigureId(i)))
            {
                fingerprints[figures.FigureId(i)] = figures.Figure(i).Fingerprint;
            }
        }

        return DismissedPairs(dismissals.Select(c => c.Members.Select(m => (m.FigureId, m.FigureFingerprint))), fingerprints);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conflict detection stored its changes, but the conflict tables' statistics were not refreshed; autovacuum will")]
    private partial void LogStatisticsNotRefreshed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conflict detection over {Figures} figures in {Groups} groups: {Added} added, {Updated} updated, {Reopened} reopened, {Withdrawn} no longer detected, in {ElapsedMs:0} ms")]
    private partial void LogSummary(int figures, int groups, int added, int updated, int reopened, int withdrawn, double elapsedMs);
}
