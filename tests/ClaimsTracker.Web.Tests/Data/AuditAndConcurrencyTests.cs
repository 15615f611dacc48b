using System.Globalization;
using System.Text.Json;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Data;

public class AuditAndConcurrencyTests : IAsyncLifetime
{
    private string connectionString = string.Empty;

    public async Task InitializeAsync() => connectionString = await TestDatabases.CreateAsync("audit");

    public Task DisposeAsync() => Task.CompletedTask;

    private ClaimsDbContext Context(string user) =>
        new(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).Options, new SystemAuditActor(user));

    [Fact]
    public async Task SaveChanges_NewSourceWithAlias_RecordsWhoAndWhatForEachRow()
    {
        int id;
        await using (var db = Context("alice@claims.test"))
        {
            var source = new Source { Name = "National Intelligence Service", Kind = SourceKind.Agency, Affiliation = "South Korea" };
            source.AddAlias("NIS");
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            id = source.Id;
        }

        await using var check = Context("reader");
        var entries = await check.AuditEntries.OrderBy(a => a.Id).ToListAsync();

        var created = Assert.Single(entries, e => e.EntityType == nameof(Source));
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), created.EntityId);
        Assert.Equal("Added", created.Action);
        Assert.Equal("alice@claims.test", created.UserName);
        Assert.Null(created.Before);
        Assert.Equal("National Intelligence Service", JsonDocument.Parse(created.After!).RootElement.GetProperty("Name").GetString());
        Assert.Single(entries, e => e.EntityType == nameof(SourceAlias) && e.After!.Contains("\"NIS\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveChanges_NewReportWithClaimAndFigure_RecordsTheRealIdsOfNewRowsInAfter()
    {
        Report report;
        await using (var db = Context("carol@claims.test"))
        {
            var metric = new Metric { Key = "test-audit-boats", Name = "Boats sent (audit test)", Kind = FigureKind.Count, Unit = "boats" };
            db.Metrics.Add(metric);
            await db.SaveChangesAsync();

            const string text = "The harbour master said 14 boats had been sent out before dawn.";
            var record = new ReportRecord("Boats sent out", "Coast Echo", new DateOnly(2025, 4, 2), text,
                Claims: [new ClaimRecord("Harbour master", "Fourteen boats sent", "14 boats had been sent", [new FigureRecord(metric.Key, "14")])]);
            var sources = new List<Source>();
            Source FindOrCreate(string name, SourceKind kind)
            {
                var source = sources.FirstOrDefault(s => s.IsKnownAs(name)) ?? Source.Create(new SourceDetails { Name = name, Kind = kind, Aliases = [name] }).Value;
                sources.Add(source);
                return source;
            }

            report = new ReportBuilder(new NormalisationOptions()).Build(record, FindOrCreate, new Dictionary<string, Metric> { [metric.Key] = metric }, "carol@claims.test", DateTimeOffset.UnixEpoch);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
        }

        var claim = Assert.Single(report.Claims);
        var figure = Assert.Single(claim.Figures);
        await using var check = Context("reader");
        var entries = await check.AuditEntries.Where(e => e.Action == "Added").ToListAsync();
        JsonElement AfterOf(string type) => JsonDocument.Parse(Assert.Single(entries, e => e.EntityType == type).After!).RootElement;

        // Before the fix these held the change tracker's temporary, negative keys.
        Assert.Equal(report.Id, AfterOf(nameof(Report)).GetProperty("Id").GetInt32());
        Assert.Equal(report.OutletId, AfterOf(nameof(Report)).GetProperty("OutletId").GetInt32());
        Assert.Equal(claim.Id, AfterOf(nameof(Claim)).GetProperty("Id").GetInt32());
        Assert.Equal(report.Id, AfterOf(nameof(Claim)).GetProperty("ReportId").GetInt32());
        Assert.Equal(claim.SourceId, AfterOf(nameof(Claim)).GetProperty("SourceId").GetInt32());
        Assert.Equal(figure.Id, AfterOf(nameof(Figure)).GetProperty("Id").GetInt32());
        Assert.Equal(claim.Id, AfterOf(nameof(Figure)).GetProperty("ClaimId").GetInt32());
        Assert.All(entries, e => Assert.DoesNotContain(":-", e.After!, StringComparison.Ordinal));
        Assert.True(report.Id > 0 && claim.Id > 0 && figure.Id > 0);
    }

    [Fact]
    public async Task SaveChanges_EditedSource_RecordsBeforeAndAfterOfChangedFieldsOnly()
    {
        var id = await AddSourceAsync("Antony Blinken");

        await using (var db = Context("bob@claims.test"))
        {
            var source = await db.Sources.SingleAsync(s => s.Id == id);
            source.Description = "US Secretary of State";
            await db.SaveChangesAsync();
        }

        await using var check = Context("reader");
        var modified = await check.AuditEntries.SingleAsync(a => a.Action == "Modified" && a.EntityId == id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("bob@claims.test", modified.UserName);
        var before = JsonDocument.Parse(modified.Before!).RootElement;
        var after = JsonDocument.Parse(modified.After!).RootElement;
        Assert.Equal(JsonValueKind.Null, before.GetProperty("Description").ValueKind);
        Assert.Equal("US Secretary of State", after.GetProperty("Description").GetString());
        Assert.False(after.TryGetProperty("Name", out _), "Unchanged fields are not repeated in the record.");
    }

    [Fact]
    public async Task SaveChanges_StaleCopy_ThrowsInsteadOfOverwriting()
    {
        var id = await AddSourceAsync("John Kirby");
        await using var first = Context("first");
        await using var second = Context("second");
        var mine = await first.Sources.SingleAsync(s => s.Id == id);
        var theirs = await second.Sources.SingleAsync(s => s.Id == id);

        mine.Affiliation = "United States";
        await first.SaveChangesAsync();
        theirs.Affiliation = "Somewhere else";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = Context("reader");
        Assert.Equal("United States", (await check.Sources.SingleAsync(s => s.Id == id)).Affiliation);
        Assert.DoesNotContain(await check.AuditEntries.ToListAsync(), e => e.UserName == "second");
    }

    private async Task<int> AddSourceAsync(string name)
    {
        await using var db = Context("setup");
        var source = new Source { Name = name, Kind = SourceKind.Person };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    }
}
