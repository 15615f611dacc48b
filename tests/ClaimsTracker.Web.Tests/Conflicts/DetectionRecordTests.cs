using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.ScenarioScore;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>
/// What detection stores, row for row: the conflicts, their members and the audit entries of a
/// full pass and of an incremental pass after decisions and edits (a reopen, a withdrawal, a join,
/// a change, a departure) must equal the record in <c>detection-record.json</c>, which was written
/// by the one-row-at-a-time EF reconciliation before detection saved in bulk. Changed on purpose once
/// since (2026-11-30): a new conflict's members are recorded inside its own "Added" entry, not in one
/// entry per member; members that join, change or leave a stored conflict keep an entry each.
/// Set CLAIMS_WRITE_DETECTION_RECORD=1 to write the record again after a deliberate change.
/// </summary>
public class DetectionRecordTests : IAsyncLifetime
{
    private const string Casualties = "nk-killed-or-wounded";
    private static readonly DateTimeOffset DecidedAt = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
    private static string RecordFile => Path.Combine(ScenarioFiles.RepositoryRoot(), "tests", "ClaimsTracker.Web.Tests", "Conflicts", "detection-record.json");

    private TestContextFactory contexts = null!;

    public async Task InitializeAsync()
    {
        contexts = await TestContextFactory.CreateAsync("detection-record");
        await new DemoDataLoader(contexts, new NormalisationOptions()).LoadAsync(DemoDataLoader.ReadEmbedded());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Both ways of writing new rows: one multi-row INSERT (few rows) and binary COPY (many); the second also detects
    /// every run's groups on all cores, as a large pass does, which must store the same.
    /// </summary>
    [Theory]
    [InlineData(500, 20_000)]
    [InlineData(0, 0)]
    public async Task DetectAll_ThenDecisionsEditsAndIncrementalPass_StoresTheRecordedRowsAndAuditTrail(int copyThreshold, int parallelFrom)
    {
        var service = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance)
        {
            CopyThreshold = copyThreshold,
            ParallelFrom = parallelFrom,
        };
        var stages = new JsonObject { ["fullPass"] = await SnapshotAsync(await service.DetectAllAsync()) };

        await using (var db = contexts.CreateDbContext())
        {
            var metricId = await db.Metrics.Where(m => m.Key == Casualties).Select(m => m.Id).SingleAsync();
            var conflicts = await db.Conflicts.Include(c => c.Members).ThenInclude(m => m.Figure).Where(c => c.MetricId == metricId).OrderBy(c => c.Signature).ToListAsync();
            var dispute = conflicts.Single(c => c.Kind == ConflictKind.ValueDisagreement);
            dispute.Resolve(ConflictStatus.Resolved, dispute.Members.OrderBy(m => m.FigureId).First().FigureId, null, "Official estimate, dated.", "reviewer@claims.test", DecidedAt);
            var discrepancy = conflicts.Single(c => c.Kind == ConflictKind.ReportingDiscrepancy);
            discrepancy.Resolve(ConflictStatus.NeedsMoreInformation, null, null, "Ask the outlet which wording is right.", "reviewer@claims.test", DecidedAt);
            await db.SaveChangesAsync();

            // A member of the decided dispute changes, a new figure joins it, another leaves.
            var moved = await db.Figures.SingleAsync(f => f.AsWritten == "more than 3,000");
            moved.Interval = IntervalRules.ToInterval(Qualifier.MoreThan, 3500, null, new NormalisationOptions());
            var template = await db.Figures.AsNoTracking().SingleAsync(f => f.AsWritten == "about 1,000" && f.MetricId == metricId);
            db.Figures.Add(new Figure
            {
                ClaimId = template.ClaimId,
                MetricId = template.MetricId,
                Kind = template.Kind,
                Scope = template.Scope,
                AsWritten = "as many as 9,000",
                Qualifier = Qualifier.UpTo,
                Time = template.Time with { },
                Interval = IntervalRules.ToInterval(Qualifier.UpTo, 9000, null, new NormalisationOptions()),
            });
            db.Figures.RemoveRange(await db.Figures.Where(f => f.AsWritten == "approximately 200").ToListAsync());
            await db.SaveChangesAsync();
            stages["incrementalPass"] = await SnapshotAsync(await service.DetectForMetricsAsync([metricId]));

            // Decided again, then a member moves to another scope (it leaves both disputes) and the
            // discrepancy loses its other figure: one reopens, one is no longer detected.
            db.ChangeTracker.Clear();
            dispute = await db.Conflicts.Include(c => c.Members).SingleAsync(c => c.Id == dispute.Id);
            dispute.Resolve(ConflictStatus.Resolved, dispute.Members.OrderBy(m => m.FigureId).First().FigureId, null, "Official estimate, dated.", "reviewer@claims.test", DecidedAt);
            var newcomer = await db.Figures.SingleAsync(f => f.AsWritten == "as many as 9,000");
            newcomer.Scope = "Donetsk region";
            var carried = await db.Figures.SingleAsync(f => f.AsWritten == "more than 1,000");
            db.Figures.Remove(carried);
            await db.SaveChangesAsync();
            stages["leftAndWithdrawn"] = await SnapshotAsync(await service.DetectForMetricsAsync([metricId]));

            // Back in its scope, and the outlet's figure entered again: the withdrawn discrepancy is detected again.
            newcomer.Scope = template.Scope;
            db.Figures.Add(new Figure
            {
                ClaimId = carried.ClaimId,
                MetricId = carried.MetricId,
                Kind = carried.Kind,
                Scope = carried.Scope,
                AsWritten = carried.AsWritten,
                Qualifier = carried.Qualifier,
                Time = carried.Time with { },
                Interval = carried.Interval,
            });
            await db.SaveChangesAsync();
            stages["detectedAgain"] = await SnapshotAsync(await service.DetectForMetricsAsync([metricId]));
        }

        var again = await service.DetectAllAsync();
        stages["fullPassAgain"] = await SnapshotAsync(again);

        Assert.False(again.ChangedAnything);
        var actual = stages.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        if (Environment.GetEnvironmentVariable("CLAIMS_WRITE_DETECTION_RECORD") == "1" && copyThreshold > 0)
        {
            await File.WriteAllTextAsync(RecordFile, actual + "\n");
        }

        Assert.Equal((await File.ReadAllTextAsync(RecordFile)).TrimEnd(), actual);
    }

