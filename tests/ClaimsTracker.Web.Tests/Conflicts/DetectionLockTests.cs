using ClaimsTracker.Data;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>
/// Detection waits only for runs over the same metric family: a transaction holding one family's
/// lock (as a detection run in progress does) holds off that family and no other.
/// </summary>
public class DetectionLockTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Blocked = TimeSpan.FromSeconds(1);
    private TestContextFactory contexts = null!;
    private ConflictDetectionService service = null!;

    public async Task InitializeAsync()
    {
        contexts = await TestContextFactory.CreateAsync("detection-lock");
        await new DemoDataLoader(contexts, new NormalisationOptions()).LoadAsync(DemoDataLoader.ReadEmbedded());
        service = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DetectForMetrics_OtherFamilyLocked_RunsWithoutWaiting()
    {
        var (casualties, capturedFamily) = await FamiliesAsync();
        await using var holder = await HoldFamilyAsync(casualties.FamilyId);

        var other = service.DetectForMetricsAsync([capturedFamily.MetricId]);

        Assert.Same(other, await Task.WhenAny(other, Task.Delay(Patience)));
        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DetectForMetrics_SameFamilyLocked_WaitsUntilTheLockEnds()
    {
        var (casualties, _) = await FamiliesAsync();
        var holder = await HoldFamilyAsync(casualties.FamilyId);

        // A part of the family names the whole family: it waits as well.
        var same = service.DetectForMetricsAsync([casualties.PartId]);
        var finishedFirst = await Task.WhenAny(same, Task.Delay(Blocked));
        await holder.DisposeAsync();

        Assert.NotSame(same, finishedFirst);
        Assert.Same(same, await Task.WhenAny(same, Task.Delay(Patience)));
        Assert.True(same.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DetectAll_AFamilyLocked_WaitsForIt()
    {
        var (casualties, _) = await FamiliesAsync();
        var holder = await HoldFamilyAsync(casualties.FamilyId);

        var all = service.DetectAllAsync();
        var finishedFirst = await Task.WhenAny(all, Task.Delay(Blocked));
        await holder.DisposeAsync();

        Assert.NotSame(all, finishedFirst);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(Patience)));
        Assert.True((await all).Added > 0);
    }

    [Fact]
    public async Task DetectForMetrics_FourConcurrentRunsOverOneFamily_StoreEachConflictAndAuditEntryOnce()
    {
        var (casualties, _) = await FamiliesAsync();

        var summaries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => service.DetectForMetricsAsync([casualties.PartId]))));

        // The first to get the lock adds the family's conflicts; the others then find them stored.
        var adding = Assert.Single(summaries, s => s.Added > 0);
        Assert.All(summaries.Where(s => s != adding), s => Assert.False(s.ChangedAnything));
        await using var db = contexts.CreateDbContext();
        Assert.Equal(adding.Added, await db.Conflicts.CountAsync());
        Assert.Equal(adding.Added, await db.AuditEntries.CountAsync(a => a.EntityType == "Conflict" && a.Action == "Added"));
    }

    /// <summary>The casualty family (a whole with parts) and the captured family (one metric).</summary>
    private async Task<((int FamilyId, int PartId) Casualties, (int FamilyId, int MetricId) Captured)> FamiliesAsync()
    {
        await using var db = contexts.CreateDbContext();
        var whole = await db.Metrics.Include(m => m.Parts).SingleAsync(m => m.Key == "nk-killed-or-wounded");
        var captured = await db.Metrics.SingleAsync(m => m.Key == "nk-captured");
        Assert.NotEmpty(whole.Parts);
        // A family is named by its smallest metric id (MetricFamilies).
        var familyId = Math.Min(whole.Id, whole.Parts.Min(p => p.PartId));
        return ((familyId, whole.Parts[0].PartId), (captured.Id, captured.Id));
    }

    private async Task<LockHolder> HoldFamilyAsync(int familyId)
    {
        var db = contexts.CreateDbContext();
        var transaction = await db.Database.BeginTransactionAsync();
        await DetectionLock.ForFamiliesAsync(db, [familyId], CancellationToken.None);
        return new LockHolder(db, transaction);
    }

    private sealed class LockHolder(ClaimsDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
