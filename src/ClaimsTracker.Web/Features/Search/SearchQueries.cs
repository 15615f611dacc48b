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

/// <summary>One ranked match; <see cref="Snippet"/> marks matched words with the two marker characters.</summary>
/// <summary>Hits for a text and its alias-expanded forms, with the source names the aliases stood for.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, IReadOnlyList<string> ExpandedTo);

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
            aliases = (await db.SourceAliases.AsNoTracking()
                    .Where(a => a.NameKey.Length > 0 && textKey.Contains(a.NameKey))
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

        // A claim matches on its summary and quote, and also on its source's name and report's title.
        var claims = await db.Claims.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                c.ReportId,
                c.Summary,
                Source = c.Source!.Name,
                Quote = c.Quote.Exact,
                Vector = EF.Property<NpgsqlTsVector>(c, SearchColumns.Vector)
                    .Concat(EF.Functions.ToTsVector(config, c.Source!.Name))
                    .Concat(EF.Functions.ToTsVector(config, c.Report!.Title)),
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
}
