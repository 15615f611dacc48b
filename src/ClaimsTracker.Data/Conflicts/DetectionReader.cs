using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>A stored conflict with only what reconciliation compares and what its audit entries record.</summary>
internal sealed class StoredConflict
{
    public required int Id { get; init; }
    public required string Signature { get; init; }
    public required ConflictStatus Status { get; init; }
    public required double Severity { get; init; }
    public required string Explanation { get; init; }
    public required string Scope { get; init; }
    public required uint Version { get; init; }
    public int? PreferredFigureId { get; init; }
    public DismissalReason? DismissalReason { get; init; }
    public string? Rationale { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public List<StoredMember> Members { get; } = [];

    public bool IsDecided => Status is ConflictStatus.Resolved or ConflictStatus.NotAConflict or ConflictStatus.NeedsMoreInformation;
}

internal sealed record StoredMember(int FigureId, string FigureFingerprint, int Position, int Camp, int[] ConsistentCamps);

/// <summary>
/// The reads of a detection run, in plain SQL on the run's own connection and transaction: only
/// the columns detection compares, no entity graphs and no change tracking.
/// </summary>
internal static class DetectionReader
{
    /// <summary>
    /// Takes the detection locks and reads what a run compares, in two round trips for an
    /// incremental run (the touched families' metrics, then locks and reads together) and one for
    /// a full pass: every metric (touched null) or the touched metrics with everything linked to
    /// them through parts or wholes, their figures flattened with their claim's source and report,
    /// and the stored conflicts of those metrics with their members.
    /// </summary>
    /// <param name="places">
    /// When given (with <paramref name="touched"/>), only the figures and stored conflicts of these places are read: a
    /// touched metric's family in a scope (by <see cref="Domain.Sources.NameKey"/>, as detection groups them). Detection
    /// never compares figures of different scopes or families, so nothing else has anything to gain from the run; a large
    /// import touches many metrics and many scopes, but only some of the pairs.
    /// </param>
    public static async Task<(List<DetectionMetric> Metrics, DetectionRows Figures, List<StoredConflict> Conflicts)> ReadAsync(
        ClaimsDbContext db, IReadOnlyCollection<int>? touched, IReadOnlyCollection<(int MetricId, string ScopeKey)>? places, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Detection reads inside its own transaction, which holds the locks.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        List<DetectionMetric>? metrics = null;
        int[]? metricIds = null;
        // With places: the (metric, scope as written) pairs to read, as two arrays of the same length.
        string[]? scopes = null;
        await using var batch = new NpgsqlBatch(connection);
        if (touched is null)
        {
            DetectionLock.Statements(null).ForEach(batch.BatchCommands.Add);
            batch.BatchCommands.Add(Statement(MetricColumns, null));
        }
        else
        {
            await using (var family = new NpgsqlBatch(connection) { BatchCommands = { Statement(FamilyMetrics, [.. touched]) } })
            {
                if (places is not null)
                {
                    // The places as written in the families, in the same round trip; the touched ones are read below.
                    family.BatchCommands.Add(Statement(FamilyScopes, [.. touched]));
                }

                // Prepared once per pooled connection: an editor's save runs these again and again.
                await family.PrepareAsync(cancellationToken);
                await using var familyReader = await family.ExecuteReaderAsync(cancellationToken);
                metrics = await ReadMetricsAsync(familyReader, cancellationToken);
                metricIds = [.. metrics.Select(m => m.Id)];
                if (places is not null)
                {
                    var families = new MetricFamilies(metrics);
                    var known = metricIds.ToHashSet();
                    var wanted = places.Where(p => known.Contains(p.MetricId))
                        .Select(p => (families.FamilyOf(p.MetricId), p.ScopeKey))
                        .ToHashSet();
                    await familyReader.NextResultAsync(cancellationToken);
                    var pairs = new List<(int MetricId, string Scope)>();
                    while (await familyReader.ReadAsync(cancellationToken))
                    {
                        var (metricId, scope) = (familyReader.GetInt32(0), familyReader.GetString(1));
                        if (wanted.Contains((families.FamilyOf(metricId), Domain.Sources.NameKey.From(scope))))
                        {
                            pairs.Add((metricId, scope));
                        }
                    }

                    (metricIds, scopes) = ([.. pairs.Select(p => p.MetricId)], [.. pairs.Select(p => p.Scope)]);
                }
            }

            DetectionLock.Statements(new MetricFamilies(metrics).FamilyIds).ForEach(batch.BatchCommands.Add);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        DetectionRows figures;
        NpgsqlDataReader reader;
        if (touched is null)
        {
            // A full pass joins the million figures with their claims and reports in one hash join each; more memory for
            // the hash tables than the default 4 MB keeps them from spilling to disk (for this transaction only).
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('work_mem', '64MB', true)"));
            // Source and outlet names by id, once, instead of two joins and two strings on each of the million rows.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""SELECT "Id", "Name" FROM "Sources" """));
            var sourceNames = new Dictionary<int, string>();
            await using (var first = await batch.ExecuteReaderAsync(cancellationToken))
            {
                for (var i = 0; i < batch.BatchCommands.Count - 3; i++)
                {
                    await first.NextResultAsync(cancellationToken);
                }

                metrics = await ReadMetricsAsync(first, cancellationToken);
                await first.NextResultAsync(cancellationToken);
                await first.NextResultAsync(cancellationToken);
                while (await first.ReadAsync(cancellationToken))
                {
                    sourceNames[first.GetInt32(0)] = Shared(names, first.GetString(1));
                }
            }

            figures = await CopyAllFiguresAsync(connection, sourceNames, cancellationToken);
            await using var stored = new NpgsqlBatch(connection);
            stored.BatchCommands.Add(Statement(StoredConflicts(string.Empty), null));
            stored.BatchCommands.Add(Statement(StoredMembers(string.Empty), null));
            reader = await stored.ExecuteReaderAsync(cancellationToken);
        }
        else
        {
            // Places are matched as pairs; the figures' pairs go through their (MetricId, Scope) index.
            string Only(string table) => scopes is null
                ? $"""WHERE {table}."MetricId" = ANY($1)"""
                : $"""WHERE ({table}."MetricId", {table}."Scope") IN (SELECT * FROM unnest($1::integer[], $2::text[]))""";
            var locks = batch.BatchCommands.Count;
            // Columns 0–16 as in the full pass's copy; an incremental read (a few dozen rows) takes the names from joins as columns 17 and 18.
            batch.BatchCommands.Add(Statement($"""
                SELECT f."Id", f."MetricId", f."Scope", c."SourceId", c."ReportId", r."OutletId", r."PublishedOn",
                       f."AsWritten", f."Qualifier", f."Kind", f."Low", f."Best", f."High",
                       f."TimeKind", f."TimeStart", f."TimeEnd", f."TimeAsWritten", s."Name", o."Name"
                FROM "Figures" f
                JOIN "Claims" c ON c."Id" = f."ClaimId"
                JOIN "Sources" s ON s."Id" = c."SourceId"
                JOIN "Reports" r ON r."Id" = c."ReportId"
                JOIN "Sources" o ON o."Id" = r."OutletId"
                {Only("f")}
                """, metricIds, scopes));
            batch.BatchCommands.Add(Statement(StoredConflicts(Only("c")), metricIds, scopes));
            batch.BatchCommands.Add(Statement(StoredMembers(Only("c")), metricIds, scopes));
            await batch.PrepareAsync(cancellationToken);
            reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < locks; i++)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            figures = new DetectionRows();
            while (await reader.ReadAsync(cancellationToken))
            {
                figures.Add(
                    figureId: reader.GetInt32(0),
                    metricId: reader.GetInt32(1),
                    scope: reader.GetString(2),
                    sourceId: reader.GetInt32(3),
                    sourceName: Shared(names, reader.GetString(17)),
                    reportId: reader.GetInt32(4),
                    outlet: Shared(names, reader.GetString(18)),
                    publishedOn: reader.GetFieldValue<DateOnly>(6),
                    asWritten: reader.GetString(7),
                    qualifier: Enum.Parse<Qualifier>(reader.GetString(8)),
                    kind: Enum.Parse<FigureKind>(reader.GetString(9)),
                    low: Decimal(reader, 10),
                    best: Decimal(reader, 11),
                    high: Decimal(reader, 12),
                    timeKind: Enum.Parse<TimeReferenceKind>(reader.GetString(13)),
                    timeStart: reader.IsDBNull(14) ? null : reader.GetFieldValue<DateOnly>(14),
                    timeEnd: reader.IsDBNull(15) ? null : reader.GetFieldValue<DateOnly>(15),
                    timeAsWritten: reader.IsDBNull(16) ? null : reader.GetString(16));
            }

            await reader.NextResultAsync(cancellationToken);
        }

        await using var storedReader = reader;
        var conflicts = new List<StoredConflict>();
        var byId = new Dictionary<int, StoredConflict>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var conflict = new StoredConflict
            {
                Id = reader.GetInt32(0),
                Signature = reader.GetString(1),
                Status = Enum.Parse<ConflictStatus>(reader.GetString(2)),
                Severity = reader.GetDouble(3),
                Explanation = reader.GetString(4),
                Scope = reader.GetString(5),
                Version = reader.GetFieldValue<uint>(6),
                PreferredFigureId = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                DismissalReason = reader.IsDBNull(8) ? null : Enum.Parse<DismissalReason>(reader.GetString(8)),
                Rationale = reader.IsDBNull(9) ? null : reader.GetString(9),
                ResolvedBy = reader.IsDBNull(10) ? null : reader.GetString(10),
                ResolvedAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
            };
            conflicts.Add(conflict);
            byId[conflict.Id] = conflict;
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byId[reader.GetInt32(0)].Members.Add(new StoredMember(
                reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetFieldValue<int[]>(5)));
        }

