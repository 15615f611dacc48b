using ClaimsTracker.Data;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>Names to ids first, then lists filter by id: no substring match over a join.</summary>
public static class SourceMatch
{
    /// <summary>
    /// Ids of the sources whose name, or any alias, contains the text. Both look-ups are answered
    /// by trigram (pg_trgm) GIN indexes, so the claims can then be filtered by id alone.
    /// </summary>
    public static async Task<List<int>> IdsAsync(ClaimsDbContext db, string text, CancellationToken cancellationToken) =>
        await Ids(db, text).ToListAsync(cancellationToken);

    /// <summary>
    /// The same ids as a query, for a list of sources to filter by inside its own statement (no round
    /// trip of its own); lists of claims read the ids first so that the planner sees how few they are.
    /// </summary>
    public static IQueryable<int> Ids(ClaimsDbContext db, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(text);
        var pattern = $"%{Like.Escape(text.Trim())}%";
        // Aliases compare by their folded key, so "zelenskyy," and "ZELENSKYY" match alike.
        var key = NameKey.From(text);
        var byName = db.Sources.Where(s => EF.Functions.ILike(s.Name, pattern, "\\")).Select(s => s.Id);
        if (key.Length == 0)
        {
            return byName.Take(MaxMatches);
        }

        var keyPattern = $"%{Like.Escape(key)}%";
        var byAlias = db.SourceAliases.Where(a => EF.Functions.Like(a.NameKey, keyPattern, "\\")).Select(a => a.SourceId);
        return byName.Union(byAlias).Take(MaxMatches);
    }

    /// <summary>A source filter that matches more sources than this is cut there (a letter or two matches everyone anyway).</summary>
    public const int MaxMatches = 10_000;
}
