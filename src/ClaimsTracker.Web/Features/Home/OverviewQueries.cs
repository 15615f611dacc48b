using ClaimsTracker.Data;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Features.Reports;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Home;

public sealed record Overview(
    IReadOnlyList<(string Label, int Count, string Link)> Counts,
    ConflictCounts Conflicts,
    IReadOnlyList<ConflictRow> WorstConflicts,
    IReadOnlyList<MetricRow> MostDisputedMetrics,
    IReadOnlyList<ReportRow> NewestReports);

/// <summary>The dashboard: what is disputed, how badly, and what came in last.</summary>
public sealed class OverviewQueries(IDbContextFactory<ClaimsDbContext> contexts, ConflictQueries conflicts, MetricQueries metrics)
{
    private const int ListLength = 5;

    public async Task<Overview> GetAsync(CancellationToken cancellationToken = default)
    {
        var conflictCounts = await conflicts.CountsAsync(cancellationToken);
        var worst = await conflicts.ListAsync(new ConflictFilter(), null, new PageRequest(0, ListLength), cancellationToken);
        var disputed = await metrics.MostDisputedAsync(ListLength, cancellationToken);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = new List<(string, int, string)>
        {
            ("reports", await db.Reports.CountAsync(cancellationToken), "/reports"),
            ("claims", await db.Claims.CountAsync(cancellationToken), "/claims"),
            ("sources", await db.Sources.CountAsync(cancellationToken), "/sources"),
            ("open conflicts", conflictCounts.Open, "/conflicts"),
        };
        var newest = await db.Reports.AsNoTracking()
            .OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id).Take(ListLength)
            .Select(r => new ReportRow(r.Id, r.Title, r.Outlet!.Name, r.PublishedOn, r.Claims.Count, r.Claims.SelectMany(c => c.Figures).Count()))
            .ToListAsync(cancellationToken);
        return new Overview(counts, conflictCounts, worst.Items, disputed.Where(m => m.OpenConflicts > 0).ToList(), newest);
    }
}
