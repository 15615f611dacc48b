using System.Globalization;
using ClaimsTracker.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.Reports;

/// <summary>
/// Fills <see cref="Report.TextSketch"/> for reports stored before it existed (the migration that added it cannot
/// compute it in SQL). Runs at start-up; once every report has one it costs a single indexed look-up.
/// </summary>
public static class ReportSketches
{
    private const int Batch = 500;

    /// <summary>Returns how many reports got their sketch.</summary>
    public static async Task<int> FillMissingAsync(ClaimsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filled = 0;
        var after = 0;
        while (true)
        {
            var reports = await db.Reports.AsNoTracking()
                .Where(r => r.Id > after && r.TextSketch.Length == 0)
                .OrderBy(r => r.Id).Take(Batch)
                .Select(r => new { r.Id, r.Text })
                .ToListAsync(cancellationToken);
            if (reports.Count == 0)
            {
                return filled;
            }

            var ids = reports.Select(r => r.Id).ToArray();
            // Sketches travel as array literals: one statement per batch, and a derived value needs no audit entry.
            var sketches = reports.Select(r => "{" + string.Join(',', DuplicateReportRule.Sketch(r.Text).Select(v => v.ToString(CultureInfo.InvariantCulture))) + "}").ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Reports" r SET "TextSketch" = v.sketch::integer[]
                FROM unnest({ids}, {sketches}) AS v(id, sketch) WHERE r."Id" = v.id
                """, cancellationToken);
            filled += reports.Count;
            after = ids[^1];
        }
    }
}
