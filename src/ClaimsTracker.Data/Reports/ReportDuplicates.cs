using System.Text;
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
    /// <see cref="FindManyAsync"/>, how many stored texts were compared word by word and how many candidate rows the
    /// indexed query returned (the import reports both). The
    /// import passes the candidates' prints it has read already (<paramref name="read"/>, in the same order).
    /// </summary>
    internal static async Task<(IReadOnlyList<IReadOnlyList<DuplicateReport>> Found, int TextsCompared, int CandidateRows)> FindManyCountingAsync(
        ClaimsDbContext db, IReadOnlyList<ReportIdentity> candidates, int? exceptId,
        IReadOnlyList<(TextPrint Print, int[] Sketch)>? read = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return ([], 0, 0);
        }

        var wanted = candidates.Select((c, i) =>
        {
            var (print, sketch) = read is null ? Read(c.Text) : read[i];
            return new Wanted(c, Url(c.Url), print, sketch);
        }).ToList();
        var urls = wanted.Where(w => w.Url is not null).Select(w => w.Url!).Distinct().ToArray();
        // Outlet and day travel as pairs: asked separately, a batch of 250 reports from 170 outlets on 209 days matched
        // every report of any of those outlets on any of those days (8,500 rows a batch at 50,000 reports, where the
        // same outlet on the same day is a few dozen).
        var facts = wanted.Where(w => w.Identity.OutletId is not null).Select(w => (Outlet: w.Identity.OutletId!.Value, w.Identity.PublishedOn)).Distinct().ToList();
        var outlets = facts.Select(f => f.Outlet).ToArray();
        var days = facts.Select(f => f.PublishedOn).ToArray();
        var sketchValues = wanted.SelectMany(w => w.Sketch).Distinct().ToArray();
        var except = exceptId ?? 0;

        // One query for the batch, each branch on its index: Url (btree), (OutletId, PublishedOn) (btree), and TextSketch
        // (GIN, without a pending list) probed once per sketch value; each branch reads its rows itself, so no branch
        // joins back to the whole table. A single `TextSketch && all-values` looks cheaper to the planner, which then
        // scans every report and compares each sketch with the batch's ~1,000 values one by one (seconds per batch at
        // 50,000 reports). Each (outlet, day) pair is one probe of the (OutletId, PublishedOn) index.
        // A text's length is asked in bytes: octet_length reads it from the value's header, where length() has to
        // decompress a long text and count its characters.
        var rows = await db.Database.SqlQuery<CandidateRow>($"""
                SELECT * FROM (
                    SELECT u."Id", u."Url", u."OutletId", u."PublishedOn", octet_length(u."Text") AS "Length", u."TextSketch"
                    FROM "Reports" u WHERE u."Url" = ANY({urls})
                    UNION
                    SELECT d."Id", d."Url", d."OutletId", d."PublishedOn", octet_length(d."Text"), d."TextSketch"
                    FROM unnest({outlets}, {days}) AS f(outlet, day)
                    CROSS JOIN LATERAL (SELECT * FROM "Reports" o WHERE o."OutletId" = f.outlet AND o."PublishedOn" = f.day) d
                    UNION
                    SELECT k."Id", k."Url", k."OutletId", k."PublishedOn", octet_length(k."Text"), k."TextSketch"
                    FROM unnest({sketchValues}) AS v(value)
                    CROSS JOIN LATERAL (SELECT * FROM "Reports" s WHERE s."TextSketch" @> ARRAY[v.value]) k
                ) c
                WHERE c."Id" <> {except}
                """)
            .ToListAsync(cancellationToken);

        var candidateRows = new Candidates(rows);
        var chosen = wanted.Select(candidateRows.Choose).ToList();
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
        return (found, chosen.Sum(c => c.Count), rows.Count);
    }

    /// <summary>
    /// The candidate rows of a batch, indexed once by URL, by outlet and day and by sketch value, so choosing for each
    /// report costs its own matches rather than a pass over every row (a large archive of similar texts returns
    /// thousands of rows for a batch).
    /// </summary>
    private sealed class Candidates
    {
        private readonly List<CandidateRow> rows;
        private readonly ILookup<string, int> byUrl;
        private readonly ILookup<(int OutletId, DateOnly PublishedOn), int> byFacts;
        private readonly Dictionary<int, List<int>> bySketchValue = [];

        public Candidates(List<CandidateRow> rows)
        {
            this.rows = rows;
            var indexes = Enumerable.Range(0, rows.Count).ToList();
            byUrl = indexes.Where(i => Url(rows[i].Url) is not null).ToLookup(i => Url(rows[i].Url)!);
            byFacts = indexes.ToLookup(i => (rows[i].OutletId, rows[i].PublishedOn));
            foreach (var i in indexes)
            {
                // Once per occurrence: a value a stored sketch holds twice counts twice, as before.
                foreach (var value in rows[i].TextSketch)
                {
                    if (!bySketchValue.TryGetValue(value, out var holders))
                    {
                        bySketchValue[value] = holders = [];
                    }

                    holders.Add(i);
                }
            }
        }

        /// <summary>
        /// The stored reports worth comparing with one candidate: the same URL, or the same outlet and day (the rule then
        /// compares titles), and the texts of a comparable length that share the most sketch values with it.
        /// </summary>
        public List<int> Choose(Wanted wanted)
        {
            // Both lengths in UTF-8 bytes, as the database stores text: near-identical texts have near-identical byte counts too.
            var (shortest, longest) = DuplicateReportRule.ComparableLengths(Encoding.UTF8.GetByteCount(wanted.Identity.Text));
            var sameFacts = (wanted.Url is null ? [] : byUrl[wanted.Url])
                .Concat(wanted.Identity.OutletId is { } outlet ? byFacts[(outlet, wanted.Identity.PublishedOn)] : [])
                .Distinct()
                .Order()
                .Select(i => rows[i].Id);
            var shared = new Dictionary<int, int>();
            foreach (var value in wanted.Sketch.Distinct())
            {
                foreach (var i in bySketchValue.GetValueOrDefault(value) ?? [])
                {
                    shared[i] = shared.GetValueOrDefault(i) + 1;
                }
            }

            var similarText = shared
                .Where(s => rows[s.Key].Length >= shortest && rows[s.Key].Length <= longest)
                .Select(s => (rows[s.Key].Id, Shared: s.Value))
                .OrderByDescending(r => r.Shared).ThenByDescending(r => r.Id)
                .Take(TextCandidates)
                .Select(r => r.Id);
            return sameFacts.Concat(similarText).Distinct().ToList();
        }
    }

    private static (TextPrint, int[]) Read(string text)
    {
        var print = DuplicateReportRule.Print(text);
        return (print, DuplicateReportRule.Sketch(print));
    }

    private static string? Url(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();

    private sealed record Wanted(ReportIdentity Identity, string? Url, TextPrint Print, int[] Sketch);

    /// <summary>What the first query reads of a stored report: no text, only what chooses the candidates (the text's length in bytes).</summary>
    private sealed record CandidateRow(int Id, string? Url, int OutletId, DateOnly PublishedOn, int Length, int[] TextSketch);
}
