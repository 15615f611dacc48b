using System.Data.Common;
using ClaimsTracker.Data;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Claims;
using ClaimsTracker.Web.Features.Sources;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClaimsTracker.Web.Tests.Lists;

/// <summary>
/// A page reads its rows, the capped count and the next page's cursor in one statement; every
/// further round trip is paid by every request of every list.
/// </summary>
public class OneStatementPagingTests(SeekPagingFixture data) : IClassFixture<SeekPagingFixture>
{
    [Fact]
    public async Task ClaimsListAsync_FirstPageWithANextOne_ReadsRowsCountAndCursorInOneStatement()
    {
        var contexts = new CountingContexts(data.Contexts);

        var page = await new ClaimQueries(contexts).ListAsync(new ClaimFilter(), new PageRequest(0, 20));

        Assert.Equal(20, page.Items.Count);
        Assert.True(page.TotalIsCapped);
        Assert.NotNull(page.Next);
        Assert.Equal(1, contexts.Statements);
    }

    [Fact]
    public async Task ClaimsListAsync_PageAfterACursor_ContinuesInOneStatement()
    {
        var first = await new ClaimQueries(data.Contexts).ListAsync(new ClaimFilter(), new PageRequest(0, 20));
        Assert.True(SeekCursor.TryDecode(first.Next, out var cursor));
        var contexts = new CountingContexts(data.Contexts);

        var second = await new ClaimQueries(contexts).ListAsync(new ClaimFilter(), new PageRequest(0, 20, null, false, cursor));

        Assert.Equal(20, second.Items.Count);
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
        Assert.Equal(ListPage.CountCap, second.Total);
        Assert.Equal(1, contexts.Statements);
    }

    [Fact]
    public async Task SourcesListAsync_SearchByPartOfAName_MatchesCountsAndPagesInOneStatement()
    {
        var contexts = new CountingContexts(data.Contexts);

        var page = await new SourceQueries(contexts).ListAsync("peaker 01", new PageRequest(0, 4));

        Assert.Equal(4, page.Items.Count);
        Assert.Equal(10, page.Total);
        Assert.False(page.TotalIsCapped);
        Assert.NotNull(page.Next);
        Assert.All(page.Items, s => Assert.Contains("peaker 01", s.Name, StringComparison.Ordinal));
        Assert.Equal(1, contexts.Statements);
    }

    [Fact]
    public async Task ClaimsListAsync_OffsetPastTheLastMatch_StillCountsTheMatches()
    {
        // An empty page has no row to carry the count, so it is counted on its own.
        var page = await new ClaimQueries(data.Contexts).ListAsync(new ClaimFilter { Source = "Speaker 007" }, new PageRequest(1000, 20));

        Assert.Empty(page.Items);
        Assert.Equal(SeekPagingFixture.ClaimCount / 20, page.Total);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task SourcesListAsync_NoMatch_IsEmptyWithATotalOfZero()
    {
        var page = await new SourceQueries(data.Contexts).ListAsync("nobody by this name", new PageRequest());

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Null(page.Next);
    }

    /// <summary>Contexts on the fixture's database that count the statements they send.</summary>
    private sealed class CountingContexts(TestContextFactory inner) : IDbContextFactory<ClaimsDbContext>
    {
        private readonly string connectionString = ConnectionStringOf(inner);
        private readonly StatementCounter counter = new();

        public int Statements => counter.Count;

        public ClaimsDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<ClaimsDbContext>().UseNpgsql(connectionString).AddInterceptors(counter).Options);

        private static string ConnectionStringOf(TestContextFactory contexts)
        {
            using var db = contexts.CreateDbContext();
            return db.Database.GetConnectionString()!;
        }
    }

    private sealed class StatementCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
