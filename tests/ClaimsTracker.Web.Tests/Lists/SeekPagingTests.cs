using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Claims;
using ClaimsTracker.Web.Features.Reports;
using ClaimsTracker.Web.Features.Sources;
using ClaimsTracker.Web.Infrastructure;

namespace ClaimsTracker.Web.Tests.Lists;

/// <summary>
/// 3,000 claims over 60 days (dozens share each day), 20 speakers, 300 reports, plus one claim
/// carrying 2,500 figures: ties everywhere a sort can have them.
/// </summary>
public sealed class SeekPagingFixture : IAsyncLifetime
{
    public const int ClaimCount = 3000;
    public const int HeavyFigures = 2500;

    public TestContextFactory Contexts { get; private set; } = null!;
    public int HeavyClaimId { get; private set; }

    public async Task InitializeAsync()
    {
        Contexts = await TestContextFactory.CreateAsync("seekpaging");
        await using var db = Contexts.CreateDbContext();
        var (sources, metrics) = await SyntheticReports.AddAsync(db, ClaimCount);
        sources[3].Affiliation = "Ministry";
        sources[4].Affiliation = "Ministry";
        var report = new Report
        {
            Title = "A report with one very long table",
            Outlet = new Source { Name = "Table Times", Kind = SourceKind.Outlet },
            PublishedOn = new DateOnly(2025, 3, 1),
            Text = "The table lists every village and its count.",
            EnteredBy = "test",
            EnteredAt = TimeProvider.System.GetUtcNow(),
        };
        var heavy = new Claim { Source = sources[1], Summary = "Counts for every village", Quote = QuoteAnchoring.At(report.Text, 0, 9) };
        for (var i = 0; i < HeavyFigures; i++)
        {
            heavy.Figures.Add(new Figure
            {
                Metric = metrics[0],
                Kind = FigureKind.Count,
                AsWritten = $"{i}",
                Interval = ValueInterval.Exactly(i),
                Time = TimeReference.AsOf(report.PublishedOn),
                Scope = $"village {i}",
            });
        }

        report.Claims.Add(heavy);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        HeavyClaimId = heavy.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public class SeekPagingTests(SeekPagingFixture data) : IClassFixture<SeekPagingFixture>
{
    private const int AllClaims = SeekPagingFixture.ClaimCount + 1;

    public static TheoryData<string, bool> ClaimSorts => new()
    {
        { nameof(ClaimRow.PublishedOn), false }, { nameof(ClaimRow.PublishedOn), true },
        { nameof(ClaimRow.Source), false }, { nameof(ClaimRow.Source), true },
        { nameof(ClaimRow.Outlet), false }, { nameof(ClaimRow.Outlet), true },
    };

    [Theory]
    [MemberData(nameof(ClaimSorts))]
    public async Task ClaimsListAsync_FollowingNextToTheEnd_SeesEveryClaimOnceInOrder(string sort, bool descending)
    {
        var queries = new ClaimQueries(data.Contexts);
        var rows = await WalkAsync(cursor => queries.ListAsync(new ClaimFilter(), new PageRequest(0, 137, sort, descending, cursor)));

        Assert.Equal(AllClaims, rows.Count);
        Assert.Equal(AllClaims, rows.Select(r => r.Id).Distinct().Count());
        var keys = rows.Select(r => sort switch
        {
            nameof(ClaimRow.Source) => r.Source,
            nameof(ClaimRow.Outlet) => r.Outlet,
            _ => r.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var expected = descending ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal);
        Assert.Equal(expected, keys);
    }

    [Theory]
    [InlineData(nameof(ReportRow.PublishedOn), false)]
    [InlineData(nameof(ReportRow.PublishedOn), true)]
    [InlineData(nameof(ReportRow.Title), false)]
    [InlineData(nameof(ReportRow.Outlet), true)]
    public async Task ReportsListAsync_FollowingNext_NoDuplicatesNoGaps(string sort, bool descending)
    {
        var queries = new ReportQueries(data.Contexts);
        var rows = await WalkAsync(cursor => queries.ListAsync(null, new PageRequest(0, 23, sort, descending, cursor)));

        Assert.Equal(301, rows.Count);
        Assert.Equal(301, rows.Select(r => r.Id).Distinct().Count());
        if (sort == nameof(ReportRow.PublishedOn))
        {
            var days = rows.Select(r => r.PublishedOn).ToList();
            Assert.Equal(descending ? days.OrderDescending() : days.Order(), days);
        }
    }

    [Theory]
    [InlineData(nameof(SourceRow.Name), false)]
    [InlineData(nameof(SourceRow.Kind), false)]
    [InlineData(nameof(SourceRow.Kind), true)]
    [InlineData(nameof(SourceRow.Affiliation), false)]
    [InlineData(nameof(SourceRow.Affiliation), true)]
    public async Task SourcesListAsync_SortsWithManyTies_PageWithoutDuplicatesOrGaps(string sort, bool descending)
    {
        var queries = new SourceQueries(data.Contexts);
        var rows = await WalkAsync(cursor => queries.ListAsync(null, new PageRequest(0, 4, sort, descending, cursor)));

        // 20 speakers and two outlets.
        Assert.Equal(22, rows.Count);
        Assert.Equal(22, rows.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task ClaimsListAsync_MoreMatchesThanTheCap_SaysAtLeastTheCap()
    {
        var page = await new ClaimQueries(data.Contexts).ListAsync(new ClaimFilter(), new PageRequest());

        Assert.Equal(ListPage.CountCap, page.Total);
        Assert.True(page.TotalIsCapped);
        Assert.Equal("1,000+", ListPage.TotalText(page));
        Assert.NotNull(page.Next);
    }

    [Fact]
    public async Task ClaimsListAsync_FewerMatchesThanTheCap_CountsExactlyAndEnds()
    {
        var page = await new ClaimQueries(data.Contexts).ListAsync(new ClaimFilter { Source = "Speaker 007" }, new PageRequest(0, 200));

        Assert.Equal(SeekPagingFixture.ClaimCount / 20, page.Total);
        Assert.False(page.TotalIsCapped);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task ClaimsListAsync_ClaimWithThousandsOfFigures_ShowsTheFirstFewAndCountsTheRest()
    {
        var page = await new ClaimQueries(data.Contexts).ListAsync(new ClaimFilter { Source = "Speaker 001" }, new PageRequest(0, 200));

        var heavy = Assert.Single(page.Items, r => r.Id == data.HeavyClaimId);
        Assert.Equal(ClaimQueries.FiguresPerRow, heavy.Figures.Count);
        Assert.Equal(SeekPagingFixture.HeavyFigures - ClaimQueries.FiguresPerRow, heavy.MoreFigures);
    }

    [Fact]
    public async Task FiguresAsync_OneClaimsFiguresByCursor_EveryFigureOnce()
    {
        var queries = new ClaimQueries(data.Contexts);
        var rows = await WalkAsync(cursor => queries.FiguresAsync(new ClaimFilter { Source = "Speaker 001" }, new PageRequest(0, 200, null, false, cursor)));

        Assert.Equal(SeekPagingFixture.HeavyFigures + (SeekPagingFixture.ClaimCount / 20), rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.FigureId).Distinct().Count());
    }

    [Fact]
    public async Task ClaimsListAsync_OffsetWithoutCursor_StillWorks()
    {
        var queries = new ClaimQueries(data.Contexts);
        var first = await queries.ListAsync(new ClaimFilter(), new PageRequest(0, 40));
        var second = await queries.ListAsync(new ClaimFilter(), new PageRequest(20, 20));

        Assert.Equal(first.Items.Skip(20).Select(r => r.Id), second.Items.Select(r => r.Id));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eyJTIjoiUHVibGlzaGVkT24iLCJEIjp0cnVlLCJLIjpbMV19")]
    [InlineData("eyJTIjoiTm9Tb3J0IiwiRCI6dHJ1ZSwiSyI6WzEsMiwzXX0")]
    public void Fits_ForeignOrBrokenCursor_IsRefused(string text)
    {
        var fits = SeekCursor.TryDecode(text, out var cursor) && ClaimQueries.Orders.Fits(cursor!);

        Assert.False(fits);
    }

    private static async Task<List<T>> WalkAsync<T>(Func<SeekCursor?, Task<ListPage<T>>> read)
    {
        var all = new List<T>();
        SeekCursor? cursor = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await read(cursor);
            all.AddRange(page.Items);
            if (page.Next is null)
            {
                return all;
            }

            Assert.True(SeekCursor.TryDecode(page.Next, out cursor));
        }

        throw new InvalidOperationException("The list did not end.");
    }
}

public class SourceMatchTests(SeekPagingFixture data) : IClassFixture<SeekPagingFixture>
{
    [Theory]
    [InlineData("peaker 01", 10)]
    [InlineData("SPEAKER 019", 1)]
    [InlineData("zero alias", 1)]
    [InlineData("table tim", 1)]
    [InlineData("%", 0)]
    public async Task IdsAsync_PartOfANameOrAlias_FindsTheSources(string text, int expected)
    {
        await using var db = data.Contexts.CreateDbContext();

        var ids = await SourceMatch.IdsAsync(db, text, CancellationToken.None);

        Assert.Equal(expected, ids.Distinct().Count());
    }
}
