using ClaimsTracker.Data;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.Sources;

/// <summary>
/// Server search behind the source pickers: a few matches by name or alias per keystroke, never
/// the whole catalogue in the browser.
/// </summary>
public sealed class SourcePicker(IDbContextFactory<ClaimsDbContext> contexts)
{
    public const int MaxMatches = 20;

    public async Task<IReadOnlyList<SourceOption>> SearchAsync(string? text, int? exceptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sources = db.Sources.AsNoTracking().Where(s => s.Id != exceptId);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{Like.Escape(text.Trim())}%";
            sources = sources.Where(s => EF.Functions.ILike(s.Name, pattern, "\\") || s.Aliases.Any(a => EF.Functions.ILike(a.Name, pattern, "\\")));
        }

        return await sources.OrderBy(s => s.Name).Take(MaxMatches).Select(s => new SourceOption(s.Id, s.Name)).ToListAsync(cancellationToken);
    }
}
