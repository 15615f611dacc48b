using ClaimsTracker.Data;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Sources;

public sealed record SourceRow(int Id, string Name, SourceKind Kind, string? Affiliation, IReadOnlyList<string> Aliases, int ClaimCount);

public sealed record SourceDetail(int Id, string Name, SourceKind Kind, string? Affiliation, string? Description, IReadOnlyList<string> Aliases);

/// <summary>How a source's figures fared with reviewers: preferred, deprecated, still disputed.</summary>
public sealed record TrackRecord(int Figures, int Preferred, int Deprecated, int InOpenConflicts);

/// <summary>One audited change of the source: created, edited, merged.</summary>
public sealed record SourceHistoryEntry(DateTimeOffset At, string UserName, string Action, string? Note);

public sealed record SourceClaimRow(int ClaimId, int ReportId, string ReportTitle, string Outlet, DateOnly PublishedOn, string Summary, string? RelayedVia, bool AsRelay);

/// <summary>Read-only queries behind the sources pages; a fresh context per call.</summary>
public sealed class SourceQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    /// <summary>By name by default; a missing affiliation sorts as empty text so every row has a key.</summary>
    public static readonly SeekOrders<Source> Orders = new SeekOrders<Source>(nameof(SourceRow.Name), false, s => s.Id)
        .Add(nameof(SourceRow.Name), s => s.Name)
        .Add(nameof(SourceRow.Kind), s => s.Kind)
        .Add(nameof(SourceRow.Affiliation), s => s.Affiliation ?? "");

    /// <summary>Sources whose name or any alias contains <paramref name="search"/> ("zelenskyy" finds Zelensky).</summary>
    public async Task<ListPage<SourceRow>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Sources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // A subquery, not a list read first: the page, its count and the match are one statement.
            var ids = SourceMatch.Ids(db, search);
            query = query.Where(s => ids.Contains(s.Id));
        }

        return await Orders.PageAsync(query, page,
            s => new SourceRow(s.Id, s.Name, s.Kind, s.Affiliation,
                s.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                db.Claims.Count(c => c.SourceId == s.Id)),
            r => r.Id, cancellationToken);
    }

    public async Task<SourceDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sources.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SourceDetail(s.Id, s.Name, s.Kind, s.Affiliation, s.Description,
                s.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The source's audit entries, newest first; a merge is recorded on the survivor with its note.</summary>
    public async Task<IReadOnlyList<SourceHistoryEntry>> HistoryAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Source) && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Select(a => new SourceHistoryEntry(a.At, a.UserName, a.Action, a.Note))
            .ToListAsync(cancellationToken);
    }

    public async Task<TrackRecord> TrackRecordAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var figures = db.Figures.Where(f => f.Claim!.SourceId == sourceId);
        var inOpen = db.ConflictMembers
            .Where(m => db.Conflicts.Any(c => c.Id == m.ConflictId && c.Status == ConflictStatus.Open))
            .Select(m => m.FigureId);
        return new TrackRecord(
            await figures.CountAsync(cancellationToken),
            await figures.CountAsync(f => f.Rank == FigureRank.Preferred, cancellationToken),
            await figures.CountAsync(f => f.Rank == FigureRank.Deprecated, cancellationToken),
            await figures.CountAsync(f => inOpen.Contains(f.Id), cancellationToken));
    }

    /// <summary>
    /// A source's claims, newest report first: (report day, report, claim) as in the explorer, so the reports index on
    /// (PublishedOn, Id) bounds each page.
    /// </summary>
    public static readonly SeekOrders<Claim> ClaimOrders = new SeekOrders<Claim>(nameof(SourceClaimRow.PublishedOn), true, c => c.Id)
        .Add(nameof(SourceClaimRow.PublishedOn), c => c.Report!.PublishedOn, c => c.Report!.Id);

    /// <summary>Claims the source made, and claims it relayed for others, newest report first, one page by key.</summary>
    public async Task<ListPage<SourceClaimRow>> ClaimsAsync(int sourceId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Claims.AsNoTracking().Where(c => c.SourceId == sourceId || c.RelayedViaId == sourceId);
        return await ClaimOrders.PageAsync(query, page,
            c => new SourceClaimRow(c.Id, c.ReportId, c.Report!.Title, c.Report.Outlet!.Name, c.Report.PublishedOn,
                c.Summary, c.RelayedVia == null ? null : c.RelayedVia.Name, c.SourceId != sourceId),
            r => r.ClaimId, cancellationToken);
    }
}
