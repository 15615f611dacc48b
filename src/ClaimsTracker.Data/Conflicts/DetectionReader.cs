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

        var locks = batch.BatchCommands.Count - (touched is null ? 1 : 0);
        if (touched is null)
        {
            // A full pass joins the million figures with their claims and reports in one hash join each; more memory for
            // the hash tables than the default 4 MB keeps them from spilling to disk (for this transaction only).
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('work_mem', '64MB', true)"));
            // Source and outlet names by id, once, instead of two joins and two strings on each of the million rows.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""SELECT "Id", "Name" FROM "Sources" """));
        }

        // Places are matched as pairs; the figures' pairs go through their (MetricId, Scope) index.
        var onlyFigures = metricIds is null ? string.Empty
            : scopes is null ? """WHERE f."MetricId" = ANY($1)""" : """WHERE (f."MetricId", f."Scope") IN (SELECT * FROM unnest($1::integer[], $2::text[]))""";
        var onlyConflicts = metricIds is null ? string.Empty
            : scopes is null ? """WHERE c."MetricId" = ANY($1)""" : """WHERE (c."MetricId", c."Scope") IN (SELECT * FROM unnest($1::integer[], $2::text[]))""";
        // Columns 0–16 in both shapes; an incremental read (a few dozen rows) takes the names from joins as columns 17 and 18.
        batch.BatchCommands.Add(Statement(touched is null
            ? """
              SELECT f."Id", f."MetricId", f."Scope", c."SourceId", c."ReportId", r."OutletId", r."PublishedOn",
                     f."AsWritten", f."Qualifier", f."Kind", f."Low", f."Best", f."High",
                     f."TimeKind", f."TimeStart", f."TimeEnd", f."TimeAsWritten"
              FROM "Figures" f
              JOIN "Claims" c ON c."Id" = f."ClaimId"
              JOIN "Reports" r ON r."Id" = c."ReportId"
              """
            : $"""
              SELECT f."Id", f."MetricId", f."Scope", c."SourceId", c."ReportId", r."OutletId", r."PublishedOn",
                     f."AsWritten", f."Qualifier", f."Kind", f."Low", f."Best", f."High",
                     f."TimeKind", f."TimeStart", f."TimeEnd", f."TimeAsWritten", s."Name", o."Name"
              FROM "Figures" f
              JOIN "Claims" c ON c."Id" = f."ClaimId"
              JOIN "Sources" s ON s."Id" = c."SourceId"
              JOIN "Reports" r ON r."Id" = c."ReportId"
              JOIN "Sources" o ON o."Id" = r."OutletId"
              {onlyFigures}
              """, metricIds, scopes));
        batch.BatchCommands.Add(Statement($"""
            SELECT c."Id", c."Signature", c."Status", c."Severity", c."Explanation", c."Scope", c.xmin,
                   c."PreferredFigureId", c."DismissalReason", c."Rationale", c."ResolvedBy", c."ResolvedAt"
            FROM "Conflicts" c
            {onlyConflicts}
            """, metricIds, scopes));
        batch.BatchCommands.Add(Statement($"""
            SELECT m."ConflictId", m."FigureId", m."FigureFingerprint", m."Position", m."Camp", m."ConsistentCamps"
            FROM "ConflictMembers" m JOIN "Conflicts" c ON c."Id" = m."ConflictId"
            {onlyConflicts}
            ORDER BY m."ConflictId", m."FigureId"
            """, metricIds, scopes));
        if (touched is not null)
        {
            await batch.PrepareAsync(cancellationToken);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < locks; i++)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<int, string>? sourceNames = null;
        if (touched is null)
        {
            metrics = await ReadMetricsAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            sourceNames = [];
            while (await reader.ReadAsync(cancellationToken))
            {
                sourceNames[reader.GetInt32(0)] = Shared(names, reader.GetString(1));
            }

            await reader.NextResultAsync(cancellationToken);
        }

        var figures = new DetectionRows();
        while (await reader.ReadAsync(cancellationToken))
        {
            var sourceId = reader.GetInt32(3);
            figures.Add(
                figureId: reader.GetInt32(0),
                metricId: reader.GetInt32(1),
                scope: reader.GetString(2),
                sourceId: sourceId,
                sourceName: sourceNames is null ? Shared(names, reader.GetString(17)) : sourceNames[sourceId],
                reportId: reader.GetInt32(4),
                outlet: sourceNames is null ? Shared(names, reader.GetString(18)) : sourceNames[reader.GetInt32(5)],
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
