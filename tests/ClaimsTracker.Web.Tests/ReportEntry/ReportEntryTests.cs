using System.Security.Claims;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.ReportEntry;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.ReportEntry;

/// <summary>Editors entering reports and accepting proposals, on a fresh database with the demo data.</summary>
public class ReportEntryTests : IAsyncLifetime
{
    // Our own sentences: a new estimate that disagrees with Blinken's end-of-December figure.
    private const string Article =
        "Kyiv - A spokesman for Ukraine's general staff said on Tuesday that about 5,000 North Korean soldiers had been killed or wounded in the Kursk region by the end of December. "
        + "He added that Pyongyang had sent some 12,000 troops to Russia in total. The figures could not be verified independently.";

    private DemoDatabase demo = null!;
    private TestContextFactory contexts = null!;
    private ReportEditor editor = null!;
    private ProposalService proposals = null!;

    public async Task InitializeAsync()
    {
        demo = await DemoDatabase.CreateAsync("entry");
        contexts = demo.Contexts;
        editor = new ReportEditor(contexts, demo.Authorization, TimeProvider.System);
        proposals = new ProposalService(contexts, demo.Authorization, demo.Detection, demo.Normalisation);
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task Create_EmptyForm_NamesEveryMissingFieldAndSavesNothing()
    {
        var before = await CountReportsAsync();

        var outcome = await editor.CreateAsync(Editor(), new ReportInput { Language = null, PublishedOn = null });

        var invalid = ResultAssert.Invalid(outcome);
        Assert.Equal(["Outlet", "PublishedOn", "Text", "Title"], invalid.Errors.Keys.Order());
        Assert.Equal(before, await CountReportsAsync());
    }

    [Theory]
    [InlineData("ftp://example.org/a", "Url")]
    [InlineData("not a url", "Url")]
    [InlineData("javascript:alert(1)", "Url")]
    public async Task Create_BadUrl_IsRefusedWithAMessage(string url, string field)
    {
        var outcome = await editor.CreateAsync(Editor(), Input() with { Url = url });

        Assert.Contains(field, ResultAssert.Invalid(outcome).Errors.Keys);
    }

    [Fact]
    public async Task Create_FutureDateOrOversizeText_IsRefused()
    {
        var future = await editor.CreateAsync(Editor(), Input() with { PublishedOn = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(5) });
        var huge = await editor.CreateAsync(Editor(), Input() with { Text = new string('a', 200_001) });

        Assert.Contains("future", ResultAssert.Invalid(future).Errors["PublishedOn"][0], StringComparison.Ordinal);
        Assert.Contains("limit", ResultAssert.Invalid(huge).Errors["Text"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SameUrlAsStoredReport_WarnsFirstAndSavesOnlyWhenConfirmed()
    {
        var stored = await FirstReportAsync();

        var warned = await editor.CreateAsync(Editor(), Input() with { Url = stored.Url });
        var confirmed = await editor.CreateAsync(Editor(), Input() with { Url = stored.Url, SaveDespiteDuplicates = true });

        Assert.Equal("same URL", Assert.Single(ResultAssert.Duplicates(warned)).Why);
        ResultAssert.Saved(confirmed);
    }

    [Fact]
    public async Task Create_NearIdenticalText_IsFlaggedAsDuplicate()
    {
        var stored = await FirstReportAsync();

        var outcome = await editor.CreateAsync(Editor(), Input() with { Text = stored.Text.Replace("January", "Jan.", StringComparison.Ordinal) + " Updated." });

        Assert.Contains("of the text is the same", ResultAssert.Duplicates(outcome)[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Analyst_IsForbidden()
    {
        ResultAssert.Forbidden(await editor.CreateAsync(User(Roles.Analyst), Input()));
    }

    [Fact]
    public async Task Update_TextEdited_ReanchorsMovedQuotesAndOrphansRemovedOnes()
    {
        var stored = await FirstReportAsync();
        var (input, version) = (await editor.LoadAsync(stored.Id))!.Value;
        await using var db = contexts.CreateDbContext();
        var claims = await db.Claims.Where(c => c.ReportId == stored.Id).OrderBy(c => c.Quote.Start).ToListAsync();
        var removed = claims[^1].Quote.Exact;
        input.Text = "A new opening paragraph pushes everything down.\n\n" + input.Text!.Replace(removed, "[passage removed]", StringComparison.Ordinal);

        var outcome = await editor.UpdateAsync(Editor(), stored.Id, version, input);

        Assert.Equal(1, ResultAssert.Saved(outcome).OrphanedQuotes);
        await using var check = contexts.CreateDbContext();
        var text = (await check.Reports.SingleAsync(r => r.Id == stored.Id)).Text;
        var after = await check.Claims.Where(c => c.ReportId == stored.Id).ToListAsync();
        Assert.All(after.Where(c => !c.Quote.IsOrphaned), c => Assert.Equal(c.Quote.Exact, text[c.Quote.Start..c.Quote.End]));
        Assert.True(after.Single(c => c.Id == claims[^1].Id).Quote.IsOrphaned);
        Assert.Contains(await check.AuditEntries.Select(a => a.Note).ToListAsync(), n => n != null && n.Contains("no longer in the text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_StaleVersion_IsRefusedAndKeepsTheOtherEdit()
    {
        var stored = await FirstReportAsync();
        var (input, version) = (await editor.LoadAsync(stored.Id))!.Value;
        input.Title = "First editor's title";
        ResultAssert.Saved(await editor.UpdateAsync(Editor(), stored.Id, version, input));

        input.Title = "Second editor's title";
        var outcome = await editor.UpdateAsync(Editor(), stored.Id, version, input);

        ResultAssert.Conflict(outcome);
        await using var db = contexts.CreateDbContext();
        Assert.Equal("First editor's title", (await db.Reports.SingleAsync(r => r.Id == stored.Id)).Title);
    }

    [Fact]
    public async Task Proposals_NewArticle_SuggestsSourceMetricAndScope()
    {
        var reportId = await SaveArticleAsync();

        var found = await proposals.GetAsync(reportId);

        var casualties = found!.Claims.SelectMany(c => c.Figures).Single(f => f.AsWritten == "about 5,000");
        var metrics = await MetricIdsAsync();
        Assert.Equal(metrics["nk-killed-or-wounded"], casualties.MetricId);
        Assert.Equal("Kursk region", casualties.Scope);
        Assert.Equal(new DateOnly(2024, 12, 31), casualties.Time.End);
    }

    [Fact]
    public async Task Proposals_FigureTheReportStatesItself_IsOfferedAsTheOutletsButUnticked()
    {
        // Our own sentences: one figure with a speaker, one the report states without naming anyone.
        var text = "A spokesman for Ukraine's general staff said on Tuesday that about 5,000 North Korean soldiers had been killed or wounded in the Kursk region. "
            + "Some 12,000 North Korean troops were deployed to Russia in total.";
        var reportId = ResultAssert.Saved(await editor.CreateAsync(Editor(), Input() with { Text = text, Url = "https://example.org/unattributed" })).ReportId;

        var found = await proposals.GetAsync(reportId);

        var attributed = found!.Claims.Single(c => c.Figures.Any(f => f.AsWritten == "about 5,000"));
        var narrated = found.Claims.Single(c => c.Figures.Any(f => f.AsWritten == "Some 12,000"));
        Assert.True(attributed.Figures.Single(f => f.AsWritten == "about 5,000").Include);
        Assert.Equal(Input().Outlet, narrated.Source);
        Assert.NotNull(narrated.Figures.Single().MetricId);
        Assert.False(narrated.Figures.Single().Include, "A figure nobody is named for was pre-ticked as the outlet's claim.");
    }

    [Fact]
    public async Task Proposals_BodyConfirmingAFigure_IsOfferedAsACorroborationOfTheSameFigure()
    {
        // Our own sentences: one body states a toll, another only confirms it.
        var text = "About 5,000 North Korean soldiers have been killed or wounded in the Kursk region, Ukraine's general staff said on Tuesday. "
            + "The defence intelligence directorate confirmed the toll.";
        var reportId = ResultAssert.Saved(await editor.CreateAsync(Editor(), Input() with { Text = text, Url = "https://example.org/confirmed-toll" })).ReportId;

        var found = await proposals.GetAsync(reportId);

        var stated = found!.Claims.Single(c => !c.Corroborates && c.Figures.Any(f => f.Value == 5000));
        var confirming = Assert.Single(found.Claims, c => c.Corroborates);
        Assert.Contains("confirmed the toll", confirming.Quote, StringComparison.Ordinal);
        Assert.NotEqual(stated.Source, confirming.Source);
        Assert.Equal(stated.Figures.Single(f => f.Value == 5000).MetricId, confirming.Figures.Single().MetricId);
    }

    [Fact]
    public async Task Proposals_FigureNoCatalogueMetricFits_ProposesANewMetricUnticked()
    {
        // Our own sentence: nothing in the demo catalogue counts bridges.
        var text = "The regional governor said on Tuesday that 40 road bridges had been destroyed.";
        var reportId = ResultAssert.Saved(await editor.CreateAsync(Editor(), Input() with { Text = text, Url = "https://example.org/bridges" })).ReportId;

        var found = await proposals.GetAsync(reportId);

        var figure = found!.Claims.SelectMany(c => c.Figures).Single(f => f.AsWritten == "40");
        Assert.Null(figure.MetricId);
        Assert.False(figure.Include);
        Assert.NotNull(figure.NewMetric);
        Assert.Contains("bridges", figure.NewMetric.Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Accept_ConflictingFigure_SavesClaimAndReportsTheNewConflict()
    {
        var reportId = await SaveArticleAsync();
        var found = await proposals.GetAsync(reportId);
        var draft = found!.Claims.Single(c => c.Figures.Any(f => f.AsWritten == "about 5,000"));
        draft.Source = "Ukrainian General Staff";

        var outcome = await proposals.AcceptAsync(Editor(), reportId, draft);

        var saved = ResultAssert.Saved(outcome);
        Assert.Contains(saved.Conflicts, c => c.Explanation.Contains("about 5,000", StringComparison.Ordinal) && c.Explanation.Contains("about 1,000", StringComparison.Ordinal));
        var again = await proposals.GetAsync(reportId);
        Assert.DoesNotContain(again!.Claims, c => c.Key == draft.Key);
        await using var db = contexts.CreateDbContext();
        Assert.True(await db.Sources.AnyAsync(s => s.Name == "Ukrainian General Staff"));
    }

    [Fact]
    public async Task Accept_FigureWithoutMetric_IsRefusedAndSavesNothing()
    {
        var reportId = await SaveArticleAsync();
        var found = await proposals.GetAsync(reportId);
        var draft = found!.Claims[0];
        draft.Figures.ForEach(f => f.MetricId = null);

        var outcome = await proposals.AcceptAsync(Editor(), reportId, draft);

        Assert.Contains("Metric", ResultAssert.Invalid(outcome).Errors.Keys);
        await using var db = contexts.CreateDbContext();
        Assert.False(await db.Claims.AnyAsync(c => c.ReportId == reportId));
    }

    [Fact]
    public async Task Accept_Analyst_IsForbidden()
    {
        var reportId = await SaveArticleAsync();
        var draft = (await proposals.GetAsync(reportId))!.Claims[0];

        ResultAssert.Forbidden(await proposals.AcceptAsync(User(Roles.Analyst), reportId, draft));
    }

    private static ReportInput Input() => new()
    {
        Title = "General staff gives a new North Korean casualty estimate",
        Outlet = "Test Wire",
        Authors = "A. Writer, B. Editor",
        PublishedOn = new DateTime(2025, 1, 14),
        Url = "https://example.org/test/new-estimate",
        Language = "en",
        Text = Article,
    };

    private async Task<int> SaveArticleAsync() =>
        ResultAssert.Saved(await editor.CreateAsync(Editor(), Input())).ReportId;

    private static ClaimsPrincipal Editor() => User(Roles.Editor);

    private static ClaimsPrincipal User(string role) => DemoDatabase.User(role);

    private async Task<Domain.Reports.Report> FirstReportAsync()
    {
        await using var db = contexts.CreateDbContext();
        return await db.Reports.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
    }

    private async Task<int> CountReportsAsync()
    {
        await using var db = contexts.CreateDbContext();
        return await db.Reports.CountAsync();
    }

    private async Task<Dictionary<string, int>> MetricIdsAsync()
    {
        await using var db = contexts.CreateDbContext();
        return await db.Metrics.ToDictionaryAsync(m => m.Key, m => m.Id);
    }
}
