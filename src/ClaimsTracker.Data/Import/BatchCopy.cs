using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
/// with one audit entry per report that holds the values a save would record for each of its rows (its claims, quotes,
/// figures and their times nested inside). The rows and entries are read from the new objects by the EF model
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
        var layout = new RowLayout(db.Model);
        // Parents before children: the foreign keys are checked row by row.
        var claims = reports.SelectMany(r => r.Claims).ToList();
        var tables = new[]
        {
            layout.Rows(reports),
            layout.Rows(claims),
            layout.Rows(claims.SelectMany(c => c.Figures)),
        };
        var audit = layout.AuditOfReports(reports, db.AuditUserName, db.AuditNote, db.AuditClock.GetUtcNow());
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
        await AuditCopy.WriteAsync(connection, audit, cancellationToken);
        (timings.CopyReports, timings.CopyClaims, timings.CopyFigures) = (timings.CopyReports + copies[0], timings.CopyClaims + copies[1], timings.CopyFigures + copies[2]);
        timings.CopyAudit += clock.GetElapsedTime(step);
        timings.AuditRows += audit.Count;
        db.AuditNote = null;
    }

    /// <summary>Takes ids from the identity sequences and sets them, and the foreign keys, on the new rows.</summary>
    private static async Task AssignKeysAsync(ClaimsDbContext db, IReadOnlyList<Report> reports, CancellationToken cancellationToken)
    {
        var claims = reports.SelectMany(r => r.Claims).ToList();
        var figures = claims.SelectMany(c => c.Figures).ToList();
        var (reportIds, claimIds, figureIds) = await NextIdsAsync(db, reports.Count, claims.Count, figures.Count, cancellationToken);
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

    /// <summary>The three tables' next ids, in ascending order each, in one round trip.</summary>
    private static async Task<(int[] Reports, int[] Claims, int[] Figures)> NextIdsAsync(
        ClaimsDbContext db, int reports, int claims, int figures, CancellationToken cancellationToken)
    {
        var ids = (await db.Database.SqlQuery<NextIds>($"""
                SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('"Reports"', 'Id'))::integer FROM generate_series(1, {reports})) AS "Reports",
                       ARRAY(SELECT nextval(pg_get_serial_sequence('"Claims"', 'Id'))::integer FROM generate_series(1, {claims})) AS "Claims",
                       ARRAY(SELECT nextval(pg_get_serial_sequence('"Figures"', 'Id'))::integer FROM generate_series(1, {figures})) AS "Figures"
                """)
            .ToListAsync(cancellationToken))[0];
        return ([.. ids.Reports.Order()], [.. ids.Claims.Order()], [.. ids.Figures.Order()]);
    }

    private sealed record NextIds(int[] Reports, int[] Claims, int[] Figures);

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
    /// Lays new objects out as table rows, and each new report as one audit entry: the report's values with its claims
    /// (each with its quote and figures, each figure with its time) nested inside, every value the entity holds but the
    /// row version, as <see cref="AuditRecorder"/> records it for a row added by a save. One entry per report instead of
    /// one per row: the rows of a report are written together and read back together, and one entry per row (about
    /// fifty a report) made the audit trail the largest part of an import. What the model says about each type is
    /// worked out once.
    /// </summary>
    private sealed class RowLayout(IModel model)
    {
        private readonly Dictionary<Type, TypePlan> plans = [];

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

                    foreach (var property in part.Columns)
                    {
                        var value = property.Value(target, key);
                        var converter = plan.Columns[property.Column].Converter;
                        row[property.Column] = value is null || converter is null ? value : converter.ConvertToProvider(value);
                    }
                }

                rows.Add(row);
            }

            return new TableRows(plan.Table, plan.Columns, rows);
        }

        /// <summary>One "Added" entry per report, under the report's id, written straight to UTF-8 JSON.</summary>
        public List<AuditEntry> AuditOfReports(IReadOnlyList<Report> reports, string user, string? note, DateTimeOffset at)
        {
            var entries = new List<AuditEntry>(reports.Count);
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            using var json = new Utf8JsonWriter(buffer);
            foreach (var report in reports)
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                json.WriteStartObject();
                WriteAudited(json, report);
                json.WriteStartArray(nameof(Report.Claims));
                foreach (var claim in report.Claims)
                {
                    json.WriteStartObject();
                    WriteAudited(json, claim);
                    json.WriteStartArray(nameof(claim.Figures));
                    foreach (var figure in claim.Figures)
                    {
                        json.WriteStartObject();
                        WriteAudited(json, figure);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.Flush();
                entries.Add(new AuditEntry
                {
                    At = at,
                    UserName = user,
                    EntityType = nameof(Report),
                    EntityId = report.Id.ToString(CultureInfo.InvariantCulture),
                    Action = nameof(EntityState.Added),
                    Before = null,
                    After = Encoding.UTF8.GetString(buffer.WrittenSpan),
                    Note = note,
                });
            }

            return entries;
        }

        /// <summary>The entity's audited values as properties of the open object; each owned value as an object under its navigation's name.</summary>
        private void WriteAudited(Utf8JsonWriter json, object entity)
        {
            var plan = PlanOf(entity.GetType());
            var key = plan.RootKey.GetGetter().GetClrValue(entity);
            foreach (var part in plan.Parts)
            {
                var target = part.Via is null ? entity : part.Via.GetGetter().GetClrValue(entity);
                if (target is null)
                {
                    // No owned value, no entry: as a save records it.
                    continue;
                }

                if (part.Via is not null)
                {
                    json.WriteStartObject(part.Via.Name);
                }

                foreach (var property in part.Audited)
                {
                    json.WritePropertyName(property.Name);
                    WriteValue(json, property.Value(target, key));
                }

                if (part.Via is not null)
                {
                    json.WriteEndObject();
                }
            }
        }

        /// <summary>The common types written directly; any other the way the serializer of <see cref="AuditRecorder"/> writes it.</summary>
        private static void WriteValue(Utf8JsonWriter json, object? value)
        {
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case decimal number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                default:
                    JsonSerializer.Serialize(json, value, value.GetType(), AuditRecorder.JsonOptions);
                    break;
            }
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
            var parts = new List<PartPlan> { Part(entityType, null, store, columns) };
            foreach (var owned in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
            {
                if (owned.IsCollection)
                {
                    throw new InvalidOperationException($"The import does not copy owned collections ({type.Name}.{owned.Name}).");
                }

                parts.Add(Part(owned.TargetEntityType, owned, store, columns));
            }

            var rootKey = entityType.FindPrimaryKey()!.Properties.Single();
            return plans[type] = new TypePlan(table, columns, parts, rootKey);
        }

        private static PartPlan Part(IEntityType type, INavigation? via, StoreObjectIdentifier store, List<ColumnOf> columns)
        {
            var properties = type.GetProperties().Select(p => Property(p, via is not null, store, columns)).ToList();
            return new PartPlan(via, [.. properties.Where(p => p.Column >= 0)], [.. properties.Where(p => p.Audited)]);
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

            return new PropertyPlan(property.Name, index, AuditRecorder.Records(property), value);
        }
    }

    private sealed record TypePlan(string Table, List<ColumnOf> Columns, List<PartPlan> Parts, IProperty RootKey);

    /// <summary>The entity itself (<paramref name="Via"/> null) or one owned value: the properties that have a column, and those audited.</summary>
    private sealed record PartPlan(INavigation? Via, List<PropertyPlan> Columns, List<PropertyPlan> Audited);

    /// <summary>A property's value from its object (and the owning row's key), its column's position (-1: none) and whether it is audited.</summary>
    private sealed record PropertyPlan(string Name, int Column, bool Audited, Func<object, object?, object?> Value);

    /// <summary>"character varying(200)" is written as "character varying": the length is the column's to check.</summary>
    private static string DataTypeName(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 && !columnType.EndsWith("[]", StringComparison.Ordinal)
            ? columnType[..open].TrimEnd()
            : columnType;
}
