using System.Globalization;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>Detection over the demo data on a fresh database per test, so tests may change figures.</summary>
public class ConflictDetectionServiceTests : IAsyncLifetime
{
    private const string Casualties = "nk-killed-or-wounded";
    private TestContextFactory contexts = null!;
    private ConflictDetectionService service = null!;

    public async Task InitializeAsync()
    {
        contexts = await TestContextFactory.CreateAsync("detection");
        await new DemoDataLoader(contexts, new NormalisationOptions()).LoadAsync(DemoDataLoader.ReadEmbedded());
        service = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
        await service.DetectAllAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DetectAll_DemoData_BlinkenAgainstZelenskyIsAValueDisagreement()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "about 1,000", "more than 3,000");

        Assert.Contains("as many as 4,000", await MemberTextsAsync(conflict));
        Assert.Equal(ConflictStatus.Open, conflict.Status);
        var camps = await CampsAsync(conflict);
        Assert.NotEqual(camps["about 1,000"], camps["more than 3,000"]);
        Assert.Equal(camps["as many as 4,000"], camps["more than 3,000"]);
    }

    [Fact]
    public async Task DetectAll_DemoData_OneDisputeOnCasualtiesWithThreeCampsAndTheFramingDiscrepancy()
    {
        await using var db = contexts.CreateDbContext();
        var open = await db.Conflicts.Where(c => c.Status == ConflictStatus.Open).Select(c => new { c.Kind, Metric = c.Metric!.Key }).ToListAsync();

        Assert.Equal(2, open.Count);
        Assert.Contains(open, c => c.Kind == ConflictKind.ValueDisagreement && c.Metric == Casualties);
        Assert.Contains(open, c => c.Kind == ConflictKind.ReportingDiscrepancy && c.Metric == Casualties);
        var dispute = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "approximately 200", "about 1,000");
        var camps = await CampsAsync(dispute);
        Assert.Equal(3, camps.Values.Distinct().Count());
        // The spy agency's killed + wounded add up into Zelensky's camp, not a camp of their own.
        Assert.Equal(camps["more than 3,000"], camps["300"]);
        Assert.Equal(camps["300"], camps["2,700"]);
    }

    [Fact]
    public async Task DetectForMetrics_NewFigureOnADecidedDispute_ReopensItWithTheReason()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "about 1,000", "more than 3,000");
        await ResolveAsync(conflict.Id);
        int newFigureId;
        await using (var db = contexts.CreateDbContext())
        {
            var template = await db.Figures.Include(f => f.Claim).AsNoTracking().SingleAsync(f => f.AsWritten == "more than 3,000");
            var figure = new Figure
            {
                ClaimId = template.ClaimId,
                MetricId = template.MetricId,
                Kind = template.Kind,
                Scope = template.Scope,
                AsWritten = "as many as 9,000",
                Qualifier = Qualifier.UpTo,
                Time = template.Time with { },
                Interval = IntervalRules.ToInterval(Qualifier.UpTo, 9000, null, new NormalisationOptions()),
            };
            db.Figures.Add(figure);
            await db.SaveChangesAsync();
            newFigureId = figure.Id;
        }

        await service.DetectForMetricsAsync([conflict.MetricId]);

        await using var check = contexts.CreateDbContext();
        var after = await check.Conflicts.Include(c => c.Members).SingleAsync(c => c.Id == conflict.Id);
        Assert.Equal(ConflictStatus.Open, after.Status);
        Assert.Contains(after.Members, m => m.FigureId == newFigureId);
        var note = await check.AuditEntries.Where(a => a.EntityType == nameof(Conflict) && a.EntityId == conflict.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(a => a.Id).Select(a => a.Note).FirstAsync();
        Assert.Contains($"figure {newFigureId} joined", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAll_DemoData_UnnamedOfficialAgainstZelenskyIsAValueDisagreement()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "approximately 200", "more than 3,000");

        Assert.True(conflict.Severity > 0.9, $"200 against 3,000 should be near the top, was {conflict.Severity}");
    }

    [Fact]
    public async Task DetectAll_DemoData_BlinkenCarriedDifferentlyIsAReportingDiscrepancy()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ReportingDiscrepancy, "about 1,000", "more than 1,000");

        Assert.Equal(["about 1,000", "more than 1,000"], (await MemberTextsAsync(conflict)).Order());
    }

    [Fact]
    public async Task DetectAll_DemoData_SpyAgencyPartsAreOnePositionAgainstTheUnnamedOfficial()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "300", "approximately 200");

        Assert.Contains("2,700", await MemberTextsAsync(conflict));
        await using var db = contexts.CreateDbContext();
        var positions = await db.ConflictMembers.Where(m => m.ConflictId == conflict.Id && (m.Figure!.AsWritten == "300" || m.Figure.AsWritten == "2,700"))
            .Select(m => m.Position).Distinct().ToListAsync();
        Assert.Single(positions);
    }

    [Fact]
    public async Task DetectAll_DemoData_DoesNotFlagTroopsCaptureDateOrConsistentParts()
    {
        await using var db = contexts.CreateDbContext();
        var flaggedMetrics = await db.Conflicts.Select(c => c.Metric!.Key).Distinct().ToListAsync();

        Assert.DoesNotContain("nk-troops-deployed", flaggedMetrics);
        Assert.DoesNotContain("capture-date", flaggedMetrics);
        Assert.DoesNotContain("captive-birth-year", flaggedMetrics);
        // 300 + 2,700 is consistent with "more than 3,000" and "as many as 4,000": no item of its own.
        Assert.DoesNotContain(await db.Conflicts.Select(c => c.Kind).ToListAsync(), k => k == ConflictKind.PartsVersusWhole);
    }

    [Fact]
    public async Task DetectAll_SecondRun_ChangesNothing()
    {
        var before = await SnapshotAsync();
        var auditBefore = await CountAuditAsync();

        var summary = await service.DetectAllAsync();

        Assert.False(summary.ChangedAnything);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(auditBefore, await CountAuditAsync());
    }

    [Fact]
    public async Task DetectForMetrics_ResolvedConflictWithUnchangedMembers_KeepsItsResolution()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "about 1,000", "more than 3,000");
        await ResolveAsync(conflict.Id);

        await service.DetectForMetricsAsync([conflict.MetricId]);

        await using var db = contexts.CreateDbContext();
        var after = await db.Conflicts.SingleAsync(c => c.Id == conflict.Id);
        Assert.Equal(ConflictStatus.Resolved, after.Status);
        Assert.Equal("reviewer@claims.test", after.ResolvedBy);
    }

    [Fact]
    public async Task DetectForMetrics_MemberOfResolvedConflictChanges_ReopensWithAuditNote()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "about 1,000", "more than 3,000");
        await ResolveAsync(conflict.Id);
        int figureId;
        await using (var db = contexts.CreateDbContext())
        {
            var figure = await db.Figures.SingleAsync(f => f.AsWritten == "more than 3,000");
            figure.Interval = IntervalRules.ToInterval(Qualifier.MoreThan, 3500, null, new NormalisationOptions());
            await db.SaveChangesAsync();
            figureId = figure.Id;
        }

        var summary = await service.DetectForMetricsAsync([conflict.MetricId]);

        await using var check = contexts.CreateDbContext();
        var after = await check.Conflicts.SingleAsync(c => c.Id == conflict.Id);
        Assert.Equal(ConflictStatus.Open, after.Status);
        Assert.Null(after.ResolvedBy);
        Assert.True(summary.Reopened >= 1);
        var note = await check.AuditEntries.Where(a => a.EntityType == nameof(Conflict) && a.EntityId == conflict.Id.ToString(CultureInfo.InvariantCulture))
            .OrderByDescending(a => a.Id).Select(a => a.Note).FirstAsync();
        Assert.Contains($"figure {figureId} changed", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectForMetrics_PairMarkedNotAConflict_IsNotFlaggedAgain()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ReportingDiscrepancy, "about 1,000", "more than 1,000");
        await using (var db = contexts.CreateDbContext())
        {
            var stored = await db.Conflicts.Include(c => c.Members).SingleAsync(c => c.Id == conflict.Id);
            stored.Resolve(ConflictStatus.NotAConflict, null, DismissalReason.DifferentPeriod, "Different periods: a running total and one week's losses.", "reviewer@claims.test", DateTimeOffset.UnixEpoch);
            await db.SaveChangesAsync();
        }

        var summary = await service.DetectForMetricsAsync([conflict.MetricId]);

        await using var check = contexts.CreateDbContext();
        Assert.Equal(ConflictStatus.NotAConflict, (await check.Conflicts.SingleAsync(c => c.Id == conflict.Id)).Status);
        Assert.Equal(0, summary.Added + summary.Reopened);
    }

    [Fact]
    public async Task DetectForMetrics_FiguresDeleted_OpenConflictIsNoLongerDetected()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "approximately 200", "more than 3,000");
        await using (var db = contexts.CreateDbContext())
        {
            // Left: Zelensky's figures and the spy agency's parts, which all agree.
            db.Figures.RemoveRange(await db.Figures.Where(f => f.AsWritten == "approximately 200" || f.AsWritten == "about 1,000").ToListAsync());
            await db.SaveChangesAsync();
        }

        await service.DetectForMetricsAsync([conflict.MetricId]);

        await using var check = contexts.CreateDbContext();
        Assert.Equal(ConflictStatus.NoLongerDetected, (await check.Conflicts.SingleAsync(c => c.Id == conflict.Id)).Status);
    }

    [Fact]
    public async Task DetectForMetrics_OnlyTheChangedFamilyIsRead()
    {
        await using var db = contexts.CreateDbContext();
        var troops = await db.Metrics.SingleAsync(m => m.Key == "nk-troops-deployed");
        var troopFigures = await db.Figures.CountAsync(f => f.MetricId == troops.Id);

        var summary = await service.DetectForMetricsAsync([troops.Id]);

        Assert.Equal(troopFigures, summary.Figures);
    }

    [Fact]
    public async Task DetectForScopes_FigureMovedToAnotherScope_ReadsOnlyTheGivenScopesAndTheOldOneReleasesIt()
    {
        var conflict = await SingleConflictWithAsync(ConflictKind.ValueDisagreement, "about 1,000", "more than 3,000");
        int metricId;
        string oldScope;
        await using (var db = contexts.CreateDbContext())
        {
            var moved = await db.Figures.SingleAsync(f => f.AsWritten == "about 1,000");
            (metricId, oldScope) = (moved.MetricId, moved.Scope);
            // A raw write keeps the stored key with the scope, as Figure.Scope's setter does.
            await db.Database.ExecuteSqlAsync($"UPDATE \"Figures\" SET \"Scope\" = 'Elsewhere', \"ScopeKey\" = 'elsewhere' WHERE \"Id\" = {moved.Id}");
        }

        // Scopes are compared by name key, as detection groups them: "elsewhere." is the moved figure's scope.
        var newScopeOnly = await service.DetectForScopesAsync([new TouchedScope(metricId, "elsewhere.")]);

        Assert.Equal(1, newScopeOnly.Figures);
        Assert.False(newScopeOnly.ChangedAnything);
        Assert.Contains("about 1,000", await MemberTextsAsync(conflict));

        var oldScopeToo = await service.DetectForScopesAsync([new TouchedScope(metricId, oldScope), new TouchedScope(metricId, "Elsewhere")]);

        Assert.True(oldScopeToo.Figures > 1);
        Assert.True(oldScopeToo.ChangedAnything);
        await using var check = contexts.CreateDbContext();
        Assert.False(await check.Conflicts.AnyAsync(c => c.Status == ConflictStatus.Open && c.Members.Any(m => m.Figure!.AsWritten == "about 1,000")));
    }

    [Fact]
    public async Task DetectForScopes_RecordsEachRoundTripInOrder_AndTheCommit()
    {
        int metricId;
        string scope;
        await using (var db = contexts.CreateDbContext())
        {
            var figure = await db.Figures.OrderBy(f => f.Id).FirstAsync();
            (metricId, scope) = (figure.MetricId, figure.Scope);
        }

        var summary = await service.DetectForScopesAsync([new TouchedScope(metricId, scope)]);

        Assert.Equal(
            ["context and transaction", "family metrics and scopes", "locks, figures and stored conflicts", "dismissed pairs", "detect and match", "writes in one batch", "commit"],
            summary.Steps.Select(s => s.Name));
        Assert.All(summary.Steps, s => Assert.True(s.Took >= TimeSpan.Zero));
        Assert.True(summary.Committing > TimeSpan.Zero);
    }

    private async Task<Conflict> SingleConflictWithAsync(ConflictKind kind, string first, string second) =>
        Assert.Single(await ConflictsWithAsync(kind, first, second));

    private async Task<List<Conflict>> ConflictsWithAsync(ConflictKind kind, string first, string second)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Conflicts
            .Where(c => c.Kind == kind
                && c.Members.Any(m => m.Figure!.AsWritten == first)
                && c.Members.Any(m => m.Figure!.AsWritten == second))
            .ToListAsync();
    }

    private async Task<Dictionary<string, int>> CampsAsync(Conflict conflict)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ConflictMembers.Where(m => m.ConflictId == conflict.Id)
            .Select(m => new { m.Figure!.AsWritten, m.Camp }).ToDictionaryAsync(m => m.AsWritten, m => m.Camp);
    }

    private async Task<List<string>> MemberTextsAsync(Conflict conflict)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ConflictMembers.Where(m => m.ConflictId == conflict.Id).Select(m => m.Figure!.AsWritten).ToListAsync();
    }

    private async Task ResolveAsync(int conflictId)
    {
        await using var db = contexts.CreateDbContext();
        var conflict = await db.Conflicts.Include(c => c.Members).SingleAsync(c => c.Id == conflictId);
        conflict.Resolve(ConflictStatus.Resolved, conflict.Members[0].FigureId, null, "Official US estimate, dated.", "reviewer@claims.test", DateTimeOffset.UnixEpoch);
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Conflicts.Include(c => c.Members).OrderBy(c => c.Id).ToListAsync();
        return rows.Select(c => $"{c.Id}|{c.Signature}|{c.Status}|{c.Severity}|{c.Explanation}|{c.Version}|{string.Join(",", c.Members.OrderBy(m => m.FigureId).Select(m => $"{m.FigureId}:{m.FigureFingerprint}"))}").ToList();
    }

    private async Task<int> CountAuditAsync()
    {
        await using var db = contexts.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }
}
