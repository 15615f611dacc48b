using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Data.Conflicts;
using ClaimsTracker.Data.Import;
using ClaimsTracker.Data.Reports;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Web.Tests.Import;

/// <summary>Batched import: many reports across batches, and the indexed duplicate check that replaced the text scan.</summary>
public class BulkImportTests : IAsyncLifetime
{
    private static readonly string[] Vocabulary =
    [
        "river", "bridge", "council", "pumps", "levee", "harbour", "ferry", "school", "market", "road", "rain", "storm",
        "volunteers", "engineers", "mayor", "residents", "shelter", "trucks", "sandbags", "water", "night", "morning",
        "north", "south", "east", "west", "village", "town", "district", "valley", "hill", "field", "farm", "station",
        "power", "lines", "boats", "rescue", "crews", "police", "doctors", "clinic", "supplies", "food", "blankets",
        "families", "children", "elderly", "roof", "walls", "mud", "debris", "cleared", "opened", "closed", "moved",
        "said", "reported", "counted", "estimated", "waited", "arrived", "left", "returned", "rose", "fell", "held",
    ];

    private TestContextFactory contexts = null!;
    private ReportImporter importer = null!;

    public async Task InitializeAsync()
    {
        contexts = await TestContextFactory.CreateAsync("bulkimport");
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
    public async Task Import_MoreReportsThanOneBatch_StoresEveryOneWithItsClaims()
    {
        const int count = (ReportImporter.BatchSize * 2) + 37;
        var items = Enumerable.Range(1, count).Select(Generated).ToList();

        var summary = await importer.ImportAsync(items);

        Assert.Equal((count, 0, 0), (summary.Added, summary.AlreadyPresent, summary.Failed));
        Assert.Equal(count, summary.Results.Select(r => r.ReportId).Distinct().Count());
        await using var db = contexts.CreateDbContext();
        Assert.Equal(count, await db.Reports.CountAsync());
        Assert.Equal(count, await db.Claims.CountAsync());
        Assert.Equal(count, await db.Figures.CountAsync());
        // Every report shares one new outlet and one new speaker, created once.
        Assert.Equal(2, await db.Sources.CountAsync());
        Assert.Equal(0, await db.Reports.CountAsync(r => r.TextSketch.Length == 0));
    }

    [Fact]
    public async Task Import_SourceAddedByAnEditorBetweenBatches_IsUsedByTheNextBatchStoredAsOne()
    {
        // The second batch names a speaker that an editor adds while the first batch is being reported.
        var items = Enumerable.Range(1, ReportImporter.BatchSize * 2)
            .Select(n => n <= ReportImporter.BatchSize ? Generated(n) : SaidBy(Generated(n), "Delta press office"))
            .ToList();
        var editorSourceId = 0;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done == ReportImporter.BatchSize && editorSourceId == 0)
            {
                using var db = contexts.CreateDbContext();
                var source = Source.Create(new SourceDetails { Name = "Delta Press Office", Kind = SourceKind.Organisation, Aliases = ["Delta press office"] }).Value;
                db.Sources.Add(source);
                db.SaveChanges();
                editorSourceId = source.Id;
            }
        });

        var summary = await importer.ImportAsync(items, progress);

        Assert.Equal((items.Count, 0, 0), (summary.Added, summary.AlreadyPresent, summary.Failed));
        await using var check = contexts.CreateDbContext();
        // The outlet, the first batch's speaker and the editor's source: the second batch created none of its own.
        Assert.Equal(3, await check.Sources.CountAsync());
        Assert.Equal(ReportImporter.BatchSize, await check.Claims.CountAsync(c => c.SourceId == editorSourceId));
        // Stored as a batch (one note naming every report), not redone report by report after a clash with the editor's source.
        var lastReportId = summary.Results[^1].ReportId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var note = await check.AuditEntries.Where(a => a.EntityType == nameof(Report) && a.EntityId == lastReportId).Select(a => a.Note).SingleAsync();
        Assert.Contains($"reports[{ReportImporter.BatchSize + 1}]", note, StringComparison.Ordinal);
    }

    private static ImportItem SaidBy(ImportItem item, string speaker) =>
        item with { Report = item.Report! with { Claims = [item.Report.Claims![0] with { Source = speaker }] } };

    /// <summary>Reports on the importer's own thread, so the test acts between two batches.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    [Fact]
    public async Task Import_FiguresOfTwoMetricsInTwoPlaces_DetectionReadsOnlyTheTouchedPairs()
    {
        const string sheltered = "test-flood-sheltered";
        await using (var db = contexts.CreateDbContext())
        {
            db.Metrics.Add(new Metric { Key = sheltered, Name = "People sheltered (test)", Kind = FigureKind.Count, Unit = "people" });
            await db.SaveChangesAsync();
        }

        static ImportItem Report(int number, params (string Metric, string Count, string Place)[] figures)
        {
            var quote = string.Join(" and ", figures.Select(f => $"{f.Count} people in {f.Place}"));
            var text = $"Flood update number {number} from the delta. Officials counted {quote} by the evening.";
            return new ImportItem($"reports[{number}]", new ReportRecord($"Flood count {number}", "Delta Gazette", new DateOnly(2025, 3, number), text,
                Url: $"https://gazette.example/count-{number}",
                Claims: [new ClaimRecord("Delta officials", "People counted", quote, [.. figures.Select(f => new FigureRecord(f.Metric, f.Count, Scope: f.Place))])]));
        }

        // Both metrics in both places first; then one new figure of each metric, each in one place.
        var first = await importer.ImportAsync([Report(1,
            (ImportFixtures.EvacuatedMetric, "120", "North"), (ImportFixtures.EvacuatedMetric, "80", "South"),
            (sheltered, "45", "North"), (sheltered, "30", "South"))]);
        var second = await importer.ImportAsync([Report(2, (ImportFixtures.EvacuatedMetric, "125", "North"), (sheltered, "35", "South"))]);

        Assert.Equal((1, 1), (first.Added, second.Added));
        // Evacuated in the north and sheltered in the south, two figures each: not evacuated in the south nor sheltered in the north.
        Assert.Equal(1, second.Timings.DetectionRuns);
        Assert.Equal(4, second.Timings.DetectionFigures);
    }

    [Fact]
    public async Task Import_ManyReportsOverPlacesDaysAndParts_StoresWhatAFullPassWouldStore()
    {
        // A whole with two parts, so families span metrics; places written in several spellings of one name key.
        await using (var db = contexts.CreateDbContext())
        {
            var evacuated = await db.Metrics.SingleAsync(m => m.Key == ImportFixtures.EvacuatedMetric);
            var sheltered = new Metric { Key = "test-flood-sheltered", Name = "People sheltered (test)", Kind = FigureKind.Count, Unit = "people" };
            var displaced = new Metric { Key = "test-flood-displaced", Name = "People displaced (test)", Kind = FigureKind.Count, Unit = "people" };
            db.Metrics.AddRange(sheltered, displaced);
            await db.SaveChangesAsync();
            Assert.True(displaced.SetParts([evacuated, sheltered]).IsSuccess);
            await db.SaveChangesAsync();
        }

        string[] places = ["North", "north ", "South", "Delta", "DELTA", ""];
        string[] metrics = [ImportFixtures.EvacuatedMetric, "test-flood-sheltered", "test-flood-displaced"];
        string[] speakers = ["Delta officials", "River volunteers", "Red Cross", "Mayor Lind"];
        ImportItem Counted(int number)
        {
            var random = new Random(number * 7919);
            var day = new DateOnly(2025, 3, 1).AddDays(random.Next(30));
            var figures = Enumerable.Range(0, 3)
                .Select(_ => (Metric: metrics[random.Next(metrics.Length)], Count: (random.Next(6) + 1) * 100 + (random.Next(3) * 7), Place: places[random.Next(places.Length)]))
                .ToList();
            var quote = string.Join(" and ", figures.Select(f => $"{f.Count} people"));
            var words = string.Join(' ', Enumerable.Range(0, 30).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var text = $"Count {number}: {words}. Officials counted {quote} by the evening.";
            return new ImportItem($"reports[{number}]", new ReportRecord($"Flood count {number}", number % 2 == 0 ? "Delta Gazette" : "River Radio", day, text,
                Url: $"https://gazette.example/counted-{number}",
                Claims:
                [
                    new ClaimRecord(speakers[random.Next(speakers.Length)], "People counted", quote,
                        [.. figures.Select(f => new FigureRecord(f.Metric, $"{f.Count}", Scope: f.Place,
                            Time: new TimeRecord(TimeReferenceKind.AsOf, End: day, AsWritten: "by the evening")))]),
                ]));
        }

        // Two imports: the second adds to places the first filled, over a batch boundary, so its pass meets stored conflicts.
        var first = await importer.ImportAsync([.. Enumerable.Range(1, 120).Select(Counted)]);
        var second = await importer.ImportAsync([.. Enumerable.Range(121, ReportImporter.BatchSize + 30).Select(Counted)]);
        Assert.Equal((120, ReportImporter.BatchSize + 30), (first.Added, second.Added));
        var afterImport = await StoredConflictsAsync();
        Assert.NotEmpty(afterImport);

        var detection = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
        var full = await detection.DetectAllAsync();

        // A full pass over the same data finds exactly what the imports' passes stored, so it changes nothing.
        Assert.False(full.ChangedAnything, $"a full pass changed: {full}");
        Assert.Equal(afterImport, await StoredConflictsAsync());
    }

    /// <summary>Every stored conflict with its members, in one comparable line each.</summary>
    private async Task<List<string>> StoredConflictsAsync()
    {
        await using var db = contexts.CreateDbContext();
        var conflicts = await db.Conflicts.AsNoTracking().Include(c => c.Members).OrderBy(c => c.Signature).ToListAsync();
        return [.. conflicts.Select(c => $"{c.Signature} {c.Status} {c.Severity} {c.Scope} {c.Explanation} | " + string.Join("; ", c.Members.OrderBy(m => m.FigureId)
            .Select(m => $"{m.FigureId} {m.FigureFingerprint} {m.Position} {m.Camp} [{string.Join(',', m.ConsistentCamps)}]")))];
    }

    [Fact]
    public async Task Import_SameReportsAgainAcrossBatches_AreAllAlreadyPresent()
    {
        var items = Enumerable.Range(1, ReportImporter.BatchSize + 5).Select(Generated).ToList();
        var first = await importer.ImportAsync(items);

        var again = await importer.ImportAsync(items);

        Assert.Equal((0, items.Count, 0), (again.Added, again.AlreadyPresent, again.Failed));
        Assert.Equal(first.Results.Select(r => r.ReportId), again.Results.Select(r => r.ReportId));
    }

    [Fact]
    public async Task Import_NearDuplicateWithOtherUrlTitleAndDay_IsAlreadyPresent()
    {
        var original = Generated(7);
        await importer.ImportAsync([original]);
        var record = original.Report!;
        // The same article re-pasted from a syndicating site: new address, new headline, a day later, a trailer added.
        var repasted = new ImportItem("repasted", record with
        {
            Title = "Syndicated: " + record.Title,
            Url = "https://syndicate.example/copy",
            PublishedOn = record.PublishedOn.AddDays(1),
            Text = record.Text + " Read more on our site.",
            Claims = [],
        });

        var summary = await importer.ImportAsync([repasted]);

        var result = Assert.Single(summary.Results);
        Assert.Equal(ImportOutcome.AlreadyPresent, result.Outcome);
        await using var db = contexts.CreateDbContext();
        Assert.Equal(1, await db.Reports.CountAsync());
    }

    [Fact]
    public async Task Import_OutletsAndDaysOfTheBatchCrossed_AreNotCandidates()
    {
        // Stored: the Gazette on the 2nd, the Post on the 3rd. New: the Gazette on the 3rd, the Post on the 2nd. No
        // stored report shares an outlet and a day with a new one, so none is worth reading; asked as two separate
        // lists, each outlet met each day of the batch and both stored reports came back.
        var (second, third) = (new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 3));
        await importer.ImportAsync([At(Generated(1), "Delta Gazette", second), At(Generated(2), "River Post", third)]);

        var summary = await importer.ImportAsync([At(Generated(3), "Delta Gazette", third), At(Generated(4), "River Post", second)]);

        Assert.Equal((2, 0, 0), (summary.Added, summary.AlreadyPresent, summary.Failed));
        Assert.Equal(0, summary.Timings.CandidateRows);
    }

    [Fact]
    public async Task Import_SameOutletDayAndTitle_IsAlreadyPresentWithOtherText()
    {
        // Only the outlet and day find this one (no URL, another text): the pair must still reach the rule.
        var stored = At(Generated(5), "Delta Gazette", new DateOnly(2025, 3, 4));
        await importer.ImportAsync([stored with { Report = stored.Report! with { Url = null } }]);
        var sameStory = At(Generated(6), "Delta Gazette", new DateOnly(2025, 3, 4));

        var summary = await importer.ImportAsync([sameStory with { Report = sameStory.Report! with { Url = null, Title = stored.Report!.Title } }]);

        Assert.Equal(ImportOutcome.AlreadyPresent, Assert.Single(summary.Results).Outcome);
    }

    private static ImportItem At(ImportItem item, string outlet, DateOnly day) =>
        item with { Report = item.Report! with { Outlet = outlet, PublishedOn = day } };

    [Fact]
    public async Task Import_DifferentTextOfTheSameLength_IsAdded()
    {
        await importer.ImportAsync([Generated(1)]);

        var summary = await importer.ImportAsync([Generated(2)]);

        Assert.Equal(ImportOutcome.Added, Assert.Single(summary.Results).Outcome);
    }

    [Fact]
    public async Task FillMissing_ReportStoredBeforeSketches_GetsOneAndIsFoundAsDuplicate()
    {
        var item = Generated(3);
        await importer.ImportAsync([item]);
        await using var db = contexts.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Reports\" SET \"TextSketch\" = ARRAY[]::integer[]");

        var filled = await ReportSketches.FillMissingAsync(db);

        Assert.Equal(1, filled);
        var stored = await db.Reports.SingleAsync();
        Assert.Equal(DuplicateReportRule.Sketch(stored.Text), stored.TextSketch);
        var found = await ReportDuplicates.FindAsync(db, new ReportIdentity(null, "Other title", null, stored.PublishedOn, stored.Text), exceptId: null);
        Assert.Equal(stored.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task Import_BatchWrittenByCopy_LeavesOneAuditEntryPerReportHoldingWhatAnOrdinarySaveRecordsPerRow()
    {
        var record = Generated(5).Report! with
        {
            Claims =
            [
                new ClaimRecord("Delta officials", "People moved", "105 people had been moved",
                    [
                        new FigureRecord(ImportFixtures.EvacuatedMetric, "105"),
                        new FigureRecord(ImportFixtures.EvacuatedMetric, "about 110", Scope: "Delta",
                            Time: new TimeRecord(TimeReferenceKind.Period, new DateOnly(2025, 2, 20), new DateOnly(2025, 2, 26), "last week")),
                    ],
                    RelayedVia: "River Radio"),
            ],
        };
        var enteredAt = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var detection = new ConflictDetectionService(contexts, new ConflictDetector(new DetectionOptions()), NullLogger<ConflictDetectionService>.Instance);
        var summary = await new ReportImporter(contexts, new NormalisationOptions(), detection, NullLogger<ReportImporter>.Instance, new SystemAuditActor("test"), new FixedClock(enteredAt))
            .ImportAsync([new ImportItem("reports[5]", record)]);
        await using var copied = contexts.CreateDbContext();

        // The same report through the change tracker's save, in a database of its own with the same metric.
        var other = await TestContextFactory.CreateAsync("bulkimport-saved");
        await using var saved = other.CreateDbContext();
        var metric = new Metric { Key = ImportFixtures.EvacuatedMetric, Name = "People evacuated (test)", Kind = FigureKind.Count, Unit = "people", IsCumulative = true };
        saved.Metrics.Add(metric);
        await saved.SaveChangesAsync();
        var sources = new List<Source>();
        Source FindOrCreate(string name, SourceKind kind) =>
            sources.FirstOrDefault(s => s.IsKnownAs(name)) ?? AddSource(Source.Create(new SourceDetails { Name = name, Kind = kind, Aliases = [name] }).Value);
        Source AddSource(Source source)
        {
            sources.Add(source);
            return source;
        }

        var report = new ReportBuilder(new NormalisationOptions()).Build(record, FindOrCreate, new Dictionary<string, Metric> { [metric.Key] = metric }, "test", enteredAt);
        saved.Reports.Add(report);
        saved.AuditNote = "imported: reports[5]";
        await saved.SaveChangesAsync();

        // The save wrote one entry per row (the report, its claim and quote, two figures and their times); the import one for the report.
        var perRow = await EntriesOfReportsAsync(saved);
        Assert.Equal(7, perRow.Count);
        var entry = Assert.Single(await EntriesOfReportsAsync(copied));
        var reportId = summary.Results.Single().ReportId!.Value;
        Assert.Equal(reportId, report.Id);
        Assert.Equal(
            (nameof(Report), reportId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Added", "test", "imported: reports[5]", (string?)null),
            (entry.EntityType, entry.EntityId, entry.Action, entry.UserName, entry.Note, entry.Before));

        // Inside it, each row's values as the save recorded them: the claim (with its quote and figures) under "Claims",
        // each figure's time under its figure.
        var expected = Values(perRow, nameof(Report));
        var claim = Values(perRow, "Claim");
        claim["Quote"] = Values(perRow, "Claim.Quote");
        var times = perRow.Where(e => e.EntityType == "Figure.Time").ToDictionary(e => e.EntityId, e => Parse(e.After!));
        claim["Figures"] = new System.Text.Json.Nodes.JsonArray([.. perRow.Where(e => e.EntityType == nameof(Figure)).OrderBy(e => int.Parse(e.EntityId, System.Globalization.CultureInfo.InvariantCulture))
            .Select(e =>
            {
                var figure = Parse(e.After!);
                figure["Time"] = times[e.EntityId];
                return (System.Text.Json.Nodes.JsonNode)figure;
            })]);
        expected["Claims"] = new System.Text.Json.Nodes.JsonArray(claim);
        Assert.Equal(Comparable(expected), Comparable(Parse(entry.After!)));
    }

    /// <summary>
    /// Keys of sources inside the recorded values are left out of the comparison: the two paths may number new sources
    /// differently. Reports, claims and figures get the same ids in both databases, so their keys are compared.
    /// </summary>
    private static readonly string[] IdProperties = ["SourceId", "OutletId", "RelayedViaId"];

    /// <summary>The audit entries of reports, claims and figures with their owned values (not of sources or metrics).</summary>
    private static Task<List<ClaimsTracker.Domain.Auditing.AuditEntry>> EntriesOfReportsAsync(ClaimsTracker.Data.ClaimsDbContext db) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType != nameof(Source) && a.EntityType != nameof(SourceAlias) && a.EntityType != nameof(Metric))
            .ToListAsync();

    private static System.Text.Json.Nodes.JsonObject Values(List<ClaimsTracker.Domain.Auditing.AuditEntry> entries, string entityType) =>
        Parse(entries.Single(e => e.EntityType == entityType).After!);

    private static System.Text.Json.Nodes.JsonObject Parse(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    /// <summary>The values with source ids left out and every object's properties in name order, as one string.</summary>
    private static string Comparable(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject values => "{" + string.Join(",", values
            .Where(p => !IdProperties.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"\"{p.Key}\":{Comparable(p.Value)}")) + "}",
        System.Text.Json.Nodes.JsonArray items => "[" + string.Join(",", items.Select(Comparable)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A report of forty words drawn from a small vocabulary (seeded by its number), with one claim and figure.</summary>
    private static ImportItem Generated(int number)
    {
        var random = new Random(number);
        var words = Enumerable.Range(0, 40).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
        var people = 100 + number;
        var quote = $"{people} people had been moved";
        var text = $"{string.Join(' ', words)}. Officials said {quote} by the evening.";
        var record = new ReportRecord(
            $"Flood update {number}", "Delta Gazette", new DateOnly(2025, 3, 1).AddDays(number % 20), text,
            Url: $"https://gazette.example/flood-{number}",
            Claims: [new ClaimRecord("Delta officials", "People moved", quote, [new FigureRecord(ImportFixtures.EvacuatedMetric, $"{people}")])]);
        return new ImportItem($"reports[{number}]", record);
    }
}
