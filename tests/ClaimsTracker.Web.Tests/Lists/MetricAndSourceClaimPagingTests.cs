using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Features.Sources;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Tests.Lists;

/// <summary>The metrics catalogue and a source's claims, paged by key like the other lists.</summary>
public class MetricAndSourceClaimPagingTests(SeekPagingFixture data) : IClassFixture<SeekPagingFixture>
{
    [Fact]
    public async Task SourceClaimsAsync_FollowingNextToTheEnd_SeesEveryClaimOnceNewestFirst()
    {
        await using var db = data.Contexts.CreateDbContext();
        var speaker = await db.Sources.SingleAsync(s => s.Name == "Speaker 001");
        var expected = await db.Claims.CountAsync(c => c.SourceId == speaker.Id || c.RelayedViaId == speaker.Id);
        var queries = new SourceQueries(data.Contexts);

        var rows = await WalkAsync(cursor => queries.ClaimsAsync(speaker.Id, new PageRequest(0, 17, Cursor: cursor)));

        Assert.True(expected > 100, "enough claims to need many pages");
        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, rows.Select(r => r.ClaimId).Distinct().Count());
        var days = rows.Select(r => r.PublishedOn).ToList();
        Assert.Equal(days.OrderDescending(), days);
    }

    [Fact]
    public async Task SourceClaimsAsync_FirstPage_CountsUpToTheCapAndOffersNext()
    {
        await using var db = data.Contexts.CreateDbContext();
        var speaker = await db.Sources.SingleAsync(s => s.Name == "Speaker 002");

        var page = await new SourceQueries(data.Contexts).ClaimsAsync(speaker.Id, new PageRequest(0, 20));

        Assert.Equal(20, page.Items.Count);
        Assert.Equal(await db.Claims.CountAsync(c => c.SourceId == speaker.Id || c.RelayedViaId == speaker.Id), page.Total);
        Assert.False(page.TotalIsCapped);
        Assert.NotNull(page.Next);
    }

    [Theory]
    [InlineData(nameof(MetricRow.Name), false)]
    [InlineData(nameof(MetricRow.Name), true)]
    [InlineData(nameof(MetricRow.Kind), false)]
    [InlineData(nameof(MetricRow.Kind), true)]
    public async Task MetricsListAsync_FollowingNext_EveryMetricOnceInOrder(string sort, bool descending)
    {
        await using var db = data.Contexts.CreateDbContext();
        var expected = await db.Metrics.CountAsync();
        var queries = new MetricQueries(data.Contexts);

        var rows = await WalkAsync(cursor => queries.ListAsync(new PageRequest(0, 1, sort, descending, cursor)));

        Assert.True(expected >= 2, "enough metrics to need more than one page");
        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, rows.Select(r => r.Id).Distinct().Count());
        if (sort == nameof(MetricRow.Name))
        {
            var names = rows.Select(r => r.Name).ToList();
            Assert.Equal(descending ? names.OrderDescending(StringComparer.Ordinal) : names.Order(StringComparer.Ordinal), names);
        }

        // Each row still carries its own counts.
        Assert.Equal(await db.Figures.CountAsync(), rows.Sum(r => r.FigureCount));
    }

    private static async Task<List<T>> WalkAsync<T>(Func<SeekCursor?, Task<ListPage<T>>> read)
    {
        var all = new List<T>();
        SeekCursor? cursor = null;
        for (var pages = 0; pages < 2000; pages++)
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