        return (metrics!, figures, conflicts);
    }

    /// <summary>
    /// Every figure with what detection compares, by binary <c>COPY … TO STDOUT</c>: the rows come as one stream of
    /// fields without a message and a column check per row, and go straight into the compact rows. Same columns as the
    /// incremental read (0–16); source and outlet names come from <paramref name="sourceNames"/> by id.
    /// </summary>
    private static async Task<DetectionRows> CopyAllFiguresAsync(
        NpgsqlConnection connection, Dictionary<int, string> sourceNames, CancellationToken cancellationToken)
    {
        var figures = new DetectionRows();
        var qualifiers = new EnumNames<Qualifier>();
        var kinds = new EnumNames<FigureKind>();
        var timeKinds = new EnumNames<TimeReferenceKind>();
        await using var copy = await connection.BeginBinaryExportAsync("""
            COPY (
                SELECT f."Id", f."MetricId", f."Scope", c."SourceId", c."ReportId", r."OutletId", r."PublishedOn",
                       f."AsWritten", f."Qualifier", f."Kind", f."Low", f."Best", f."High",
                       f."TimeKind", f."TimeStart", f."TimeEnd", f."TimeAsWritten"
                FROM "Figures" f
                JOIN "Claims" c ON c."Id" = f."ClaimId"
                JOIN "Reports" r ON r."Id" = c."ReportId"
            ) TO STDOUT (FORMAT BINARY)
            """, cancellationToken);
        while (await copy.StartRowAsync(cancellationToken) != -1)
        {
            var figureId = await copy.ReadAsync<int>(cancellationToken);
            var metricId = await copy.ReadAsync<int>(cancellationToken);
            var scope = await copy.ReadAsync<string>(cancellationToken);
            var sourceId = await copy.ReadAsync<int>(cancellationToken);
            var reportId = await copy.ReadAsync<int>(cancellationToken);
            var outletId = await copy.ReadAsync<int>(cancellationToken);
            var publishedOn = await copy.ReadAsync<DateOnly>(cancellationToken);
            var asWritten = await copy.ReadAsync<string>(cancellationToken);
            var qualifier = qualifiers.Parse(await copy.ReadAsync<string>(cancellationToken));
            var kind = kinds.Parse(await copy.ReadAsync<string>(cancellationToken));
            var low = await NullableAsync<decimal>(copy, cancellationToken);
            var best = await NullableAsync<decimal>(copy, cancellationToken);
            var high = await NullableAsync<decimal>(copy, cancellationToken);
            var timeKind = timeKinds.Parse(await copy.ReadAsync<string>(cancellationToken));
            var timeStart = await NullableAsync<DateOnly>(copy, cancellationToken);
            var timeEnd = await NullableAsync<DateOnly>(copy, cancellationToken);
            var timeAsWritten = await TextOrNullAsync(copy, cancellationToken);

            figures.Add(
                figureId, metricId, scope, sourceId, sourceNames[sourceId], reportId, sourceNames[outletId], publishedOn,
                asWritten, qualifier, kind, low, best, high, timeKind, timeStart, timeEnd, timeAsWritten);
        }

        return figures;
    }

