using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Domain.Auditing;
using ClaimsTracker.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Stores an import batch's new reports, claims and figures with binary COPY instead of one INSERT per row, together
/// with the same audit entries a save would write. The rows and entries are read from the new objects by the EF model
/// (each entity's mapped properties, owned values in their owner's row, value converters applied), so a column added to
/// the model is copied and audited too; the change tracker is not used, as tracking a batch's thousands of new
/// objects cost more than writing them. Keys are taken from the tables' identity sequences first, so claims and
/// figures can name their parents. New sources go through an ordinary save before, as they are few.
/// </summary>
internal static class BatchCopy
{
    public static async Task StoreAsync(ClaimsDbContext db, IReadOnlyList<Report> reports, ImportTimings timings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var step = clock.GetTimestamp();
        if (db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added))
        {
            // New sources (and their aliases), audited as any save.
            var note = db.AuditNote;
            await db.SaveChangesAsync(cancellationToken);
            db.AuditNote = note;
        }

        timings.SourcesAndCommit += clock.GetElapsedTime(step);
        step = clock.GetTimestamp();
        if (reports.Count == 0)
        {
            return;
        }

        await AssignKeysAsync(db, reports, cancellationToken);
        var layout = new RowLayout(db.Model, db.AuditUserName, db.AuditNote, db.AuditClock.GetUtcNow());
        // Parents before children: the foreign keys are checked row by row.
        var tables = new[]
        {
            layout.Rows(reports),
            layout.Rows(reports.SelectMany(r => r.Claims)),
            layout.Rows(reports.SelectMany(r => r.Claims).SelectMany(c => c.Figures)),
        };
        timings.Preparing += clock.GetElapsedTime(step);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copies = new TimeSpan[tables.Length];
        for (var t = 0; t < tables.Length; t++)
        {
            step = clock.GetTimestamp();
            await CopyAsync(connection, tables[t], cancellationToken);
            copies[t] = clock.GetElapsedTime(step);
        }

