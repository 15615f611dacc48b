using ClaimsTracker.Data;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Home;

public sealed record Overview(IReadOnlyList<(string Label, int Count, string Link)> Counts, IReadOnlyList<ReportRow> NewestReports);

public sealed class OverviewQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    public async Task<Overview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = new List<(string, int, string)>
        {
            ("reports", await db.Reports.CountAsync(cancellationToken), "/reports"),
            ("claims", await db.Claims.CountAsync(cancellationToken), "/reports"),
            ("sources", await db.Sources.CountAsync(cancellationToken), "/sources"),
            ("open conflicts", await db.Conflicts.CountAsync(c => c.Status == ConflictStatus.Open, cancellationToken), "/"),
        };
        var newest = await db.Reports.AsNoTracking()
            .OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id).Take(5)
            .Select(r => new ReportRow(r.Id, r.Title, r.Outlet!.Name, r.PublishedOn, r.Claims.Count, 0))
            .ToListAsync(cancellationToken);
        return new Overview(counts, newest);
    }
}
