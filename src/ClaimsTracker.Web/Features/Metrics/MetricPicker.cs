using ClaimsTracker.Data;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Metrics;

/// <summary>Server search behind the metric pickers: a few matches by name or key per keystroke.</summary>
public sealed class MetricPicker(IDbContextFactory<ClaimsDbContext> contexts)
{
    public const int MaxMatches = 20;

    public async Task<IReadOnlyList<MetricOption>> SearchAsync(string? text, int? exceptId = null, FigureKind? kind = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var metrics = db.Metrics.AsNoTracking().Where(m => m.Id != exceptId);
        if (kind is { } only)
        {
            metrics = metrics.Where(m => m.Kind == only);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Like.Escape(text.Trim())}%";
            metrics = metrics.Where(m => EF.Functions.ILike(m.Name, pattern, "\\") || EF.Functions.ILike(m.Key, pattern, "\\"));
        }

        return await metrics.OrderBy(m => m.Name).Take(MaxMatches).Select(m => new MetricOption(m.Id, m.Name, m.Kind)).ToListAsync(cancellationToken);
    }

    /// <summary>The options for metrics already chosen, so a form shows their names.</summary>
    public async Task<IReadOnlyList<MetricOption>> ByIdsAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Metrics.AsNoTracking().Where(m => wanted.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new MetricOption(m.Id, m.Name, m.Kind)).ToListAsync(cancellationToken);
    }
}
