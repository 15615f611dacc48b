using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Stores an import batch's new reports, claims and figures with binary COPY instead of one INSERT per row, together
/// with the same audit entries a save would write. The rows are laid out by the EF model (each tracked entity's
/// columns, owned values in their owner's row, value converters applied), so a column added to the model is copied
/// too. Keys are taken from the tables' identity sequences first, so claims and figures can name their parents.
/// New sources go through an ordinary save before, as they are few.
/// </summary>
internal static class BatchCopy
{
    // Parents before children: the foreign keys are checked row by row.
    private static readonly string[] TableOrder = ["Reports", "Claims", "Figures"];

    public static async Task StoreAsync(ClaimsDbContext db, IReadOnlyList<Report> reports, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added))
        {
            // New sources (and their aliases), audited as any save.
            var note = db.AuditNote;
            await db.SaveChangesAsync(cancellationToken);
            db.AuditNote = note;
        }

        if (reports.Count == 0)
        {
            return;
        }

        await AssignKeysAsync(db, reports, cancellationToken);
        db.Reports.AddRange(reports);
        var audit = db.PendingAuditEntries();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        foreach (var table in added.GroupBy(e => e.Metadata.GetTableName()!).OrderBy(t => Rank(t.Key)))
        {
            await CopyAsync(connection, table.Key, table.ToList(), cancellationToken);
        }

        await AuditCopy.WriteAsync(connection, audit, cancellationToken);
        db.ChangeTracker.AcceptAllChanges();
        db.AuditNote = null;
    }

    private static int Rank(string table) => Array.IndexOf(TableOrder, table) is var rank and >= 0
        ? rank
        : throw new InvalidOperationException($"The import does not copy rows of {table}.");

    /// <summary>Takes ids from the identity sequences and sets them, and the foreign keys, on the new rows.</summary>
    private static async Task AssignKeysAsync(ClaimsDbContext db, IReadOnlyList<Report> reports, CancellationToken cancellationToken)
    {
        var claims = reports.SelectMany(r => r.Claims).ToList();
        var figures = claims.SelectMany(c => c.Figures).ToList();
        var reportIds = await NextIdsAsync(db, "Reports", reports.Count, cancellationToken);
        var claimIds = await NextIdsAsync(db, "Claims", claims.Count, cancellationToken);
        var figureIds = await NextIdsAsync(db, "Figures", figures.Count, cancellationToken);
        int claimIndex = 0, figureIndex = 0;
        for (var r = 0; r < reports.Count; r++)
        {
            var report = reports[r];
            report.Id = reportIds[r];
            report.OutletId = report.Outlet!.Id;
            foreach (var claim in report.Claims)
            {
                claim.Id = claimIds[claimIndex++];
                claim.ReportId = report.Id;
                Link(claim);
                foreach (var figure in claim.Figures)
                {
                    figure.Id = figureIds[figureIndex++];
                    figure.ClaimId = claim.Id;
                }
            }
        }
    }

    private static void Link(Claim claim)
    {
        claim.SourceId = claim.Source!.Id;
        claim.RelayedViaId = claim.RelayedVia?.Id;
    }

    private static async Task<int[]> NextIdsAsync(ClaimsDbContext db, string table, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        var ids = await db.Database.SqlQuery<int>(
                $"SELECT nextval(pg_get_serial_sequence({"\"" + table + "\""}, 'Id'))::integer AS \"Value\" FROM generate_series(1, {count})")
            .ToListAsync(cancellationToken);
        return [.. ids.Order()];
    }

    /// <summary>One COPY for a table: a row per key, owned values merged into their owner's row.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var store = StoreObjectIdentifier.Table(table, entries[0].Metadata.GetSchema());
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p).CurrentValue));
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            foreach (var property in entry.Metadata.GetProperties())
            {
                var column = property.GetColumnName(store);
                // Computed columns (search vectors) are PostgreSQL's; xmin is a system column.
                if (column is null or "xmin" || property.GetComputedColumnSql(store) is not null)
                {
                    continue;
                }

                var value = entry.Property(property).CurrentValue;
                var converter = property.GetTypeMapping().Converter;
                row[column] = value is null || converter is null ? value : converter.ConvertToProvider(value);
                columns[column] = DataTypeName(property.GetColumnType(store));
            }
        }

        var names = columns.Keys.ToList();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows.Values)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var name in names)
            {
                if (row.GetValueOrDefault(name) is { } value)
                {
                    await writer.WriteAsync(value, columns[name], cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>"character varying(200)" is written as "character varying": the length is the column's to check.</summary>
    private static string DataTypeName(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 && !columnType.EndsWith("[]", StringComparison.Ordinal)
            ? columnType[..open].TrimEnd()
            : columnType;
}
