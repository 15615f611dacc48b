using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Conflicts;

/// <summary>
/// Every writer stores a figure's scope key as <see cref="NameKey.From"/> of its scope, and an incremental detection run
/// finds a place's figures by that key, however the place is spelled.
/// </summary>
public class ScopeKeyTests : IAsyncLifetime
{
    private const string Evacuated = "test-scope-evacuated";
    private TestContextFactory contexts = null!;
    private ConflictDetectionService detection = null!;
    private ReportImporter importer = null!;

    public async Task InitializeAsync()
    {
        contexts = await TestContextFactory.CreateAsync("scopekey");
        await using (var db = contexts.CreateDbContext())
        {
            db.Metrics.Add(new Metric { Key = Evacuated, Name = "People evacuated (scope key test)", Kind = FigureKind.Count, Unit = "people" });
            await db.SaveChangesAsync();
        }

        detection = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
        importer = new ReportImporter(contexts, new NormalisationOptions(), detection, NullLogger<ReportImporter>.Instance, new SystemAuditActor("test"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ImportAndSave_OnePlaceSpelledTwoWays_BothStoreItsNameKeyAndDetectionReadsThemAsOnePlace()
    {
        // Through the bulk importer's COPY path: one report, one figure in "Kursk Region,".
        var text = "The governor said 1,200 people had left the Kursk Region, by Sunday.";
        var imported = await importer.ImportAsync([new ImportItem("reports[1]", new ReportRecord("Evacuation", "Steppe Courier", new DateOnly(2025, 1, 12), text,
            Claims: [new ClaimRecord("Kursk governor", "People evacuated", "1,200 people had left", [new FigureRecord(Evacuated, "1,200", Scope: "Kursk Region,")])]))]);
        Assert.Equal(1, imported.Added);

        // Through an ordinary EF save: a second figure on the same claim, in "Kursk région".
        int metricId;
        await using (var db = contexts.CreateDbContext())
        {
            var metric = await db.Metrics.SingleAsync(m => m.Key == Evacuated);
            metricId = metric.Id;
            var claim = await db.Claims.Include(c => c.Figures).SingleAsync();
            var figure = Figure.Create(metric, new FigureValue { AsWritten = "about 4,000", Qualifier = Qualifier.Approximately, Value = 4000, Scope = "Kursk région" }, new NormalisationOptions()).Value;
            claim.Figures.Add(figure);
            await db.SaveChangesAsync();
        }

        await using (var db = contexts.CreateDbContext())
        {
            var stored = await db.Database.SqlQuery<StoredScope>($"""SELECT "Scope", "ScopeKey" FROM "Figures" ORDER BY "Id" """).ToListAsync();
            Assert.Equal([new StoredScope("Kursk Region,", "kursk region"), new StoredScope("Kursk région", "kursk region")], stored);
            Assert.All(stored, s => Assert.Equal(NameKey.From(s.Scope), s.ScopeKey));
        }

        // A third spelling names the same place: both figures are read, by their stored key.
        var run = await detection.DetectForScopesAsync([new TouchedScope(metricId, "KURSK REGION")]);

        Assert.Equal(2, run.Figures);
        Assert.Equal(0, (await detection.DetectForScopesAsync([new TouchedScope(metricId, "Kursk")])).Figures);
    }

    private sealed record StoredScope(string Scope, string ScopeKey);
}