        step = clock.GetTimestamp();
        await AuditCopy.WriteAsync(connection, layout.Audit, cancellationToken);
        (timings.CopyReports, timings.CopyClaims, timings.CopyFigures) = (timings.CopyReports + copies[0], timings.CopyClaims + copies[1], timings.CopyFigures + copies[2]);
        timings.CopyAudit += clock.GetElapsedTime(step);
        timings.AuditRows += layout.Audit.Count;
        db.AuditNote = null;
    }

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
                claim.SourceId = claim.Source!.Id;
                claim.RelayedViaId = claim.RelayedVia?.Id;
                foreach (var figure in claim.Figures)
                {
                    figure.Id = figureIds[figureIndex++];
                    figure.ClaimId = claim.Id;
                    figure.MetricId = figure.Metric?.Id ?? figure.MetricId;
                }
            }
        }
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

    /// <summary>One COPY for a table.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, TableRows table, CancellationToken cancellationToken)
    {
        if (table.Rows.Count == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in table.Rows)
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value)
                {
                    await writer.WriteAsync(value, table.Columns[i].DataType, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private sealed record TableRows(string Name, IReadOnlyList<ColumnOf> Columns, List<object?[]> Rows);

    /// <summary>Where one property goes: its column (by position in the row), the column's type and the value converter, if any.</summary>
    private sealed record ColumnOf(string Column, string DataType, ValueConverter? Converter);

    /// <summary>
    /// Lays new objects out as table rows and as the audit entries <see cref="AuditRecorder"/> writes for added rows:
    /// one entry per entity and per owned value (a claim's quote, a figure's time), all mapped properties but the row
    /// version, values as the objects hold them. What the model says about each type is worked out once.
    /// </summary>
    private sealed class RowLayout(IModel model, string user, string? note, DateTimeOffset at)
    {
        private readonly Dictionary<Type, TypePlan> plans = [];

        public List<AuditEntry> Audit { get; } = [];

        public TableRows Rows<T>(IEnumerable<T> entities)
            where T : class
        {
            var plan = PlanOf(typeof(T));
            var rows = new List<object?[]>();
            foreach (var entity in entities)
            {
                var row = new object?[plan.Columns.Count];
                var key = plan.RootKey.GetGetter().GetClrValue(entity);
                foreach (var part in plan.Parts)
                {
                    var target = part.Via is null ? entity : part.Via.GetGetter().GetClrValue(entity);
                    if (target is null)
                    {
                        continue;
                    }

                    var audited = new Dictionary<string, object?>(part.Properties.Count, StringComparer.Ordinal);
                    foreach (var property in part.Properties)
                    {
                        var value = property.Value(target, key);
                        if (property.Column >= 0)
                        {
                            var converter = plan.Columns[property.Column].Converter;
                            row[property.Column] = value is null || converter is null ? value : converter.ConvertToProvider(value);
                        }

                        if (property.Audited)
                        {
                            audited[property.Name] = value;
                        }
                    }

                    Audit.Add(new AuditEntry
                    {
                        At = at,
                        UserName = user,
                        EntityType = part.AuditName,
                        EntityId = string.Join(",", part.Key.Select(k => k.Value(target, key)?.ToString())),
                        Action = nameof(EntityState.Added),
                        Before = null,
                        After = AuditRecorder.Serialise(audited),
                        Note = note,
                    });
                }

                rows.Add(row);
            }

            return new TableRows(plan.Table, plan.Columns, rows);
        }

        private TypePlan PlanOf(Type type)
        {
            if (plans.TryGetValue(type, out var known))
            {
                return known;
            }

            var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = entityType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            var columns = new List<ColumnOf>();
            var parts = new List<PartPlan> { Part(entityType, null, entityType.ClrType.Name, store, columns) };
            foreach (var owned in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
            {
                if (owned.IsCollection)
                {
                    throw new InvalidOperationException($"The import does not copy owned collections ({type.Name}.{owned.Name}).");
                }

                parts.Add(Part(owned.TargetEntityType, owned, $"{type.Name}.{owned.Name}", store, columns));
            }

            var rootKey = entityType.FindPrimaryKey()!.Properties.Single();
            return plans[type] = new TypePlan(table, columns, parts, rootKey);
        }

        private static PartPlan Part(IEntityType type, INavigation? via, string auditName, StoreObjectIdentifier store, List<ColumnOf> columns)
        {
            var properties = type.GetProperties().Select(p => Property(p, via is not null, store, columns)).ToList();
            var key = type.FindPrimaryKey()!.Properties.Select(k => properties.Single(p => p.Name == k.Name)).ToList();
            return new PartPlan(via, auditName, properties, key);
        }

        private static PropertyPlan Property(IProperty property, bool owned, StoreObjectIdentifier store, List<ColumnOf> columns)
        {
            Func<object, object?, object?> value;
            if (!property.IsShadowProperty())
            {
                var getter = property.GetGetter();
                value = (target, _) => getter.GetClrValue(target);
            }
            else if (property.GetComputedColumnSql(store) is not null)
            {
                // A stored generated column (search vector): PostgreSQL fills it; a new tracked row holds null here too.
                value = (_, _) => null;
            }
            else if (owned && property.IsKey())
            {
                // An owned value's key is its owner's.
                value = (_, ownerKey) => ownerKey;
            }
            else
            {
                throw new InvalidOperationException($"The import cannot copy the shadow property {property.DeclaringType.DisplayName()}.{property.Name}.");
            }

            var column = property.GetColumnName(store);
            var index = -1;
            // Computed columns are PostgreSQL's; xmin is a system column; an owned value's key is its owner's column already.
            if (column is not null and not "xmin" && property.GetComputedColumnSql(store) is null && !(owned && property.IsKey()))
            {
                index = columns.FindIndex(c => c.Column == column);
                if (index < 0)
                {
                    columns.Add(new ColumnOf(column, DataTypeName(property.GetColumnType(store)), property.GetTypeMapping().Converter));
                    index = columns.Count - 1;
                }
            }

            // The row version changes on every save and tells a reader nothing (as in AuditRecorder).
            return new PropertyPlan(property.Name, index, !property.IsConcurrencyToken, value);
        }
    }

    private sealed record TypePlan(string Table, List<ColumnOf> Columns, List<PartPlan> Parts, IProperty RootKey);

    private sealed record PartPlan(INavigation? Via, string AuditName, List<PropertyPlan> Properties, List<PropertyPlan> Key);

    /// <summary>A property's value from its object (and the owning row's key), its column's position (-1: none) and whether it is audited.</summary>
    private sealed record PropertyPlan(string Name, int Column, bool Audited, Func<object, object?, object?> Value);

    /// <summary>"character varying(200)" is written as "character varying": the length is the column's to check.</summary>
    private static string DataTypeName(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 && !columnType.EndsWith("[]", StringComparison.Ordinal)
            ? columnType[..open].TrimEnd()
            : columnType;
}
