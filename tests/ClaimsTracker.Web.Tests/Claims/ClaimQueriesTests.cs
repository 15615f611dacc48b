using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Claims;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Tests.Claims;

/// <summary>3,000 claims by 20 speakers over 60 days, written once for the class.</summary>
public sealed class SyntheticClaimsFixture : IAsyncLifetime
{
    public const int ClaimCount = 3000;

    public TestContextFactory Contexts { get; private set; } = null!;
    public int DurationMetricId { get; private set; }

    public async Task InitializeAsync()
    {
        Contexts = await TestContextFactory.CreateAsync("claimqueries");
        await using var db = Contexts.CreateDbContext();
        var (_, metrics) = await SyntheticReports.AddAsync(db, ClaimCount);
        DurationMetricId = metrics[1].Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Paging and filters of the claims explorer run in PostgreSQL over thousands of rows.</summary>
public class ClaimQueriesTests(SyntheticClaimsFixture data) : IClassFixture<SyntheticClaimsFixture>
{
    private const int ClaimCount = SyntheticClaimsFixture.ClaimCount;
    private readonly TestContextFactory contexts = data.Contexts;
    private readonly int metricDurationId = data.DurationMetricId;

    [Fact]
    public async Task ListAsync_NoFilter_CountsUpToTheCapAndReturnsOnePage()
    {
        var page = await new ClaimQueries(contexts).ListAsync(new ClaimFilter(), new PageRequest(Skip: 40, Take: 20));

        // 3,000 match; the count stops at the cap rather than counting the world.
        Assert.Equal(Math.Min(ClaimCount, ListPage.CountCap), page.Total);
        Assert.True(page.TotalIsCapped);
        Assert.Equal(20, page.Items.Count);
    }

    [Fact]
    public async Task ListAsync_PagesInOrder_NeverRepeatOrSkipRows()
    {
        var queries = new ClaimQueries(contexts);
        var seen = new HashSet<int>();
        for (var skip = 0; skip < 600; skip += 200)
        {
            var page = await queries.ListAsync(new ClaimFilter(), new PageRequest(skip, 200, nameof(ClaimRow.PublishedOn)));
            Assert.All(page.Items, row => Assert.True(seen.Add(row.Id), $"claim {row.Id} appeared twice"));
            Assert.Equal(page.Items.Select(r => r.PublishedOn).Order(), page.Items.Select(r => r.PublishedOn));
        }

        Assert.Equal(600, seen.Count);
    }

    [Fact]
    public async Task ListAsync_PageSizeAboveCap_IsCapped()
    {
        var page = await new ClaimQueries(contexts).ListAsync(new ClaimFilter(), new PageRequest(0, 100_000));

        Assert.Equal(PageRequest.MaxSize, page.Items.Count);
    }

    [Theory]
    [InlineData("Speaker 007")]
    [InlineData("speaker zero alias")]
    [InlineData("SPEAKER-ZERO")]
    public async Task ListAsync_SourceByNameOrAlias_FindsOnlyThatSpeaker(string search)
    {
        var page = await new ClaimQueries(contexts).ListAsync(new ClaimFilter { Source = search }, new PageRequest(0, 200));

        Assert.Equal(ClaimCount / 20, page.Total);
        Assert.Single(page.Items.Select(r => r.Source).Distinct());
    }

    [Fact]
    public async Task ListAsync_MetricAndDateRange_CombineInTheDatabase()
    {
        var filter = new ClaimFilter { MetricId = metricDurationId, From = new DateOnly(2025, 1, 10), To = new DateOnly(2025, 1, 19) };

        var page = await new ClaimQueries(contexts).ListAsync(filter, new PageRequest(0, 200));

        var expected = Enumerable.Range(0, ClaimCount).Count(i => i % 7 == 0 && i % 60 is >= 9 and <= 18);
        Assert.Equal(expected, page.Total);
        Assert.All(page.Items, r => Assert.InRange(r.PublishedOn, filter.From!.Value, filter.To!.Value));
    }

    [Fact]
    public async Task ListAsync_KindFilter_MatchesFigureKind()
    {
        var page = await new ClaimQueries(contexts).ListAsync(new ClaimFilter { Kind = FigureKind.Duration }, new PageRequest());

        Assert.Equal(Enumerable.Range(0, ClaimCount).Count(i => i % 7 == 0), page.Total);
    }

    [Fact]
    public async Task ListAsync_LikeWildcardsInSearch_MatchLiterally()
    {
        var page = await new ClaimQueries(contexts).ListAsync(new ClaimFilter { Source = "%" }, new PageRequest());

        Assert.Equal(0, page.Total);
    }
}
