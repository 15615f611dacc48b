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
    /// incremental run (the touched families' metrics, then locks and reads together) and on three
    /// connections at once for a full pass (<see cref="ReadAllAsync"/>): every metric (touched null)
    /// or the touched metrics with everything linked to them through parts or wholes, their figures
    /// with their claim's source and report, and the stored conflicts of those metrics with their members.
    /// </summary>
    /// <param name="places">
    /// When given (with <paramref name="touched"/>), only the figures and stored conflicts of these places are read: a
    /// touched metric's family in a scope, by the scope's key (<see cref="Domain.Sources.NameKey"/>, as detection groups
    /// them and as figures and conflicts store it in ScopeKey). Detection never compares figures of different scopes or
    /// families, so nothing else has anything to gain from the run; a large import touches many metrics and many scopes,
    /// but only some of the pairs.
    /// </param>
    public static async Task<(List<DetectionMetric> Metrics, DetectionRows Figures, List<StoredConflict> Conflicts)> ReadAsync(
        ClaimsDbContext db, IDbContextFactory<ClaimsDbContext> contexts, IReadOnlyCollection<int>? touched, IReadOnlyCollection<(int MetricId, string ScopeKey)>? places,
        DetectionSteps steps, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Detection reads inside its own transaction, which holds the locks.");
        }

        if (touched is null)
        {
            return await ReadAllAsync(db, contexts, steps, cancellationToken);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        List<DetectionMetric> metrics;
        // No JIT for the run's statements (see NoJit): first in the batch, so it holds when the others are planned.
        await using (var family = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand($"SELECT {NoJit.Expression}"), Statement(FamilyMetrics, [.. touched]) } })
        {
            // Prepared once per pooled connection: an editor's save runs these again and again.
            await family.PrepareAsync(cancellationToken);
            await using var familyReader = await family.ExecuteReaderAsync(cancellationToken);
            await familyReader.NextResultAsync(cancellationToken);
            metrics = await ReadMetricsAsync(familyReader, cancellationToken);
        }

        int[] metricIds = [.. metrics.Select(m => m.Id)];
        // With places: the (metric, scope key) pairs to read, as two arrays of the same length.
        string[]? scopeKeys = null;
        if (places is not null)
        {
            (metricIds, scopeKeys) = FamilyPlaces(metrics, places);
        }

        // The metrics, and the (metric, scope key) pairs worked out from them without a statement of their own.
        steps.Mark("family metrics and scopes");

        await using var batch = new NpgsqlBatch(connection);
        DetectionLock.Statements(new MetricFamilies(metrics).FamilyIds).ForEach(batch.BatchCommands.Add);
        var locks = batch.BatchCommands.Count;
        // Places are matched as pairs, each a probe of the (MetricId, ScopeKey) index of figures and of conflicts.
        var onlyFigures = scopeKeys is null ? """WHERE f."MetricId" = ANY($1)""" : """WHERE (f."MetricId", f."ScopeKey") IN (SELECT * FROM unnest($1::integer[], $2::text[]))""";
        var onlyConflicts = scopeKeys is null ? """WHERE c."MetricId" = ANY($1)""" : """WHERE (c."MetricId", c."ScopeKey") IN (SELECT * FROM unnest($1::integer[], $2::text[]))""";
        // The claims' origins by claim, then the figures without joins, as a full pass reads them: joined to each figure
        // row, an import's ~90,000 figures (a few per claim) cost 1.5 s of index probes and a sort spilled to disk, where
        // the ~18,000 claims on their own take 0.2 s and the figures alone 0.14 s.
        batch.BatchCommands.Add(Statement($"""
            SELECT c."Id", c."SourceId", s."Name", c."ReportId", o."Name", r."PublishedOn"
            FROM "Claims" c
            JOIN "Sources" s ON s."Id" = c."SourceId"
            JOIN "Reports" r ON r."Id" = c."ReportId"
            JOIN "Sources" o ON o."Id" = r."OutletId"
            WHERE c."Id" IN (SELECT f."ClaimId" FROM "Figures" f {onlyFigures})
            """, metricIds, scopeKeys));
        batch.BatchCommands.Add(Statement($"""SELECT {FigureColumns} FROM "Figures" f {onlyFigures}""", metricIds, scopeKeys));
        AddStoredConflicts(batch, onlyConflicts, metricIds, scopeKeys);
        await batch.PrepareAsync(cancellationToken);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < locks; i++)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var figures = new DetectionRows();
        while (await reader.ReadAsync(cancellationToken))
        {
            figures.AddClaim(reader.GetInt32(0), new ClaimOrigin(
                reader.GetInt32(1), Shared(names, reader.GetString(2)), reader.GetInt32(3), Shared(names, reader.GetString(4)), reader.GetFieldValue<DateOnly>(5)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Each statement sees what was committed when it started: a figure added after the origins were read (its
            // claim not among them) is left to the run of whoever added it, which waits for this run's locks.
            if (figures.HasClaim(reader.GetInt32(3)))
            {
                AddFigure(figures, reader);
            }
        }

        await reader.NextResultAsync(cancellationToken);
        var conflicts = await ReadStoredConflictsAsync(reader, cancellationToken);
        steps.Mark("locks, figures and stored conflicts");
        return (metrics, figures, conflicts);
    }

    /// <summary>
    /// A full pass. This transaction takes the lock and exports its snapshot as of right after it; two more connections
    /// import that snapshot and read at once, each half of the Figures table's pages (a TID range scan), one of them the
    /// metrics and every claim's source and report, the other every source's name and every report's outlet and date,
    /// while this connection reads the stored conflicts. Claims are joined to their figures here, by id: in PostgreSQL
    /// the join hashed 200,000 claims (and spilled to disk at the default work_mem) and sent four more columns on each
    /// of a million rows. One snapshot keeps the halves and what they look up consistent with each other.
    /// </summary>
    private static async Task<(List<DetectionMetric> Metrics, DetectionRows Figures, List<StoredConflict> Conflicts)> ReadAllAsync(
        ClaimsDbContext db, IDbContextFactory<ClaimsDbContext> contexts, DetectionSteps steps, CancellationToken cancellationToken)
    {
        // The readers' connections are taken from the pool before the lock: a pass that holds it must not wait for
        // connections held by runs that wait for it.
        await using var firstReader = await contexts.CreateDbContextAsync(cancellationToken);
        await using var secondReader = await contexts.CreateDbContextAsync(cancellationToken);
        await firstReader.Database.OpenConnectionAsync(cancellationToken);
        await secondReader.Database.OpenConnectionAsync(cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        string snapshot;
        int pages;
        long estimate;
        await using (var start = new NpgsqlBatch(connection))
        {
            DetectionLock.Statements(null).ForEach(start.BatchCommands.Add);
            // A batch runs in order: the snapshot is taken once the lock is held, so it sees every earlier run's writes.
            start.BatchCommands.Add(new NpgsqlBatchCommand("""
                SELECT pg_export_snapshot(),
                       (pg_relation_size('"Figures"') / current_setting('block_size')::bigint)::integer,
                       (SELECT reltuples::bigint FROM pg_class WHERE oid = '"Figures"'::regclass)
                """));
            await using var reader = await start.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (snapshot, pages, estimate) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2));
        }

        steps.Mark("readers' connections, lock and snapshot");

        // Pages below the split go to the first reader, the rest (and any added since) to the second.
        var split = pages / 2;
        var capacity = (int)Math.Clamp(estimate / 2 + 1024, 1024, 1 << 24);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = Task.Run(() => InSnapshotAsync(firstReader, snapshot, async (part, token) =>
        {
            await using var batch = new NpgsqlBatch(part)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand(MetricColumns),
                    new NpgsqlBatchCommand("""SELECT "Id", "SourceId", "ReportId" FROM "Claims" """),
                    new NpgsqlBatchCommand($"""SELECT {FigureColumns} FROM "Figures" f WHERE f.ctid < '({split},0)'::tid"""),
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(token);
            var metrics = await ReadMetricsAsync(reader, token);
            await reader.NextResultAsync(token);
            var claims = new List<(int Id, int SourceId, int ReportId)>();
            while (await reader.ReadAsync(token))
            {
                claims.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
            }

            await reader.NextResultAsync(token);
            return (metrics, claims, await ReadFiguresAsync(reader, capacity, token));
        }, stop.Token), stop.Token);
        var second = Task.Run(() => InSnapshotAsync(secondReader, snapshot, async (part, token) =>
        {
            await using var batch = new NpgsqlBatch(part)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("""SELECT "Id", "Name" FROM "Sources" """),
                    new NpgsqlBatchCommand("""SELECT "Id", "OutletId", "PublishedOn" FROM "Reports" """),
                    new NpgsqlBatchCommand($"""SELECT {FigureColumns} FROM "Figures" f WHERE f.ctid >= '({split},0)'::tid"""),
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(token);
            var names = new Dictionary<int, string>();
            while (await reader.ReadAsync(token))
            {
                names[reader.GetInt32(0)] = reader.GetString(1);
            }

            await reader.NextResultAsync(token);
            var reports = new Dictionary<int, (int OutletId, DateOnly PublishedOn)>();
            while (await reader.ReadAsync(token))
            {
                reports[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2));
            }

            await reader.NextResultAsync(token);
            return (names, reports, await ReadFiguresAsync(reader, capacity, token));
        }, stop.Token), stop.Token);

        List<StoredConflict> conflicts;
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            AddStoredConflicts(batch, string.Empty, null, null);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            conflicts = await ReadStoredConflictsAsync(reader, cancellationToken);
            steps.Mark("stored conflicts");
        }
        catch
        {
            // The readers stop, and end before their connections are closed; what they fail with says no more than this.
            await stop.CancelAsync();
            await Task.WhenAll(first, second).ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }

        // Both end before either result is taken (and before their connections are closed), failed or not.
        await Task.WhenAll(first, second);
        steps.Mark("figures, waited for");
        var (metrics, claims, figures) = await first;
        var (sourceNames, reports, rest) = await second;
        figures.Append(rest);
        foreach (var (claimId, sourceId, reportId) in claims)
        {
            var (outletId, publishedOn) = reports[reportId];
            figures.AddClaim(claimId, new ClaimOrigin(sourceId, sourceNames[sourceId], reportId, sourceNames[outletId], publishedOn));
        }

        steps.Mark("halves joined, claims looked up");
        return (metrics, figures, conflicts);
    }

    /// <summary>Runs a read on a connection of its own (open), in a transaction that sees the given exported snapshot.</summary>
    private static async Task<T> InSnapshotAsync<T>(
        ClaimsDbContext db, string snapshot, Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        // An id PostgreSQL made ("00000003-0000001B-1"); SET takes no parameters, so it is checked before it is spliced in.
        if (snapshot.Length == 0 || !snapshot.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw new InvalidOperationException($"Unexpected snapshot id '{snapshot}'.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using (var command = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshot}'", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var result = await read(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<DetectionRows> ReadFiguresAsync(NpgsqlDataReader reader, int capacity, CancellationToken cancellationToken)
    {
        var figures = new DetectionRows(capacity);
        while (await reader.ReadAsync(cancellationToken))
        {
            AddFigure(figures, reader);
        }

        return figures;
    }

    /// <summary>Columns 0–13: what detection compares of a figure, with its claim's id.</summary>
    private const string FigureColumns = """
        f."Id", f."MetricId", f."Scope", f."ClaimId", f."AsWritten", f."Qualifier", f."Kind", f."Low", f."Best", f."High",
        f."TimeKind", f."TimeStart", f."TimeEnd", f."TimeAsWritten"
        """;

    private static void AddFigure(DetectionRows figures, NpgsqlDataReader reader) => figures.Add(
        figureId: reader.GetInt32(0),
        metricId: reader.GetInt32(1),
        scope: reader.GetString(2),
        claimId: reader.GetInt32(3),
        asWritten: reader.GetString(4),
        qualifier: Enum.Parse<Qualifier>(reader.GetString(5)),
        kind: Enum.Parse<FigureKind>(reader.GetString(6)),
        low: Decimal(reader, 7),
        best: Decimal(reader, 8),
        high: Decimal(reader, 9),
        timeKind: Enum.Parse<TimeReferenceKind>(reader.GetString(10)),
        timeStart: reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11),
        timeEnd: reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
        timeAsWritten: reader.IsDBNull(13) ? null : reader.GetString(13));

    /// <summary>The stored conflicts (all of them when <paramref name="where"/> is empty) and their members.</summary>
    private static void AddStoredConflicts(NpgsqlBatch batch, string where, int[]? metricIds, string[]? scopeKeys)
    {
        batch.BatchCommands.Add(Statement($"""
            SELECT c."Id", c."Signature", c."Status", c."Severity", c."Explanation", c."Scope", c.xmin,
                   c."PreferredFigureId", c."DismissalReason", c."Rationale", c."ResolvedBy", c."ResolvedAt"
            FROM "Conflicts" c
            {where}
            """, metricIds, scopeKeys));
        batch.BatchCommands.Add(Statement($"""
            SELECT m."ConflictId", m."FigureId", m."FigureFingerprint", m."Position", m."Camp", m."ConsistentCamps"
            FROM "ConflictMembers" m JOIN "Conflicts" c ON c."Id" = m."ConflictId"
            {where}
            ORDER BY m."ConflictId", m."FigureId"
            """, metricIds, scopeKeys));
    }

    private static async Task<List<StoredConflict>> ReadStoredConflictsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
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

        return conflicts;
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
    /// Every metric of a touched place's family paired with the place's scope key: a stored figure or conflict of the
    /// family in that place has one of these pairs (its metric, its stored ScopeKey), so the reads probe the
    /// (MetricId, ScopeKey) indexes for exactly the touched places, and nothing else of the families is read.
    /// </summary>
    private static (int[] MetricIds, string[] ScopeKeys) FamilyPlaces(List<DetectionMetric> metrics, IReadOnlyCollection<(int MetricId, string ScopeKey)> places)
    {
        var families = new MetricFamilies(metrics);
        var known = metrics.Select(m => m.Id).ToHashSet();
        var keysByFamily = places.Where(p => known.Contains(p.MetricId))
            .GroupBy(p => families.FamilyOf(p.MetricId), p => p.ScopeKey)
            .ToDictionary(g => g.Key, g => g.Distinct(StringComparer.Ordinal).ToList());
        var pairs = metrics
            .SelectMany(m => keysByFamily.TryGetValue(families.FamilyOf(m.Id), out var keys) ? keys.Select(key => (m.Id, key)) : [])
            .ToList();
        return ([.. pairs.Select(p => p.Id)], [.. pairs.Select(p => p.key)]);
    }

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

    private static NpgsqlBatchCommand Statement(string sql, int[]? metricIds, string[]? scopeKeys = null)
    {
        var statement = new NpgsqlBatchCommand(sql);
        if (metricIds is not null)
        {
            statement.Parameters.Add(new NpgsqlParameter { Value = metricIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        }

        if (scopeKeys is not null)
        {
            statement.Parameters.Add(new NpgsqlParameter { Value = scopeKeys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        return statement;
    }
}
