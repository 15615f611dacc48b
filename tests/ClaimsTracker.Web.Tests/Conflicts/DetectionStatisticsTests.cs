using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>
/// A run that changes many stored conflicts refreshes the planner's statistics of the conflict tables, so the
/// lists read right after it are planned for the rows that are there (docs/performance.md); a small run does not.
/// </summary>
public class DetectionStatisticsTests : IAsyncLifetime
{
    private TestContextFactory contexts = null!;

    public async Task InitializeAsync()
    {
        contexts = await TestContextFactory.CreateAsync("detection-statistics");
        await new DemoDataLoader(contexts, new NormalisationOptions()).LoadAsync(DemoDataLoader.ReadEmbedded());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APassThatChangesAtLeastTheThreshold_AnalyzesTheConflictTables()
    {
        var summary = await Service(analyzeFrom: 1).DetectAllAsync();

        Assert.True(summary.Added >= 1);
        Assert.NotNull(await LastAnalyzedAsync("Conflicts"));
        Assert.NotNull(await LastAnalyzedAsync("ConflictMembers"));
    }

    [Fact]
    public async Task APassThatChangesLess_LeavesTheStatisticsToAutovacuum()
    {
        var summary = await Service(analyzeFrom: 1_000).DetectAllAsync();

        Assert.InRange(summary.Added, 1, 999);
        Assert.Null(await LastAnalyzedAsync("Conflicts"));
    }

    private ConflictDetectionService Service(int analyzeFrom) =>
        new(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance) { AnalyzeFrom = analyzeFrom };

    // A manual ANALYZE sets last_analyze; autovacuum sets only last_autoanalyze.
    private async Task<DateTime?> LastAnalyzedAsync(string table)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Database.SqlQuery<DateTime?>($"SELECT last_analyze AS \"Value\" FROM pg_stat_user_tables WHERE relname = {table}").SingleAsync();
    }
}
