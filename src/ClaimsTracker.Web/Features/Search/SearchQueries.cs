using ClaimsTracker.Data;
using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace ClaimsTracker.Web.Features.Search;

public enum SearchHitKind
{
    Report,
    Claim,
}

/// <summary>Hits for a text and its alias-expanded forms, with the source names the aliases stood for.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, IReadOnlyList<string> ExpandedTo);

/// <summary>One ranked match; <see cref="Snippet"/> marks matched words with the two marker characters.</summary>
public sealed record SearchHit(SearchHitKind Kind, int Id, int ReportId, string Title, string? Source, string Snippet, float Rank);

/// <summary>
/// PostgreSQL full-text search over report texts, claim summaries and quotes, and source names,
/// with the 'english' configuration the stored vectors use. Matched words come back between
/// <see cref="MatchStart"/> and <see cref="MatchEnd"/> so the page can encode the text first
/// and only then add highlighting.
/// </summary>
public sealed class SearchQueries(IDbContextFactory<ClaimsDbContext> contexts)
{
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';
    public const int MaxHitsPerKind = 50;

    /// <summary>Sources whose names share a word with the search; their claims become candidates.</summary>
    public const int MaxSourcesPerSearch = 500;
    private const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// Searches the text as typed and, where it names a source by an alias ("Zelenskyy"), also with
    /// the source's own name in its place, as the claims explorer does: claims match on their
    /// source's name, so an alias alone would miss them.
    /// </summary>
    public async Task<SearchResult> SearchWithAliasesAsync(string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchResult([], []);
        }

        var textKey = NameKey.From(text);
        List<(string AliasKey, string SourceName)> aliases = [];
        if (textKey.Length > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // Every run of up to six words of the text is a candidate alias key, looked up by the
            // unique NameKey index rather than by scanning every alias for a substring.
            var words = textKey.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(32).ToArray();
            var candidates = Enumerable.Range(0, words.Length)
                .SelectMany(start => Enumerable.Range(1, Math.Min(6, words.Length - start)).Select(length => string.Join(' ', words, start, length)))
                .Distinct().ToList();
            aliases = (await db.SourceAliases.AsNoTracking()
                    .Where(a => candidates.Contains(a.NameKey))
                    .Select(a => new { a.NameKey, db.Sources.First(s => s.Id == a.SourceId).Name })
                    .Take(20)
                    .ToListAsync(cancellationToken))
                .Where(a => $" {textKey} ".Contains($" {a.NameKey} ", StringComparison.Ordinal) && NameKey.From(a.Name) != a.NameKey)
                .Select(a => (a.NameKey, a.Name))
                .Distinct()
                .Take(3)
                .ToList();
        }

        var hits = (await SearchAsync(text, cancellationToken)).ToList();
        foreach (var (aliasKey, sourceName) in aliases)
        {
            var expanded = $" {textKey} ".Replace($" {aliasKey} ", $" {sourceName} ", StringComparison.Ordinal).Trim();
            hits.AddRange(await SearchAsync(expanded, cancellationToken));
        }

        var merged = hits.GroupBy(h => (h.Kind, h.Id)).Select(g => g.MaxBy(h => h.Rank)!)
            .OrderByDescending(h => h.Rank).ThenBy(h => h.Kind).ThenBy(h => h.Id).ToList();
        return new SearchResult(merged, aliases.Select(a => a.SourceName).Distinct().ToList());
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        const string config = SearchColumns.Configuration;
        var reports = await db.Reports.AsNoTracking()
            .Where(r => EF.Property<NpgsqlTsVector>(r, SearchColumns.Vector).Matches(EF.Functions.WebSearchToTsQuery(config, text)))
            .Select(r => new
            {
                r.Id,
                r.Title,
                Outlet = r.Outlet!.Name,
                Snippet = EF.Functions.WebSearchToTsQuery(config, text).GetResultHeadline(r.Text, HeadlineOptions),
                Rank = EF.Property<NpgsqlTsVector>(r, SearchColumns.Vector).Rank(EF.Functions.WebSearchToTsQuery(config, text)),
            })
            .OrderByDescending(h => h.Rank).ThenBy(h => h.Id)
            .Take(MaxHitsPerKind)
            .ToListAsync(cancellationToken);

        // A claim matches on its summary and quote (its stored vector) together with its source's
        // name (the source's stored vector), so "Halvorsen casualties" finds the minister's claim.
        // Candidates come from the two GIN indexes: claims whose own vector matches, or claims by
        // a source whose name has any of the words; the whole query is then checked on both.
        var anyWord = AnyWordQuery(text);
        var sourceIds = anyWord.Length == 0 ? [] : await db.Sources.AsNoTracking()
            .Where(s => EF.Property<NpgsqlTsVector>(s, SearchColumns.Vector).Matches(EF.Functions.WebSearchToTsQuery(config, anyWord)))
            .Select(s => s.Id).Take(MaxSourcesPerSearch)
            .ToListAsync(cancellationToken);
        var claims = await db.Claims.AsNoTracking()
            .Where(c => EF.Property<NpgsqlTsVector>(c, SearchColumns.Vector).Matches(EF.Functions.WebSearchToTsQuery(config, text))
                || sourceIds.Contains(c.SourceId))
            .Select(c => new
            {
                c.Id,
                c.ReportId,
                c.Summary,
                Source = c.Source!.Name,
                Quote = c.Quote.Exact,
                Vector = EF.Property<NpgsqlTsVector>(c, SearchColumns.Vector).Concat(EF.Property<NpgsqlTsVector>(c.Source, SearchColumns.Vector)),
            })
            .Where(c => c.Vector.Matches(EF.Functions.WebSearchToTsQuery(config, text)))
            .Select(c => new
            {
                c.Id,
                c.ReportId,
                c.Summary,
                c.Source,
                Snippet = EF.Functions.WebSearchToTsQuery(config, text).GetResultHeadline(c.Quote, HeadlineOptions),
                Rank = c.Vector.Rank(EF.Functions.WebSearchToTsQuery(config, text)),
            })
            .OrderByDescending(h => h.Rank).ThenBy(h => h.Id)
            .Take(MaxHitsPerKind)
            .ToListAsync(cancellationToken);

        var hits = reports.Select(r => new SearchHit(SearchHitKind.Report, r.Id, r.Id, r.Title, r.Outlet, r.Snippet, r.Rank))
            .Concat(claims.Select(c => new SearchHit(SearchHitKind.Claim, c.Id, c.ReportId, c.Summary, c.Source, c.Snippet, c.Rank)));
        return [.. hits.OrderByDescending(h => h.Rank).ThenBy(h => h.Kind).ThenBy(h => h.Id)];
    }

    /// <summary>The search's plain words joined with "or" (websearch syntax), for finding sources that name any of them.</summary>
    internal static string AnyWordQuery(string text)
    {
        var words = text.Split([' ', '\t', '\n', '\r', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.StartsWith('-') && !string.Equals(w, "or", StringComparison.OrdinalIgnoreCase))
            .Take(16);
        return string.Join(" or ", words);
    }
}
