using ClaimsTracker.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.Reports;

/// <summary>A stored report that looks like the one being saved, and why.</summary>
public sealed record DuplicateReport(int Id, string Title, string Outlet, DateOnly PublishedOn, string Why);

/// <summary>Finds stored reports that <see cref="DuplicateReportRule"/> calls the same as a new or edited one.</summary>
public static class ReportDuplicates
{
    /// <summary>How many stored texts of a similar length are compared word by word, newest first.</summary>
    private const int TextCandidates = 200;

    public static async Task<IReadOnlyList<DuplicateReport>> FindAsync(
        ClaimsDbContext db, ReportIdentity candidate, int? exceptId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(candidate);
        var url = string.IsNullOrWhiteSpace(candidate.Url) ? null : candidate.Url.Trim();
        var title = candidate.Title.Trim();
        var (shortest, longest) = DuplicateReportRule.ComparableLengths(candidate.Text.Length);
        var sameFacts = await db.Reports.AsNoTracking()
            .Where(r => r.Id != exceptId && ((url != null && r.Url == url)
                || (r.OutletId == candidate.OutletId && r.PublishedOn == candidate.PublishedOn && r.Title.ToLower() == title.ToLower())))
            .Select(r => new { r.Id, r.Url, r.Title, r.OutletId, Outlet = r.Outlet!.Name, r.PublishedOn, r.Text })
            .ToListAsync(cancellationToken);
        var similarText = await db.Reports.AsNoTracking()
            .Where(r => r.Id != exceptId && r.Text.Length >= shortest && r.Text.Length <= longest)
            .OrderByDescending(r => r.Id).Take(TextCandidates)
            .Select(r => new { r.Id, r.Url, r.Title, r.OutletId, Outlet = r.Outlet!.Name, r.PublishedOn, r.Text })
            .ToListAsync(cancellationToken);

        return sameFacts.Concat(similarText).DistinctBy(r => r.Id)
            .Select(r => (r, Why: DuplicateReportRule.Why(candidate, new ReportIdentity(r.Url, r.Title, r.OutletId, r.PublishedOn, r.Text))))
            .Where(x => x.Why is not null)
            .Select(x => new DuplicateReport(x.r.Id, x.r.Title, x.r.Outlet, x.r.PublishedOn, x.Why!))
            .ToList();
    }
}
