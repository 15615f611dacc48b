using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Search;

namespace ClaimsTracker.Web.Tests.Search;

public sealed class SearchFixture : IAsyncLifetime
{
    public TestContextFactory Contexts { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Contexts = await TestContextFactory.CreateAsync("search");
        await using var db = Contexts.CreateDbContext();
        var outlet = new Source { Name = "Test Gazette", Kind = SourceKind.Outlet };
        var minister = new Source { Name = "Minister Halvorsen", Kind = SourceKind.Person };
        minister.AddAlias("Kari Dahl");
        Report Make(string title, string text) => new()
        {
            Title = title,
            Outlet = outlet,
            PublishedOn = new DateOnly(2025, 1, 12),
            Text = text,
            EnteredBy = "test",
            EnteredAt = TimeProvider.System.GetUtcNow(),
        };

        var headline = Make("Casualties mount in Kursk", "Fighting went on through the week; officials gave estimates.");
        var passing = Make("A week of talks", "Among many topics, the casualty estimates from Kursk came up once near the end.");
        var unrelated = Make("Harvest report", "Wheat prices rose in the autumn <script>alert(1)</script>.");
        const string quote = "the minister put the casualties near Kursk at several hundred";
        passing.Text += " Later " + quote + ".";
        passing.Claims.Add(new Claim { Source = minister, Summary = "Minister's casualty estimate", Quote = QuoteAnchoring.Anchor(passing.Text, quote)! });
        db.Reports.AddRange(headline, passing, unrelated);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public class SearchQueriesTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task SearchWithAliasesAsync_AliasOfASource_FindsTheSourcesClaims()
    {
        var plain = await new SearchQueries(data.Contexts).SearchAsync("Kari Dahl casualties");
        var expanded = await new SearchQueries(data.Contexts).SearchWithAliasesAsync("Kari Dahl casualties");

        Assert.DoesNotContain(plain, h => h.Kind == SearchHitKind.Claim);
        Assert.Single(expanded.Hits, h => h.Kind == SearchHitKind.Claim && h.Source == "Minister Halvorsen");
        Assert.Equal(["Minister Halvorsen"], expanded.ExpandedTo);
    }

    [Fact]
    public async Task SearchAsync_StemmedWords_MatchReportsAndClaims()
    {
        var hits = await new SearchQueries(data.Contexts).SearchAsync("Kursk casualty");

        Assert.Equal(2, hits.Count(h => h.Kind == SearchHitKind.Report));
        Assert.Single(hits, h => h.Kind == SearchHitKind.Claim && h.Source == "Minister Halvorsen");
        Assert.DoesNotContain(hits, h => h.Title == "Harvest report");
    }

    [Fact]
    public async Task SearchAsync_TitleMatch_RanksAboveTextMatch()
    {
        var reports = (await new SearchQueries(data.Contexts).SearchAsync("Kursk casualties")).Where(h => h.Kind == SearchHitKind.Report).ToList();

        Assert.Equal("Casualties mount in Kursk", reports[0].Title);
        Assert.True(reports[0].Rank > reports[1].Rank);
    }

    [Fact]
    public async Task SearchAsync_Snippet_MarksMatchedWords()
    {
        var claim = (await new SearchQueries(data.Contexts).SearchAsync("casualties")).Single(h => h.Kind == SearchHitKind.Claim);

        Assert.Contains($"{SearchQueries.MatchStart}casualties{SearchQueries.MatchEnd}", claim.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_WordsSplitBetweenSourceNameAndQuote_FindTheClaim()
    {
        var hits = await new SearchQueries(data.Contexts).SearchAsync("Halvorsen several hundred");

        var claim = Assert.Single(hits, h => h.Kind == SearchHitKind.Claim);
        Assert.Contains($"{SearchQueries.MatchStart}hundred{SearchQueries.MatchEnd}", claim.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_ReportText_RanksTheReportThatSaysItTwiceFirst()
    {
        var reports = (await new SearchQueries(data.Contexts).SearchAsync("casualty estimates")).Where(h => h.Kind == SearchHitKind.Report).ToList();

        Assert.Equal("A week of talks", reports[0].Title);
        Assert.Contains(SearchQueries.MatchStart, reports[0].Snippet);
    }

    [Fact]
    public async Task SearchAsync_SourceName_FindsTheirClaims()
    {
        var hits = await new SearchQueries(data.Contexts).SearchAsync("Halvorsen");

        Assert.Equal("Minister's casualty estimate", Assert.Single(hits).Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"unbalanced")]
    [InlineData("or and not -")]
    public async Task SearchAsync_OddInput_ReturnsResultsOrNothingWithoutError(string text)
    {
        var hits = await new SearchQueries(data.Contexts).SearchAsync(text);

        Assert.DoesNotContain(hits, h => h.Title == "Harvest report");
    }

    [Fact]
    public void Highlight_MarkupInStoredText_IsEncodedBeforeMarking()
    {
        var html = SearchPage.Highlight($"<script>alert(1)</script> {SearchQueries.MatchStart}wheat{SearchQueries.MatchEnd}").Value;

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>wheat</mark>", html);
    }
}

public class SearchWordsTests
{
    [Theory]
    [InlineData("Kari Dahl casualties", "Kari or Dahl or casualties")]
    [InlineData("\"prisoners of war\" -rumour", "prisoners or of or war")]
    [InlineData("   ", "")]
    public void AnyWordQuery_PlainWordsOnly_JoinedWithOr(string text, string expected) =>
        Assert.Equal(expected, SearchQueries.AnyWordQuery(text));
}
