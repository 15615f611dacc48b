using ClaimsTracker.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.Reports;

/// <summary>A stored report that looks like the one being saved, and why.</summary>
public sealed record DuplicateReport(int Id, string Title, string Outlet, DateOnly PublishedOn, string Why);

/// <summary>
/// Finds stored reports that <see cref="DuplicateReportRule"/> calls the same as a new or edited one. Candidates come
/// through indexes only (the URL, outlet and day, and the text's sketch through its GIN index); just the few
/// candidates' texts are read and compared word by word.
/// </summary>
public static class ReportDuplicates
{
    /// <summary>
    /// How many stored texts are compared word by word at most per report: those sharing the most sketch values
    /// first. Unlike texts rarely share one, so a handful of candidates is the usual case.
    /// </summary>
    private const int TextCandidates = 20;

    public static async Task<IReadOnlyList<DuplicateReport>> FindAsync(
        ClaimsDbContext db, ReportIdentity candidate, int? exceptId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var found = await FindManyAsync(db, [candidate], exceptId, cancellationToken);
        return found[0];
    }

    /// <summary>The stored look-alikes of each of <paramref name="candidates"/> (in the same order), with two queries in all.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<DuplicateReport>>> FindManyAsync(
        ClaimsDbContext db, IReadOnlyList<ReportIdentity> candidates, int? exceptId, CancellationToken cancellationToken = default) =>
        (await FindManyCountingAsync(db, candidates, exceptId, cancellationToken: cancellationToken)).Found;

    /// <summary>
    /// <see cref="FindManyAsync"/>, and how many stored texts were compared word by word (the import reports it). The
    /// import passes the candidates' prints it has read already (<paramref name="read"/>, in the same order).
    /// </summary>
    internal static async Task<(IReadOnlyList<IReadOnlyList<DuplicateReport>> Found, int TextsCompared)> FindManyCountingAsync(
        ClaimsDbContext db, IReadOnlyList<ReportIdentity> candidates, int? exceptId,
        IReadOnlyList<(TextPrint Print, int[] Sketch)>? read = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return ([], 0);
        }

        var wanted = candidates.Select((c, i) =>
        {
            var (print, sketch) = read is null ? Read(c.Text) : read[i];
            return new Wanted(c, Url(c.Url), print, sketch);
        }).ToList();
        var urls = wanted.Where(w => w.Url is not null).Select(w => w.Url!).Distinct().ToArray();
        var outlets = wanted.Where(w => w.Identity.OutletId is not null).Select(w => w.Identity.OutletId!.Value).Distinct().ToArray();
        var days = wanted.Select(w => w.Identity.PublishedOn).Distinct().ToArray();
        var sketchValues = wanted.SelectMany(w => w.Sketch).Distinct().ToArray();
        var except = exceptId ?? 0;

        // Each branch has its index: Url (btree), (OutletId, PublishedOn) (btree), TextSketch (GIN, overlap).
        // Outlets and days are matched separately, so some rows are extra; they are sorted out below.
        var rows = await db.Database.SqlQuery<CandidateRow>($"""
                SELECT r."Id", r."Url", r."OutletId", r."PublishedOn", length(r."Text") AS "Length", r."TextSketch"
                FROM "Reports" r
                WHERE r."Id" <> {except}
                  AND (r."Url" = ANY({urls})
                    OR (r."OutletId" = ANY({outlets}) AND r."PublishedOn" = ANY({days}))
                    OR r."TextSketch" && {sketchValues})
                """)
            .ToListAsync(cancellationToken);

        var chosen = wanted.Select(w => Choose(w, rows)).ToList();
        var ids = chosen.SelectMany(c => c).Distinct().ToList();
        var stored = ids.Count == 0
            ? []
            : await db.Reports.AsNoTracking()
                .Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Url, r.Title, r.OutletId, Outlet = r.Outlet!.Name, r.PublishedOn, r.Text })
                .ToDictionaryAsync(r => r.Id, cancellationToken);

        // A stored report is often a candidate for several reports of a batch: each text is read once.
        var prints = new Dictionary<int, TextPrint>();
        TextPrint PrintOf(int id) => prints.TryGetValue(id, out var print) ? print : prints[id] = DuplicateReportRule.Print(stored[id].Text);
        var found = wanted.Zip(chosen, (w, ids) => (IReadOnlyList<DuplicateReport>)ids
                .Select(id => stored[id])
                .Select(r => (r, Why: DuplicateReportRule.Why(w.Identity, new ReportIdentity(r.Url, r.Title, r.OutletId, r.PublishedOn, r.Text), w.Print, PrintOf(r.Id))))
                .Where(x => x.Why is not null)
                .Select(x => new DuplicateReport(x.r.Id, x.r.Title, x.r.Outlet, x.r.PublishedOn, x.Why!))
                .ToList())
            .ToList();
        return (found, chosen.Sum(c => c.Count));
    }

    /// <summary>
    /// The stored reports worth comparing with one candidate: the same URL, or the same outlet and day (the rule then
    /// compares titles), and the texts of a comparable length that share the most sketch values with it.
    /// </summary>
    private static List<int> Choose(Wanted wanted, List<CandidateRow> rows)
    {
        var (shortest, longest) = DuplicateReportRule.ComparableLengths(wanted.Identity.Text.Length);
        var sameFacts = rows.Where(r => (wanted.Url is not null && Url(r.Url) == wanted.Url)
            || (r.OutletId == wanted.Identity.OutletId && r.PublishedOn == wanted.Identity.PublishedOn));
        var similarText = rows
            .Where(r => r.Length >= shortest && r.Length <= longest)
            .Select(r => (r.Id, Shared: r.TextSketch.Count(wanted.Sketch.Contains)))
            .Where(r => r.Shared > 0)
            .OrderByDescending(r => r.Shared).ThenByDescending(r => r.Id)
            .Take(TextCandidates)
            .Select(r => r.Id);
        return sameFacts.Select(r => r.Id).Concat(similarText).Distinct().ToList();
    }

    private static (TextPrint, int[]) Read(string text)
    {
        var print = DuplicateReportRule.Print(text);
        return (print, DuplicateReportRule.Sketch(print));
    }

    private static string? Url(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();

    private sealed record Wanted(ReportIdentity Identity, string? Url, TextPrint Print, int[] Sketch);

    /// <summary>What the first query reads of a stored report: no text, only what chooses the candidates.</summary>
    private sealed record CandidateRow(int Id, string? Url, int OutletId, DateOnly PublishedOn, int Length, int[] TextSketch);
}