    /// <summary>A nullable column of the copy: a null is skipped (reading it would throw), a value read.</summary>
    private static async ValueTask<T?> NullableAsync<T>(NpgsqlBinaryExporter copy, CancellationToken cancellationToken)
        where T : struct
    {
        if (copy.IsNull)
        {
            await copy.SkipAsync(cancellationToken);
            return null;
        }

        return await copy.ReadAsync<T>(cancellationToken);
    }

    private static async ValueTask<string?> TextOrNullAsync(NpgsqlBinaryExporter copy, CancellationToken cancellationToken)
    {
        if (copy.IsNull)
        {
            await copy.SkipAsync(cancellationToken);
            return null;
        }

        return await copy.ReadAsync<string>(cancellationToken);
    }

    /// <summary>Enum columns hold a handful of names: each parsed once per read, not once per row.</summary>
    private sealed class EnumNames<T>
        where T : struct, Enum
    {
        private readonly Dictionary<string, T> parsed = new(StringComparer.Ordinal);

        public T Parse(string name)
        {
            if (!parsed.TryGetValue(name, out var value))
            {
                parsed[name] = value = Enum.Parse<T>(name);
            }

            return value;
        }
    }

    private static string StoredConflicts(string where) => $"""
        SELECT c."Id", c."Signature", c."Status", c."Severity", c."Explanation", c."Scope", c.xmin,
               c."PreferredFigureId", c."DismissalReason", c."Rationale", c."ResolvedBy", c."ResolvedAt"
        FROM "Conflicts" c
        {where}
        """;

