using System.Security.Claims;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Features.ReportEntry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.ScenarioScore;

/// <summary>One open item of the queue: its metric and, per source (by NameKey), the camps it holds positions in.</summary>
public sealed record QueueItem(int ConflictId, ConflictKind Kind, string MetricKey, IReadOnlyDictionary<string, IReadOnlySet<int>> CampsBySource, string Explanation);

/// <summary>What one scenario produced and how it compares with what was expected.</summary>
public sealed record ScenarioResult(
    string Id, int Reports, int ClaimsAccepted, int ProposalsRefused, IReadOnlyList<QueueItem> Items,
    int ExpectedDisputes, int DisputesFound, int MatchingItems, int ExpectedNonDisputes, int NonDisputesFlagged,
    IReadOnlyList<string> Misses)
{
    public double Recall => ExpectedDisputes == 0 ? 1 : (double)DisputesFound / ExpectedDisputes;
    public double Precision => Items.Count == 0 ? 1 : (double)MatchingItems / Items.Count;

    /// <summary>Expected disputes found with sides a reviewer would recognise, though some expected sources are missing.</summary>
    public int DisputesWithRightSides { get; init; }

    /// <summary>Items that are an expected dispute with recognisable sides (the lenient reading of precision).</summary>
    public int RealItems { get; init; }

    /// <summary>What was accepted, one line per figure (report, source, metric, words, time), to read a miss by.</summary>
    public IReadOnlyList<string> Accepted { get; init; } = [];
}

/// <summary>Sums over scenarios: recall and precision pooled over all expected disputes and all items.</summary>
public sealed record ScenarioTotals(int Scenarios, int Items, int ExpectedDisputes, int DisputesFound, int MatchingItems, int ExpectedNonDisputes, int NonDisputesFlagged)
{
    public double Recall => ExpectedDisputes == 0 ? 1 : (double)DisputesFound / ExpectedDisputes;
    public double Precision => Items == 0 ? 1 : (double)MatchingItems / Items;

    public int DisputesWithRightSides { get; init; }

    public int RealItems { get; init; }

    public double SidesRecall => ExpectedDisputes == 0 ? 1 : (double)DisputesWithRightSides / ExpectedDisputes;

    public double RealPrecision => Items == 0 ? 1 : (double)RealItems / Items;

    public static ScenarioTotals Of(IReadOnlyCollection<ScenarioResult> results) => new(
        results.Count, results.Sum(r => r.Items.Count), results.Sum(r => r.ExpectedDisputes), results.Sum(r => r.DisputesFound),
        results.Sum(r => r.MatchingItems), results.Sum(r => r.ExpectedNonDisputes), results.Sum(r => r.NonDisputesFlagged))
    {
        DisputesWithRightSides = results.Sum(r => r.DisputesWithRightSides),
        RealItems = results.Sum(r => r.RealItems),
    };
}

/// <summary>
/// Loads a scenario the way a new user would: on a fresh database, creates its metrics (with
/// parts), enters each report through the report editor, accepts every proposal as proposed,
/// lets detection run, and reads the open queue. Nothing is tuned for the scenario.
/// </summary>
public static partial class ScenarioScorer
{
    private static readonly ClaimsPrincipal Editor =
        new(new ClaimsIdentity([new(ClaimTypes.Name, "scenario-editor@claims.test"), new(ClaimTypes.Role, Roles.Editor)], "scenario"));

    public static async Task<IReadOnlyList<ScenarioResult>> RunAllAsync(IEnumerable<Scenario> scenarios, CancellationToken cancellationToken = default)
    {
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(await RunAsync(scenario, cancellationToken));
        }

