using System.Globalization;
using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Import;

/// <summary>The importer and readers on a fresh database per test.</summary>
public class ReportImporterTests : IAsyncLifetime
{
    private TestContextFactory contexts = null!;
    private ReportImporter importer = null!;

    public async Task InitializeAsync()
    {
        contexts = await TestContextFactory.CreateAsync("import");
        await using (var db = contexts.CreateDbContext())
        {
            db.Metrics.Add(new Metric { Key = ImportFixtures.EvacuatedMetric, Name = "People evacuated (test)", Kind = FigureKind.Count, Unit = "people", IsCumulative = true });
            await db.SaveChangesAsync();
        }

        var detection = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
        importer = new ReportImporter(contexts, new NormalisationOptions(), detection, NullLogger<ReportImporter>.Instance, new SystemAuditActor("test"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Import_ThreeGoodOneBad_AddsThreeAndStoresNothingOfTheBadOne()
    {
        var read = JsonImportReader.Read(ImportFixtures.ThreeGoodOneBad, "flood.json");
        Assert.Null(read.Error);

        var summary = await importer.ImportAsync(read.Items);

        Assert.Equal((3, 0, 1), (summary.Added, summary.AlreadyPresent, summary.Failed));
        var failed = Assert.Single(summary.Results, r => r.Outcome == ImportOutcome.Failed);
        Assert.Equal("reports[2]", failed.Label);
        Assert.Contains("test-sandbags-filled", failed.Message);

        await using var db = contexts.CreateDbContext();
        Assert.Equal(3, await db.Reports.CountAsync());
        Assert.False(await db.Reports.AnyAsync(r => r.Title == "A report nobody can store"));
        var sourceNames = await db.Sources.Select(s => s.Name).ToListAsync();
        Assert.DoesNotContain("Lonely Gazette", sourceNames);
        Assert.DoesNotContain("Lonely Mayor", sourceNames);
        var audit = await db.AuditEntries.Select(a => new { a.After, a.Note }).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.DoesNotContain(audit, a => a.After != null && (a.After.Contains("Lonely") || a.After.Contains("nobody can store")));
        Assert.DoesNotContain(audit, a => a.Note != null && a.Note.Contains("reports[2]"));
    }

    [Fact]
    public async Task Import_ThreeGoodOneBad_CreatesSourcesAsDefinedAndAnchorsQuotes()
    {
        await importer.ImportAsync(JsonImportReader.Read(ImportFixtures.ThreeGoodOneBad, "flood.json").Items);

        await using var db = contexts.CreateDbContext();
        var authority = await db.Sources.Include(s => s.Aliases).SingleAsync(s => s.Name == "Lowmere River Authority");
        Assert.Equal(Domain.Sources.SourceKind.Agency, authority.Kind);
        Assert.Contains(authority.Aliases, a => a.Name == "LRA");
        Assert.Equal(Domain.Sources.SourceKind.Outlet, (await db.Sources.SingleAsync(s => s.Name == "Valley Courier")).Kind);

        var report = await db.Reports.Include(r => r.Claims).ThenInclude(c => c.Figures).SingleAsync(r => r.Url == "https://courier.example/lowmere-flood");
        var claim = Assert.Single(report.Claims);
        Assert.Equal(claim.Quote.Exact, report.Text[claim.Quote.Start..claim.Quote.End]);
        var figure = Assert.Single(claim.Figures);
        Assert.Equal(Qualifier.Approximately, figure.Qualifier);
        Assert.Equal(1200m, figure.Best);
        Assert.Equal(["Ada Quill"], report.Authors);
        Assert.Equal("test", report.EnteredBy);
    }

    [Fact]
    public async Task Import_FiguresThatDisagree_RunsConflictDetectionOnce()
    {
        await importer.ImportAsync(JsonImportReader.Read(ImportFixtures.ThreeGoodOneBad, "flood.json").Items);

        await using var db = contexts.CreateDbContext();
        Assert.True(await db.Conflicts.AnyAsync(c => c.Metric!.Key == ImportFixtures.EvacuatedMetric), "about 1,200 against nearly 9,000 should be flagged");
    }

    [Fact]
    public async Task Import_SameFileTwice_AddsNothingTheSecondTime()
    {
        var items = JsonImportReader.Read(ImportFixtures.ThreeGoodOneBad, "flood.json").Items;
        await importer.ImportAsync(items);
        await using var before = contexts.CreateDbContext();
        var counts = (await before.Reports.CountAsync(), await before.Sources.CountAsync(), await before.Claims.CountAsync());

        var again = await importer.ImportAsync(JsonImportReader.Read(ImportFixtures.ThreeGoodOneBad, "flood.json").Items);

        Assert.Equal((0, 3, 1), (again.Added, again.AlreadyPresent, again.Failed));
        await using var after = contexts.CreateDbContext();
        Assert.Equal(counts, (await after.Reports.CountAsync(), await after.Sources.CountAsync(), await after.Claims.CountAsync()));
    }

    [Fact]
    public async Task Import_NewSourceNamedByManyReportsOfABatch_IsCreatedOnceAndShared()
    {
        // Five reports in one batch name the same new outlet and the same new speaker, once by an alias.
        var reports = Enumerable.Range(1, 5).Select(i => $$"""
            { "title": "Pump report {{i}}", "outlet": "Marsh Ledger", "publishedOn": "2025-03-0{{i}}", "url": "https://ledger.example/pumps-{{i}}",
              "text": "Day {{i}}: the district engineer said {{i * 100}} people had been moved to higher ground.",
              "claims": [ { "source": "{{(i == 3 ? "DE Harrow" : "District Engineer Harrow")}}", "summary": "People moved",
                            "quote": "{{i * 100}} people had been moved",
                            "figures": [ { "metric": "{{ImportFixtures.EvacuatedMetric}}", "asWritten": "{{i * 100}}" } ] } ] }
            """);
        var json = $$"""
            { "sources": [ { "name": "District Engineer Harrow", "kind": "Person", "aliases": ["DE Harrow"] } ],
              "reports": [ {{string.Join(",", reports)}} ] }
            """;

        var summary = await importer.ImportAsync(JsonImportReader.Read(json, "pumps.json").Items);

        Assert.Equal((5, 0, 0), (summary.Added, summary.AlreadyPresent, summary.Failed));
        await using var db = contexts.CreateDbContext();
        var outlet = await db.Sources.SingleAsync(s => s.Name == "Marsh Ledger");
        var engineer = await db.Sources.SingleAsync(s => s.Name == "District Engineer Harrow");
        Assert.Equal(2, await db.Sources.CountAsync());
        Assert.Equal(5, await db.Reports.CountAsync(r => r.OutletId == outlet.Id));
        Assert.Equal(5, await db.Claims.CountAsync(c => c.SourceId == engineer.Id));
        Assert.All(summary.Results, r => Assert.NotNull(r.ReportId));
    }

    [Fact]
    public async Task Import_SameReportTwiceInOneFile_StoresItOnceAndPointsTheSecondAtIt()
    {
        const string json = """
            [
              { "title": "Levee holds", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "url": "https://courier.example/levee", "text": "The levee held overnight." },
              { "title": "Levee holds", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "url": "https://courier.example/levee", "text": "The levee held overnight." }
            ]
            """;

        var summary = await importer.ImportAsync(JsonImportReader.Read(json, "twice.json").Items);

        Assert.Equal(ImportOutcome.Added, summary.Results[0].Outcome);
        Assert.Equal(ImportOutcome.AlreadyPresent, summary.Results[1].Outcome);
        Assert.Equal(summary.Results[0].ReportId, summary.Results[1].ReportId);
        await using var db = contexts.CreateDbContext();
        Assert.Equal(1, await db.Reports.CountAsync());
    }

    [Fact]
    public async Task Import_QuoteNotInText_FailsThatItemOnly()
    {
        const string json = """
            [
              { "title": "Good", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "text": "Pumps ran all night." },
              { "title": "Misquoted", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "text": "The river fell by a metre.",
                "claims": [ { "source": "LRA", "summary": "River fell", "quote": "the river fell by two metres" } ] }
            ]
            """;

        var summary = await importer.ImportAsync(JsonImportReader.Read(json, "quotes.json").Items);

        Assert.Equal(ImportOutcome.Added, summary.Results[0].Outcome);
        Assert.Equal(ImportOutcome.Failed, summary.Results[1].Outcome);
        Assert.Contains("claims[0].quote is not in the text", summary.Results[1].Message);
        await using var db = contexts.CreateDbContext();
        Assert.False(await db.Reports.AnyAsync(r => r.Title == "Misquoted"));
    }

    [Fact]
    public async Task Import_ReportsProgress_UpToNOfN()
    {
        var items = JsonImportReader.Read(ImportFixtures.ThreeGoodOneBad, "flood.json").Items;
        var seen = new List<ImportProgress>();

        await importer.ImportAsync(items, new SynchronousProgress(seen.Add));

        Assert.Equal(Enumerable.Range(0, 5), seen.Select(p => p.Done));
        Assert.All(seen, p => Assert.Equal(4, p.Total));
        Assert.Equal(ImportOutcome.Added, seen[^1].Last?.Outcome);
    }

    [Fact]
    public async Task Import_InvalidFields_FailWithMessagesNamingThem()
    {
        var future = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = $$"""
            [
              { "title": "Future", "outlet": "Valley Courier", "publishedOn": "{{future}}", "text": "Not yet written." },
              { "title": "Relative link", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "url": "/news/1", "text": "Text." },
              { "title": "Empty", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "text": "  " },
              { "title": "Bad qualifier", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "text": "About 10 boats.",
                "claims": [ { "source": "LRA", "summary": "Boats", "quote": "About 10 boats",
                  "figures": [ { "metric": "test-flood-evacuated", "asWritten": "About 10", "qualifier": "Roughly" } ] } ] },
              { "outlet": "Valley Courier", "publishedOn": "2025-03-05", "text": "No title." }
            ]
            """;

        var summary = await importer.ImportAsync(JsonImportReader.Read(json, "bad.json").Items);

        Assert.All(summary.Results, r => Assert.Equal(ImportOutcome.Failed, r.Outcome));
        Assert.Contains("publishedOn", summary.Results[0].Message);
        Assert.Contains("in the future", summary.Results[0].Message);
        Assert.Contains("must be a full web address", summary.Results[1].Message);
        Assert.Contains("text is missing", summary.Results[2].Message);
        Assert.Contains("claims[0].figures[0].qualifier", summary.Results[3].Message);
        Assert.Contains("Approximately", summary.Results[3].Message);
        Assert.Equal("Bad qualifier", summary.Results[3].Title);
        Assert.Contains("title", summary.Results[4].Message);
        await using var db = contexts.CreateDbContext();
        Assert.Equal(0, await db.Reports.CountAsync());
        Assert.Equal(0, await db.Sources.CountAsync());
    }

    [Theory]
    [InlineData("{ \"reports\": [ { \"title\": \"x\", } ", "line 1")]
    [InlineData("{\n  \"reports\": [\n    { \"title\": 'single quotes' }\n  ]\n}", "line 3, position")]
    public void JsonReader_MalformedJson_NamesTheLineAndPosition(string json, string expected)
    {
        var read = JsonImportReader.Read(json, "broken.json");

        Assert.Empty(read.Items);
        Assert.NotNull(read.Error);
        Assert.StartsWith("broken.json is not valid JSON: ", read.Error);
        Assert.Contains(expected, read.Error);
        Assert.DoesNotContain("Exception", read.Error);
    }

    [Theory]
    [InlineData("""{ "title": "t", "outlet": "o", "publishedOn": "2025-01-01", "text": "x", "published": "2025" }""", "unknown field 'published'")]
    [InlineData("""{ "title": "t", "outlet": "o", "publishedOn": "2025-01-01", "text": "x", "claims": [ { "source": "s", "summary": "s", "quote": "x", "extra": 1 } ] }""", "claims[0]: unknown field 'extra'")]
    [InlineData("""{ "title": null, "outlet": "o", "publishedOn": "2025-01-01", "text": "x" }""", "title must not be null")]
    [InlineData("""{ "title": "t", "outlet": "o", "publishedOn": "12 Jan", "text": "x" }""", "publishedOn must be a date like 2025-01-12")]
    [InlineData("""{ "title": "t", "outlet": "o", "publishedOn": "2025-01-01", "text": "x", "claims": {} }""", "claims must be a list")]
    public void JsonReader_WrongShape_FailsThatItemNamingTheField(string report, string expected)
    {
        var read = JsonImportReader.Read($"[ {report}, {{ \"title\": \"fine\", \"outlet\": \"o\", \"publishedOn\": \"2025-01-01\", \"text\": \"x\" }} ]", "shape.json");

        Assert.Null(read.Error);
        Assert.Equal(expected, read.Items[0].Error);
        Assert.NotNull(read.Items[1].Report);
    }

    [Fact]
    public async Task Import_MetricDefinitions_AreAddedBeforeTheReportsThatUseThem()
    {
        var json = """
            {
              "metrics": [
                { "key": "test-boats-lost", "name": "Boats lost", "kind": "Count", "unit": "boats" },
                { "key": "test-boats-sunk", "name": "Boats sunk", "kind": "Count", "unit": "boats" },
                { "key": "test-boats-gone", "name": "Boats gone", "kind": "Count", "unit": "boats", "parts": [ "test-boats-lost", "test-boats-sunk" ] },
                { "key": "test-flood-evacuated", "name": "Evacuated again", "kind": "Count" }
              ],
              "reports": [
                { "title": "Boats", "outlet": "Valley Courier", "publishedOn": "2025-03-05", "text": "Officials said 12 boats were lost.",
                  "claims": [ { "source": "Officials", "summary": "Boats lost", "quote": "12 boats were lost",
                    "figures": [ { "metric": "test-boats-lost", "asWritten": "12" } ] } ] }
              ]
            }
            """;

        var read = JsonImportReader.Read(json, "catalogue.json");
        var summary = await importer.ImportAsync(read.Items);

        Assert.Null(read.Error);
        Assert.Equal([ImportOutcome.Added, ImportOutcome.Added, ImportOutcome.Added, ImportOutcome.AlreadyPresent, ImportOutcome.Added], summary.Results.Select(r => r.Outcome));
        await using var db = contexts.CreateDbContext();
        var gone = await db.Metrics.Include(m => m.Parts).SingleAsync(m => m.Key == "test-boats-gone");
        Assert.Equal(2, gone.Parts.Count);
        Assert.Equal("test-boats-lost", (await db.Figures.Include(f => f.Metric).SingleAsync()).Metric!.Key);
    }

    [Fact]
    public async Task Import_MetricDefinitionsOneWrong_AddNoneAndSayWhy()
    {
        var json = """
            { "metrics": [
                { "key": "Bad Key", "name": "Bad", "kind": "Count" },
                { "key": "test-good", "name": "Good", "kind": "Count" }
            ] }
            """;

        var read = JsonImportReader.Read(json, "metrics-only.json");
        var summary = await importer.ImportAsync(read.Items);

        Assert.Null(read.Error);
        Assert.Contains("key: Use lower-case letters", summary.Results[0].Message);
        Assert.Contains("another metric definition of the file is wrong", summary.Results[1].Message);
        await using var db = contexts.CreateDbContext();
        Assert.False(await db.Metrics.AnyAsync(m => m.Key == "test-good"));
    }

    [Fact]
    public async Task Import_TextFolder_AddsGoodFilesAndNamesTheFieldOfBadOnes()
    {
        var folder = Directory.CreateTempSubdirectory("claims-import-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "a-ferry.txt"), ImportFixtures.GoodArticle);
            await File.WriteAllTextAsync(Path.Combine(folder, "b-lighthouse.txt"), ImportFixtures.GoodArticleWithoutUrl);
            await File.WriteAllTextAsync(Path.Combine(folder, "c-undated.txt"), ImportFixtures.ArticleWithoutDate);
            await File.WriteAllTextAsync(Path.Combine(folder, "d-baddate.txt"), ImportFixtures.ArticleWithBadDate);
            await File.WriteAllTextAsync(Path.Combine(folder, "notes.md"), "not an article");

            var read = await TextFolderImportReader.ReadFolderAsync(folder);
            var summary = await importer.ImportAsync(read.Items);
            var again = await importer.ImportAsync((await TextFolderImportReader.ReadFolderAsync(folder)).Items);

            Assert.Equal(["a-ferry.txt", "b-lighthouse.txt", "c-undated.txt", "d-baddate.txt"], summary.Results.Select(r => r.Label));
            Assert.Equal((2, 0, 2), (summary.Added, summary.AlreadyPresent, summary.Failed));
            Assert.Equal("c-undated.txt: header field Date is missing", summary.Results[2].Message);
            Assert.Contains("d-baddate.txt: header field Date '10 February 2025'", summary.Results[3].Message);
            Assert.Equal((0, 2), (again.Added, again.AlreadyPresent));

            await using var db = contexts.CreateDbContext();
            var ferry = await db.Reports.Include(r => r.Outlet).SingleAsync(r => r.Url == "https://harbour.example/ferry-resumes");
            Assert.Equal("Harbour Times", ferry.Outlet!.Name);
            Assert.Equal(["Ben Ortiz", "Cara Lind"], ferry.Authors);
            Assert.Equal(new DateOnly(2025, 2, 10), ferry.PublishedOn);
            Assert.StartsWith("The first ferry since the storm", ferry.Text);
            Assert.EndsWith("from the slipway.", ferry.Text);
            Assert.Equal(2, await db.Reports.CountAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Title: T\nOutlet: O\nDate: 2025-01-01\nSubtitle: S\n\nText.", "unknown header field 'Subtitle'")]
    [InlineData("Title: T\nOutlet: O\nDate: 2025-01-01\nURL: ftp://x.example/a\n\nText.", "header field URL")]
    [InlineData("Title: T\nDate: 2025-01-01\n\nText.", "header field Outlet is missing")]
    [InlineData("Title: T\nOutlet: O\nDate: 2025-01-01\n\n   ", "no text after the header")]
    public void TextReader_BadHeader_FailsNamingFileAndField(string content, string expected)
    {
        var item = TextFolderImportReader.Read("piece.txt", content);

        Assert.Null(item.Report);
        Assert.StartsWith("piece.txt: ", item.Error);
        Assert.Contains(expected, item.Error);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