    private static string StoredMembers(string where) => $"""
        SELECT m."ConflictId", m."FigureId", m."FigureFingerprint", m."Position", m."Camp", m."ConsistentCamps"
        FROM "ConflictMembers" m JOIN "Conflicts" c ON c."Id" = m."ConflictId"
        {where}
        ORDER BY m."ConflictId", m."FigureId"
        """;

    private const string MetricColumns = """
        SELECT m."Id", m."Name", m."Kind", m."IsCumulative", m."IsSingleEvent",
               ARRAY(SELECT p."PartId" FROM "MetricParts" p WHERE p."WholeId" = m."Id" ORDER BY p."PartId")
        FROM "Metrics" m
        """;

    /// <summary>The touched metrics and every metric linked to them through parts or wholes, however deep.</summary>
    private const string FamilyMetrics = $"""
        {Family}
        {MetricColumns}
        WHERE m."Id" = ANY(ARRAY(SELECT id FROM family))
        """;

    /// <summary>
    /// Every metric and scope as written among the families' figures and stored conflicts (a conflict may still name a
    /// spelling no figure has any more), on the figures' (MetricId, Scope) index and the conflicts' MetricId index.
    /// The family goes in as an array: joined as a set, the planner guessed 200 metrics from the recursive query and
    /// scanned every stored conflict (120–300 ms at 38,000 conflicts, the most of an editor's incremental pass).
    /// </summary>
    private const string FamilyScopes = $"""
        {Family}
        SELECT "MetricId", "Scope" FROM "Figures" WHERE "MetricId" = ANY(ARRAY(SELECT id FROM family))
        UNION
        SELECT "MetricId", "Scope" FROM "Conflicts" WHERE "MetricId" = ANY(ARRAY(SELECT id FROM family))
        """;

    private const string Family = """
        WITH RECURSIVE family(id) AS (
            SELECT "Id" FROM "Metrics" WHERE "Id" = ANY($1)
            UNION
            SELECT CASE WHEN p."WholeId" = f.id THEN p."PartId" ELSE p."WholeId" END
            FROM "MetricParts" p JOIN family f ON p."WholeId" = f.id OR p."PartId" = f.id
        )
        """;

    private static async Task<List<DetectionMetric>> ReadMetricsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var metrics = new List<DetectionMetric>();
        while (await reader.ReadAsync(cancellationToken))
        {
            metrics.Add(new DetectionMetric(
                reader.GetInt32(0), reader.GetString(1), Enum.Parse<FigureKind>(reader.GetString(2)),
                reader.GetBoolean(3), reader.GetBoolean(4), reader.GetFieldValue<int[]>(5)));
        }

        return metrics;
    }

    private static decimal? Decimal(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    /// <summary>Names repeat across thousands of figures; one string each keeps the heap small.</summary>
    private static string Shared(Dictionary<string, string> names, string name)
    {
        if (names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        names[name] = name;
        return name;
    }

    private static NpgsqlBatchCommand Statement(string sql, int[]? metricIds, string[]? scopes = null)
    {
        var statement = new NpgsqlBatchCommand(sql);
        if (metricIds is not null)
        {
            statement.Parameters.Add(new NpgsqlParameter { Value = metricIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        }

        if (scopes is not null)
        {
            statement.Parameters.Add(new NpgsqlParameter { Value = scopes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        return statement;
    }
}