    /// <summary>
    /// Conflicts by signature with their members, and the detection's audit entries, in a form
    /// that does not depend on the order rows were inserted in: conflict ids become signatures,
    /// times the run's clock set are left out.
    /// </summary>
    private async Task<JsonObject> SnapshotAsync(DetectionSummary summary)
    {
        await using var db = contexts.CreateDbContext();
        var conflicts = await db.Conflicts.AsNoTracking().Include(c => c.Members).OrderBy(c => c.Signature).ToListAsync();
        var signatures = conflicts.ToDictionary(c => c.Id.ToString(CultureInfo.InvariantCulture), c => c.Signature);
        var figures = await db.Figures.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.AsWritten);

        var rows = new JsonArray();
        foreach (var conflict in conflicts)
        {
            var members = new JsonArray();
            foreach (var member in conflict.Members.OrderBy(m => m.FigureId))
            {
                members.Add(new JsonObject
                {
                    ["figure"] = $"{member.FigureId} {figures.GetValueOrDefault(member.FigureId)}",
                    ["fingerprint"] = member.FigureFingerprint,
                    ["position"] = member.Position,
                    ["camp"] = member.Camp,
                    ["consistentCamps"] = string.Join(",", member.ConsistentCamps),
                });
            }

            rows.Add(new JsonObject
            {
                ["signature"] = conflict.Signature,
                ["kind"] = conflict.Kind.ToString(),
                ["status"] = conflict.Status.ToString(),
                ["scope"] = conflict.Scope,
                ["severity"] = conflict.Severity,
                ["explanation"] = conflict.Explanation,
                ["preferredFigureId"] = conflict.PreferredFigureId,
                ["resolvedBy"] = conflict.ResolvedBy,
                ["members"] = members,
            });
        }

        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Conflict) || a.EntityType == nameof(ConflictMember))
            .OrderBy(a => a.Id).ToListAsync();
        var entries = audit
            .Select(a => string.Join(" | ",
                a.UserName,
                a.EntityType,
                ConflictKey(a.EntityId, signatures),
                a.Action,
                Normalise(a.Before),
                Normalise(a.After),
                a.Note))
            .Order(StringComparer.Ordinal);

        return new JsonObject
        {
            ["summary"] = $"added {summary.Added}, updated {summary.Updated}, reopened {summary.Reopened}, withdrawn {summary.Withdrawn}",
            ["conflicts"] = rows,
            ["audit"] = Strings(entries),
            // Each reopened conflict's reason is its latest entry.
            ["latestNotes"] = Strings(audit.Where(a => a.EntityType == nameof(Conflict)).GroupBy(a => a.EntityId)
                .Select(g => $"{ConflictKey(g.Key, signatures)}: {g.Last().Note}").Order(StringComparer.Ordinal)),
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static string ConflictKey(string entityId, Dictionary<string, string> signatures)
    {
        var parts = entityId.Split(',');
        parts[0] = signatures.GetValueOrDefault(parts[0], parts[0]);
        return string.Join(",", parts);
    }

    /// <summary>Sorted keys; ids of new rows and detection times left out (they differ run to run).</summary>
    private static string Normalise(string? json)
    {
        if (json is null)
        {
            return "-";
        }

        var values = JsonNode.Parse(json)!.AsObject();
        return string.Join(", ", values
            .Where(p => p.Key is not ("Id" or "ConflictId" or "DetectedAt"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value?.ToJsonString() ?? "null"}"));
    }
}
