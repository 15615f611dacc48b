using ClaimsTracker.Data;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Claims;

public sealed record ClaimRow(
    int Id, int ReportId, string ReportTitle, string Outlet, DateOnly PublishedOn, string Source, string? RelayedVia,
    string Summary, IReadOnlyList<string> Figures, int OpenConflicts);

public sealed record Option(int Id, string Name);

/// <summary>A figure with its claim and report, flat, as exports write it.</summary>
public sealed record FigureExportRow(
    int ClaimId, int FigureId, int ReportId, string ReportTitle, string Outlet, DateOnly PublishedOn, string? Url,
    string Source, string? RelayedVia, string Summary, string Quote,
    string Metric, string Scope, string AsWritten, ClaimsTracker.Domain.Figures.Qualifier Qualifier,
    decimal? Low, decimal? Best, decimal? High, string? Unit,
    ClaimsTracker.Domain.Figures.TimeReferenceKind TimeKind, DateOnly? TimeStart, DateOnly? TimeEnd, ClaimsTracker.Domain.Figures.FigureRank Rank);

/// <summary>The claims explorer's queries: filtered, counted and paged in PostgreSQL.</summary>
public sealed class ClaimQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    public async Task<PageOf<ClaimRow>> ListAsync(ClaimFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var ordered = (page.SortBy, page.Descending) switch
        {
            (nameof(ClaimRow.Source), false) => query.OrderBy(c => c.Source!.Name),
            (nameof(ClaimRow.Source), true) => query.OrderByDescending(c => c.Source!.Name),
            (nameof(ClaimRow.Outlet), false) => query.OrderBy(c => c.Report!.Outlet!.Name),
            (nameof(ClaimRow.Outlet), true) => query.OrderByDescending(c => c.Report!.Outlet!.Name),
            (nameof(ClaimRow.PublishedOn), false) => query.OrderBy(c => c.Report!.PublishedOn),
            _ => query.OrderByDescending(c => c.Report!.PublishedOn),
        };
        var rows = await ordered.ThenBy(c => c.Id)
            .Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(c => new
            {
                c.Id,
                c.ReportId,
                ReportTitle = c.Report!.Title,
                Outlet = c.Report.Outlet!.Name,
                c.Report.PublishedOn,
                Source = c.Source!.Name,
                RelayedVia = c.RelayedVia == null ? null : c.RelayedVia.Name,
                c.Summary,
                Figures = c.Figures.OrderBy(f => f.Id).Select(f => new { f.AsWritten, Metric = f.Metric!.Name }).ToList(),
                OpenConflicts = db.ConflictMembers.Count(m => m.Figure!.ClaimId == c.Id
                    && db.Conflicts.Any(k => k.Id == m.ConflictId && k.Status == ConflictStatus.Open)),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ClaimRow(r.Id, r.ReportId, r.ReportTitle, r.Outlet, r.PublishedOn, r.Source, r.RelayedVia,
            r.Summary, r.Figures.Select(f => $"{f.AsWritten} ({f.Metric})").ToList(), r.OpenConflicts)).ToList();
        return new PageOf<ClaimRow>(items, total);
    }

    public async Task<int?> ReportIdOfAsync(int claimId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Claims.Where(c => c.Id == claimId).Select(c => (int?)c.ReportId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Option>> OutletsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sources.Where(s => db.Reports.Any(r => r.OutletId == s.Id))
            .OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Outlets whose name contains the text, a screenful at most: pickers search on the server.</summary>
    public async Task<IReadOnlyList<Option>> FindOutletsAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outlets = db.Sources.Where(s => db.Reports.Any(r => r.OutletId == s.Id));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Like.Escape(text.Trim())}%";
            outlets = outlets.Where(s => EF.Functions.ILike(s.Name, pattern, "\\"));
        }

        return await outlets.OrderBy(s => s.Name).Take(Math.Clamp(take, 1, 50)).Select(s => new Option(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Metrics whose name contains the text, a screenful at most.</summary>
    public async Task<IReadOnlyList<Option>> FindMetricsAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var metrics = db.Metrics.AsQueryable();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Like.Escape(text.Trim())}%";
            metrics = metrics.Where(m => EF.Functions.ILike(m.Name, pattern, "\\"));
        }

        return await metrics.OrderBy(m => m.Name).Take(Math.Clamp(take, 1, 50)).Select(m => new Option(m.Id, m.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The names behind the ids in a URL, so a picker shows what the link selected.</summary>
    public async Task<(Option? Outlet, Option? Metric)> NamesAsync(int? outletId, int? metricId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outlet = outletId is null ? null : await db.Sources.Where(s => s.Id == outletId).Select(s => new Option(s.Id, s.Name)).FirstOrDefaultAsync(cancellationToken);
        var metric = metricId is null ? null : await db.Metrics.Where(m => m.Id == metricId).Select(m => new Option(m.Id, m.Name)).FirstOrDefaultAsync(cancellationToken);
        return (outlet, metric);
    }

    public async Task<IReadOnlyList<Option>> MetricsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Metrics.OrderBy(m => m.Name).Select(m => new Option(m.Id, m.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One row per figure of every claim the filter matches, read as a stream: an export of the
    /// whole table never holds more than the row being written.
    /// </summary>
    public async IAsyncEnumerable<FigureExportRow> ExportAsync(ClaimFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in FigureRows(db, filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>The same rows one page at a time: the API's figures resource.</summary>
    public async Task<PageOf<FigureExportRow>> FiguresAsync(ClaimFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = FigureRows(db, filter);
        return new PageOf<FigureExportRow>(
            await rows.Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken),
            await rows.CountAsync(cancellationToken));
    }

    private static IQueryable<FigureExportRow> FigureRows(ClaimsDbContext db, ClaimFilter filter)
    {
        var claimIds = Filtered(db, filter).Select(c => c.Id);
        return db.Figures.AsNoTracking()
            .Where(f => claimIds.Contains(f.ClaimId))
            .OrderBy(f => f.ClaimId).ThenBy(f => f.Id)
            .Select(f => new FigureExportRow(
                f.ClaimId, f.Id, f.Claim!.ReportId, f.Claim.Report!.Title, f.Claim.Report.Outlet!.Name, f.Claim.Report.PublishedOn, f.Claim.Report.Url,
                f.Claim.Source!.Name, f.Claim.RelayedVia == null ? null : f.Claim.RelayedVia.Name, f.Claim.Summary, f.Claim.Quote.Exact,
                f.Metric!.Key, f.Scope, f.AsWritten, f.Qualifier, f.Low, f.Best, f.High, f.Unit,
                f.Time.Kind, f.Time.Start, f.Time.End, f.Rank));
    }

    private static IQueryable<Claim> Filtered(ClaimsDbContext db, ClaimFilter filter)
    {
        var query = db.Claims.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            var pattern = $"%{Like.Escape(filter.Source.Trim())}%";
            // Aliases compare by their folded key, so "zelenskyy," and "ZELENSKYY" match alike.
            var key = NameKey.From(filter.Source);
            var keyPattern = $"%{Like.Escape(key)}%";
            var sourceIds = db.Sources.Where(s => EF.Functions.ILike(s.Name, pattern, "\\")
                    || (key.Length > 0 && s.Aliases.Any(a => EF.Functions.Like(a.NameKey, keyPattern, "\\"))))
                .Select(s => s.Id);
            query = query.Where(c => sourceIds.Contains(c.SourceId) || (c.RelayedViaId != null && sourceIds.Contains(c.RelayedViaId.Value)));
        }

        if (filter.OutletId is { } outletId)
        {
            query = query.Where(c => c.Report!.OutletId == outletId);
        }

        if (filter.MetricId is { } metricId)
        {
            query = query.Where(c => c.Figures.Any(f => f.MetricId == metricId));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Figures.Any(f => f.Kind == kind));
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.Report!.PublishedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.Report!.PublishedOn <= to);
        }

        if (filter.HasConflict is { } hasConflict)
        {
            var inOpenConflict = db.ConflictMembers
                .Where(m => db.Conflicts.Any(k => k.Id == m.ConflictId && k.Status == ConflictStatus.Open))
                .Select(m => m.Figure!.ClaimId);
            query = hasConflict
                ? query.Where(c => inOpenConflict.Contains(c.Id))
                : query.Where(c => !inOpenConflict.Contains(c.Id));
        }

        return query;
    }
}