        return results;
    }

    public static async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var contexts = await TestContextFactory.CreateAsync($"scenario_{scenario.Id}");
        await using var services = new ServiceCollection().AddLogging().AddAuthorization(Policies.Add).BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var detection = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
        var metrics = new MetricEditor(contexts, authorization, detection);
        // A story's "now" is the day after its last report: a story set in the future is entered as if it had happened.
        var storyNow = scenario.Reports.Select(r => r.PublishedOn).Append(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)).Max().AddDays(1);
        var reports = new ReportEditor(contexts, authorization, new StoryClock(new DateTimeOffset(storyNow.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        var proposals = new ProposalService(contexts, authorization, detection, new NormalisationOptions());

        await CreateMetricsAsync(scenario, metrics, cancellationToken);

        int accepted = 0, refused = 0;
        var lines = new List<string>();
        var metricKeys = await MetricKeysAsync(contexts, cancellationToken);
        foreach (var report in scenario.Reports)
        {
            var saved = await reports.CreateAsync(Editor, new ReportInput
            {
                Title = report.Title,
                Outlet = report.Outlet,
                Url = report.Url,
                PublishedOn = report.PublishedOn.ToDateTime(TimeOnly.MinValue),
                Text = report.Text,
                SaveDespiteDuplicates = true,
            }, cancellationToken);
            if (!saved.IsSuccess)
            {
                throw new InvalidDataException($"{scenario.Id}: report “{report.Title}” was not saved ({saved.Status}: {string.Join("; ", saved.Errors.SelectMany(e => e.Value))}).");
            }

            var reportId = saved.Value.ReportId;
            var proposed = await proposals.GetAsync(reportId, cancellationToken);
            // What was proposed but left unticked, so a missing figure's cause can be read (confidence, no metric, incidental).
            lines.AddRange(proposed!.Claims.SelectMany(c => c.Figures.Where(f => !f.Include).Select(f =>
                $"- {report.Id ?? report.Title}: {c.Source ?? "(no speaker)"} ({c.Confidence:0.00}) · {(f.MetricId is { } m ? metricKeys.GetValueOrDefault(m, "?") : f.NewMetric is { } n ? $"new “{n.Name}”" : "-")} · “{f.AsWritten}”{(f.Incidental is null ? "" : $" · incidental: {f.Incidental}")}")));

            // As proposed: the figures the extractor ticked, the source and metric it chose.
            foreach (var draft in proposed.Claims.Where(c => c.Figures.Any(f => f.Include)))
            {
                var outcome = await proposals.AcceptAsync(Editor, reportId, draft, cancellationToken);
                _ = outcome.IsSuccess ? accepted++ : refused++;
                lines.AddRange(draft.Figures.Where(f => f.Include).Select(f =>
                    $"+ {report.Id ?? report.Title}: {draft.Source}{(draft.RelayedVia is null ? "" : $" via {draft.RelayedVia}")} · {(f.MetricId is { } m ? metricKeys.GetValueOrDefault(m, "?") : "-")} · “{f.AsWritten}” {f.Qualifier} {f.Value}{(f.ValueHigh is null ? "" : $"–{f.ValueHigh}")} {f.Date} · {f.Time}{(outcome.IsSuccess ? "" : " · REFUSED")}"));
            }
        }

        await detection.DetectAllAsync(cancellationToken);
        var items = await QueueAsync(contexts, cancellationToken);
        lines.AddRange(await WhyNotFlaggedAsync(contexts, detection, items, cancellationToken));
        return Score(scenario, items, accepted, refused) with { Accepted = lines };
    }

    /// <summary>
    /// On each metric without an open item, why detection let each pair of figures from two sources
    /// stand: the engine's own reason, so a miss that is not the extractor's can be told apart.
    /// </summary>
    private static async Task<List<string>> WhyNotFlaggedAsync(TestContextFactory contexts, ConflictDetectionService detection, IReadOnlyList<QueueItem> items, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var flagged = items.Select(i => i.MetricKey).ToHashSet(StringComparer.Ordinal);
        var figures = await db.Figures.AsNoTracking()
            .Select(f => new { f.Id, f.Metric!.Key, f.Claim!.SourceId, Source = f.Claim.Source!.Name, f.AsWritten })
            .ToListAsync(cancellationToken);
        var lines = new List<string>();
        foreach (var metric in figures.Where(f => !flagged.Contains(f.Key)).GroupBy(f => f.Key).Where(g => g.Select(f => f.SourceId).Distinct().Count() > 1))
        {
            var list = metric.ToList();
            foreach (var (a, b) in list.SelectMany((a, i) => list.Skip(i + 1).Where(b => b.SourceId != a.SourceId).Select(b => (a, b))))
            {
                var comparison = await detection.CompareAsync(a.Id, b.Id, cancellationToken);
                lines.Add($"? {metric.Key}: {a.Source} “{a.AsWritten}” · {b.Source} “{b.AsWritten}”: {comparison?.Reason}");
            }
        }

        return lines;
    }

    private static async Task<Dictionary<int, string>> MetricKeysAsync(TestContextFactory contexts, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Metrics.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Key, cancellationToken);
    }

    /// <summary>Compares a queue with the scenario's expectations; pure, so it can be tested on a hand-made queue.</summary>
    public static ScenarioResult Score(Scenario scenario, IReadOnlyList<QueueItem> items, int accepted = 0, int refused = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(items);
        var misses = new List<string>();
        var matched = new HashSet<int>();
        var found = 0;
        foreach (var expected in scenario.ExpectedDisputes)
        {
            var item = items.FirstOrDefault(i => !matched.Contains(i.ConflictId) && Matches(i, expected));
            if (item is null)
            {
                misses.Add($"missed: {expected.Metric} {string.Join(" vs ", expected.Camps.Select(c => $"[{string.Join(", ", c)}]"))}{Closest(items, expected)}");
                continue;
            }

            matched.Add(item.ConflictId);
            found++;
        }

        foreach (var item in items.Where(i => !matched.Contains(i.ConflictId)))
        {
            misses.Add($"extra item #{item.ConflictId} {item.Kind} on {item.MetricKey}: {Describe(item)}");
        }

        var flagged = 0;
        foreach (var calm in scenario.ExpectedNonDisputes)
        {
            var item = items.FirstOrDefault(i => i.MetricKey == calm.Metric && ShownDisputing(i, calm.Sources));
            if (item is not null)
            {
                flagged++;
                misses.Add($"non-dispute flagged in #{item.ConflictId} on {calm.Metric}: [{string.Join(", ", calm.Sources)}]");
            }
        }

        var real = new HashSet<int>();
        var withRightSides = 0;
        foreach (var expected in scenario.ExpectedDisputes)
        {
            if (items.FirstOrDefault(i => !real.Contains(i.ConflictId) && HasRightSides(i, expected)) is { } item)
            {
                real.Add(item.ConflictId);
                withRightSides++;
            }
        }

        return new ScenarioResult(scenario.Id, scenario.Reports.Count, accepted, refused, items, scenario.ExpectedDisputes.Count, found, matched.Count,
            scenario.ExpectedNonDisputes.Count, flagged, misses)
        {
            DisputesWithRightSides = withRightSides,
            RealItems = real.Count,
        };
    }

    /// <summary>
    /// The lenient reading: on the metric, sources of at least two expected camps present, and the
    /// present ones on the right sides — the dispute a reviewer would recognise, though a source
    /// that corroborates one side may be missing or filed under another name.
    /// </summary>
    public static bool HasRightSides(QueueItem item, ExpectedDispute expected)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(expected);
        if (item.MetricKey != expected.Metric)
        {
            return false;
        }

        var present = expected.Camps
            .Select(c => (IReadOnlyList<string>)c.Select(SourceKey).Where(item.CampsBySource.ContainsKey).Distinct().ToList())
            .Where(c => c.Count > 0)
            .ToList();
        return present.Count >= 2 && Matches(item, expected with { Camps = present });
    }

    /// <summary>
    /// The right item with the right sides: on the metric, every expected source present, sources
    /// of one expected camp sharing a camp, sources of different expected camps sharing none.
    /// </summary>
    public static bool Matches(QueueItem item, ExpectedDispute expected)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(expected);
        if (item.MetricKey != expected.Metric)
        {
            return false;
        }

        var camps = expected.Camps.Select(c => c.Select(SourceKey).ToList()).ToList();
        if (camps.SelectMany(c => c).Any(s => !item.CampsBySource.ContainsKey(s)))
        {
            return false;
        }

        for (var i = 0; i < camps.Count; i++)
        {
            foreach (var a in camps[i])
            {
                if (camps[i].Any(b => !item.CampsBySource[a].Overlaps(item.CampsBySource[b])))
                {
                    return false;
                }

                for (var j = i + 1; j < camps.Count; j++)
                {
                    if (camps[j].Any(b => item.CampsBySource[a].Overlaps(item.CampsBySource[b])))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A source's name for comparison: its <see cref="NameKey"/> with possessives folded, since
    /// "Ostrevia's health ministry" and "Ostrevia health ministry" file one body.
    /// </summary>
    public static string SourceKey(string name) => NameKey.From(Possessive().Replace(name ?? string.Empty, string.Empty));

    [System.Text.RegularExpressions.GeneratedRegex(@"['’]s\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Possessive();

    /// <summary>Two of the sources are in the item without a camp in common (or one source against itself).</summary>
    private static bool ShownDisputing(QueueItem item, IReadOnlyList<string> sources)
    {
        var present = sources.Select(SourceKey).Distinct().Where(item.CampsBySource.ContainsKey).ToList();
        if (present.Any(s => item.CampsBySource[s].Count > 1))
        {
            return true;
        }

        return present.Any(a => present.Any(b => a != b && !item.CampsBySource[a].Overlaps(item.CampsBySource[b])));
    }

    private static string Closest(IReadOnlyList<QueueItem> items, ExpectedDispute expected) =>
        items.FirstOrDefault(i => i.MetricKey == expected.Metric) is { } near ? $" (closest: #{near.ConflictId} {Describe(near)})" : " (no item on this metric)";

    private static string Describe(QueueItem item) =>
        string.Join(" · ", item.CampsBySource.OrderBy(s => s.Value.Min()).Select(s => $"{s.Key}:{string.Join("/", s.Value.Order())}"));

    private static async Task CreateMetricsAsync(Scenario scenario, MetricEditor editor, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        // Parts before the wholes that name them.
        var pending = scenario.Metrics.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(m => m.Parts.All(ids.ContainsKey)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidDataException($"{scenario.Id}: metric parts name unknown metrics or form a cycle: {string.Join(", ", pending.Select(m => m.Key))}");
            }

            foreach (var metric in ready)
            {
                var outcome = await editor.CreateAsync(Editor, new MetricInput
                {
                    Key = metric.Key,
                    Name = metric.Name ?? metric.Key,
                    Unit = metric.Unit,
                    Kind = Enum.TryParse<FigureKind>(metric.Kind, ignoreCase: true, out var kind) ? kind : FigureKind.Count,
                    IsCumulative = metric.Cumulative,
                    IsSingleEvent = metric.SingleEvent,
                    PartIds = metric.Parts.Select(p => ids[p]).ToList(),
                }, cancellationToken);
                ids[metric.Key] = outcome.IsSuccess
                    ? outcome.Value.MetricId
                    : throw new InvalidDataException($"{scenario.Id}: metric {metric.Key} was not created: {string.Join("; ", outcome.Errors.SelectMany(e => e.Value))} {outcome.Failure?.Message}");
                pending.Remove(metric);
            }
        }
    }

    private static async Task<List<QueueItem>> QueueAsync(TestContextFactory contexts, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Conflicts.AsNoTracking()
            .Where(c => c.Status == ConflictStatus.Open)
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Kind,
                Metric = c.Metric!.Key,
                c.Explanation,
                Members = c.Members.Select(m => new { Source = m.Figure!.Claim!.Source!.Name, m.Camp }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QueueItem(r.Id, r.Kind, r.Metric,
            r.Members.GroupBy(m => SourceKey(m.Source)).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(m => m.Camp).ToHashSet()),
            r.Explanation)).ToList();
    }
}

/// <summary>A clock that stands still at one moment: the scorer's stories are entered as of their last day.</summary>
internal sealed class StoryClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
