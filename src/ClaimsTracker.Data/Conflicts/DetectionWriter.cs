using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaimsTracker.Data.Auditing;
using ClaimsTracker.Domain.Auditing;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Conflicts.Detection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>
/// Matches what detection found with the stored conflicts and writes the difference set-based, in
/// the run's transaction: new conflicts, their members and audit entries by binary COPY (or one
/// multi-row INSERT when there are few), changed rows with one UPDATE or DELETE per kind of change.
/// The rules are those of the one-row-at-a-time reconciliation it replaces: new ones are added,
/// decided ones keep their decision while their members are unchanged and reopen (with the reason
/// in their audit entry) when one joins, changes or leaves, open ones no longer found are marked so.
/// The audit entries carry what <see cref="Auditing.AuditRecorder"/> would record for the same
/// change through EF: the changed columns before and after, as JSON, with the same note.
/// </summary>
internal sealed class DetectionWriter(ClaimsDbContext db, DateTimeOffset detectedAt, int copyThreshold, DetectionSteps steps)
{
    public const string Note = "conflict detection";

    private readonly Dictionary<int, StoredConflict> versionChecked = [];
    private readonly List<(StoredConflict Stored, DetectedConflict Found)> textChanged = [];
    private readonly List<StoredConflict> withdrawn = [];
    private readonly List<(StoredConflict Stored, string Reason)> reopened = [];
    private readonly List<(int ConflictId, StoredMember Member)> memberDeletes = [];
    private readonly List<(int ConflictId, StoredMember Member)> memberUpdates = [];
    private readonly List<(int ConflictId, StoredMember Member)> memberInserts = [];
    private readonly List<DetectedConflict> added = [];
    private readonly List<int> newConflictIds = [];
    private readonly List<AuditRow> audit = [];
    private readonly JsonRecorder json = new();
    private int updated;

    private Dictionary<string, StoredConflict> bySignature = [];

    /// <summary>The stored conflicts the run's findings are matched with; call before <see cref="Reconcile"/>.</summary>
    public void Begin(List<StoredConflict> existing) => bySignature = existing.ToDictionary(c => c.Signature, StringComparer.Ordinal);

    /// <summary>
    /// Matches one finding as soon as the detector returns it (in the order found), so a finding that changes nothing
    /// is garbage at once instead of waiting in a list of them all for the end of a full pass.
    /// </summary>
    public void Reconcile(DetectedConflict found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (!bySignature.Remove(found.Signature, out var stored))
        {
            added.Add(found);
            return;
        }

        var (membersChanged, placesChanged) = SyncMembers(stored, found);
        var text = TextChanges(stored, found);
        if (text is not null)
        {
            textChanged.Add((stored, found));
            versionChecked[stored.Id] = stored;
            audit.Add(Modified(nameof(Conflict), Key(stored.Id), text.Value.Before, text.Value.After, Note));
        }

        if (membersChanged is not null && stored.IsDecided)
        {
            reopened.Add((stored, $"reopened: {membersChanged}; it was {stored.Status} by {stored.ResolvedBy ?? "a reviewer"}"));
        }
        else if (stored.Status == ConflictStatus.NoLongerDetected)
        {
            reopened.Add((stored, "reopened: the disagreement is detected again"));
        }
        else if (membersChanged is not null || placesChanged || text is not null)
        {
            updated++;
        }
    }

    /// <summary>Writes what the findings matched so far changed, and what was not found again.</summary>
    public async Task<DetectionSummary> FinishAsync(CancellationToken cancellationToken)
    {
        // What is left was not found this time. Decided conflicts stay as the reviewer left them.
        foreach (var gone in bySignature.Values.Where(c => c.Status == ConflictStatus.Open))
        {
            withdrawn.Add(gone);
            versionChecked[gone.Id] = gone;
            audit.Add(Modified(nameof(Conflict), Key(gone.Id),
                json.Object(w => w.WriteNumber(nameof(Conflict.Status), (int)ConflictStatus.Open)),
                json.Object(w => w.WriteNumber(nameof(Conflict.Status), (int)ConflictStatus.NoLongerDetected)), Note));
        }

        await AddNewConflictsAsync(cancellationToken);

        // The reopen entries come after the others, each with its own reason, as separate saves wrote them.
        foreach (var (stored, reason) in reopened)
        {
            versionChecked[stored.Id] = stored;
            audit.Add(Modified(nameof(Conflict), Key(stored.Id), ReopenBefore(stored), json.Object(w => ReopenAfter(w, stored)), reason));
        }

        await WriteAsync(cancellationToken);
        return new DetectionSummary(0, 0, added.Count, updated, reopened.Count, withdrawn.Count, TimeSpan.Zero);
    }

    /// <summary>
    /// Brings the stored members in line with the found ones. Says which figures joined, changed
    /// or left (that reopens a decision), and whether only positions or camps moved (that does not).
    /// </summary>
    private (string? Changes, bool PlacesChanged) SyncMembers(StoredConflict stored, DetectedConflict found)
    {
        var changes = new List<string>();
        var placesChanged = false;
        var wanted = found.Members.ToDictionary(m => m.FigureId);
        foreach (var member in stored.Members)
        {
            if (!wanted.Remove(member.FigureId, out var figure))
            {
                memberDeletes.Add((stored.Id, member));
                audit.Add(new AuditRow(nameof(ConflictMember), Key(stored.Id, member.FigureId), "Deleted", MemberJson(stored.Id, member), null, Note));
                changes.Add($"figure {member.FigureId} left");
                continue;
            }

            var place = Member(found, figure);
            var fingerprintChanged = member.FigureFingerprint != place.FigureFingerprint;
            if (fingerprintChanged)
            {
                changes.Add($"figure {member.FigureId} changed");
            }

            var positionChanged = member.Position != place.Position;
            var campChanged = member.Camp != place.Camp;
            var campsChanged = !member.ConsistentCamps.SequenceEqual(place.ConsistentCamps);
            placesChanged |= positionChanged || campChanged || campsChanged;
            if (fingerprintChanged || positionChanged || campChanged || campsChanged)
            {
                memberUpdates.Add((stored.Id, place));
                audit.Add(Modified(nameof(ConflictMember), Key(stored.Id, member.FigureId),
                    json.Object(w => MemberChanges(w, member, fingerprintChanged, positionChanged, campChanged, campsChanged)),
                    json.Object(w => MemberChanges(w, place, fingerprintChanged, positionChanged, campChanged, campsChanged)), Note));
            }
        }

        foreach (var figure in wanted.Values.OrderBy(f => f.FigureId))
        {
            var member = Member(found, figure);
            memberInserts.Add((stored.Id, member));
            audit.Add(new AuditRow(nameof(ConflictMember), Key(stored.Id, member.FigureId), "Added", null, MemberJson(stored.Id, member), Note));
            changes.Add($"figure {figure.FigureId} joined");
        }

        return (changes.Count == 0 ? null : string.Join(", ", changes), placesChanged);
    }

    private (string Before, string After)? TextChanges(StoredConflict stored, DetectedConflict found)
    {
        var explanation = stored.Explanation != found.Explanation;
        var scope = stored.Scope != found.Scope;
        var severity = !stored.Severity.Equals(found.Severity);
        if (!explanation && !scope && !severity)
        {
            return null;
        }

        return (
            json.Object(w => Text(w, explanation ? stored.Explanation : null, scope ? stored.Scope : null, severity ? stored.Severity : null)),
            json.Object(w => Text(w, explanation ? found.Explanation : null, scope ? found.Scope : null, severity ? found.Severity : null)));

        static void Text(Utf8JsonWriter w, string? explanation, string? scope, double? severity)
        {
            if (explanation is not null)
            {
                w.WriteString(nameof(Conflict.Explanation), explanation);
            }

            if (scope is not null)
            {
                w.WriteString(nameof(Conflict.Scope), scope);
            }

            if (severity is { } value)
            {
                w.WriteNumber(nameof(Conflict.Severity), value);
            }
        }
    }

    private async Task AddNewConflictsAsync(CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        // Ids from the table's own identity sequence, so the rows, their members and audit entries
        // can be written in bulk without reading ids back.
        var ids = new List<int>(added.Count);
        await using (var command = new NpgsqlCommand("""SELECT nextval(pg_get_serial_sequence('"Conflicts"', 'Id'))::integer FROM generate_series(1, $1)""", Connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = added.Count, NpgsqlDbType = NpgsqlDbType.Integer });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        steps.Mark("new conflicts' ids");
        for (var i = 0; i < added.Count; i++)
        {
            var found = added[i];
            var id = ids[i];
            newConflictIds.Add(id);
            audit.Add(new AuditRow(nameof(Conflict), Key(id), "Added", null, json.Object(w =>
            {
                w.WriteNumber(nameof(Conflict.Id), id);
                w.WriteNull(nameof(Conflict.AssignedTo));
                w.WriteString(nameof(Conflict.DetectedAt), detectedAt);
                w.WriteNull(nameof(Conflict.DismissalReason));
                w.WriteString(nameof(Conflict.Explanation), found.Explanation);
                w.WriteNumber(nameof(Conflict.Kind), (int)found.Kind);
                w.WriteNumber(nameof(Conflict.MetricId), found.MetricId);
                w.WriteNull(nameof(Conflict.PreferredFigureId));
                w.WriteNull(nameof(Conflict.Rationale));
                w.WriteNull(nameof(Conflict.ResolvedAt));
                w.WriteNull(nameof(Conflict.ResolvedBy));
                w.WriteString(nameof(Conflict.Scope), found.Scope);
                w.WriteNumber(nameof(Conflict.Severity), found.Severity);
                w.WriteString(nameof(Conflict.Signature), found.Signature);
                w.WriteNumber(nameof(Conflict.Status), (int)ConflictStatus.Open);
                // The members it was found with go in its own entry (as an imported report's claims go in the report's):
                // one entry per new conflict instead of one more per member, and the conflict's history shows them.
                w.WriteStartArray(nameof(Conflict.Members));
                foreach (var figure in found.Members)
                {
                    var member = Member(found, figure);
                    memberInserts.Add((id, member));
                    w.WriteStartObject();
                    MemberValues(w, member);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }), Note));
        }

        steps.Mark("new conflicts' members and audit values");
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(Connection);
        await using var disposeBatch = batch;
        var checkVersions = versionChecked.Count > 0;
        if (checkVersions)
        {
            // A reviewer's decision saved since the read would be overwritten: fail as EF's row version check does.
            batch.BatchCommands.Add(Statement("""SELECT "Id", xmin FROM "Conflicts" WHERE "Id" = ANY($1) FOR UPDATE""", Ints(versionChecked.Keys)));
        }

        if (textChanged.Count > 0)
        {
            batch.BatchCommands.Add(Statement("""
                UPDATE "Conflicts" c SET "Severity" = u.severity, "Explanation" = u.explanation, "Scope" = u.scope, "ScopeKey" = u.scope_key
                FROM unnest($1, $2, $3, $4, $5) AS u(id, severity, explanation, scope, scope_key)
                WHERE c."Id" = u.id
                """,
                Ints(textChanged.Select(t => t.Stored.Id)),
                Array(textChanged.Select(t => t.Found.Severity), NpgsqlDbType.Double),
                Texts(textChanged.Select(t => t.Found.Explanation)),
                Texts(textChanged.Select(t => t.Found.Scope)),
                Texts(textChanged.Select(t => t.Found.ScopeKey))));
        }

        if (withdrawn.Count > 0)
        {
            batch.BatchCommands.Add(Statement(
                $"""UPDATE "Conflicts" SET "Status" = '{ConflictStatus.NoLongerDetected}' WHERE "Id" = ANY($1)""", Ints(withdrawn.Select(c => c.Id))));
        }

        if (reopened.Count > 0)
        {
            // What Conflict.Reopen does: open again, the decision cleared.
            batch.BatchCommands.Add(Statement($"""
                UPDATE "Conflicts" SET "Status" = '{ConflictStatus.Open}', "PreferredFigureId" = NULL, "DismissalReason" = NULL,
                    "Rationale" = NULL, "ResolvedBy" = NULL, "ResolvedAt" = NULL
                WHERE "Id" = ANY($1)
                """, Ints(reopened.Select(r => r.Stored.Id))));
        }

        if (memberDeletes.Count > 0)
        {
            batch.BatchCommands.Add(Statement("""
                DELETE FROM "ConflictMembers" m USING unnest($1, $2) AS u(conflict, figure)
                WHERE m."ConflictId" = u.conflict AND m."FigureId" = u.figure
                """, Ints(memberDeletes.Select(d => d.ConflictId)), Ints(memberDeletes.Select(d => d.Member.FigureId))));
        }

        if (memberUpdates.Count > 0)
        {
            batch.BatchCommands.Add(Statement("""
                UPDATE "ConflictMembers" m
                SET "FigureFingerprint" = u.fingerprint, "Position" = u.position, "Camp" = u.camp, "ConsistentCamps" = u.camps::integer[]
                FROM unnest($1, $2, $3, $4, $5, $6) AS u(conflict, figure, fingerprint, position, camp, camps)
                WHERE m."ConflictId" = u.conflict AND m."FigureId" = u.figure
                """,
                Ints(memberUpdates.Select(u => u.ConflictId)),
                Ints(memberUpdates.Select(u => u.Member.FigureId)),
                Texts(memberUpdates.Select(u => u.Member.FigureFingerprint)),
                Ints(memberUpdates.Select(u => u.Member.Position)),
                Ints(memberUpdates.Select(u => u.Member.Camp)),
                Texts(memberUpdates.Select(u => CampsLiteral(u.Member.ConsistentCamps)))));
        }

        var copy = new List<(string Name, Func<Task> Write)>();
        if (added.Count > 0)
        {
            if (added.Count >= copyThreshold)
            {
                copy.Add(("COPY conflicts", () => CopyConflictsAsync(cancellationToken)));
            }
            else
            {
                batch.BatchCommands.Add(Statement($"""
                    INSERT INTO "Conflicts" ("Id", "Kind", "MetricId", "Scope", "ScopeKey", "Signature", "Severity", "Explanation", "Status", "DetectedAt")
                    SELECT id, kind, metric, scope, scope_key, signature, severity, explanation, '{ConflictStatus.Open}', $9
                    FROM unnest($1, $2, $3, $4, $5, $6, $7, $8) AS u(id, kind, metric, scope, scope_key, signature, severity, explanation)
                    """,
                    Ints(newConflictIds),
                    Texts(added.Select(a => a.Kind.ToString())),
                    Ints(added.Select(a => a.MetricId)),
                    Texts(added.Select(a => a.Scope)),
                    Texts(added.Select(a => a.ScopeKey)),
                    Texts(added.Select(a => a.Signature)),
                    Array(added.Select(a => a.Severity), NpgsqlDbType.Double),
                    Texts(added.Select(a => a.Explanation)),
                    new NpgsqlParameter { Value = detectedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz }));
            }
        }

        if (memberInserts.Count >= copyThreshold)
        {
            copy.Add(("COPY members", () => CopyMembersAsync(cancellationToken)));
        }
        else if (memberInserts.Count > 0)
        {
            batch.BatchCommands.Add(Statement("""
                INSERT INTO "ConflictMembers" ("ConflictId", "FigureId", "FigureFingerprint", "Position", "Camp", "ConsistentCamps")
                SELECT conflict, figure, fingerprint, position, camp, camps::integer[]
                FROM unnest($1, $2, $3, $4, $5, $6) AS u(conflict, figure, fingerprint, position, camp, camps)
                """,
                Ints(memberInserts.Select(i => i.ConflictId)),
                Ints(memberInserts.Select(i => i.Member.FigureId)),
                Texts(memberInserts.Select(i => i.Member.FigureFingerprint)),
                Ints(memberInserts.Select(i => i.Member.Position)),
                Ints(memberInserts.Select(i => i.Member.Camp)),
                Texts(memberInserts.Select(i => CampsLiteral(i.Member.ConsistentCamps)))));
        }

        var at = db.AuditClock.GetUtcNow();
        if (audit.Count >= copyThreshold)
        {
            copy.Add(("COPY audit entries", () => CopyAuditAsync(at, cancellationToken)));
        }
        else if (audit.Count > 0)
        {
            // WITH ORDINALITY keeps the entries' order, so a reopen reason stays the conflict's latest entry.
            batch.BatchCommands.Add(Statement("""
                INSERT INTO "AuditEntries" ("At", "UserName", "EntityType", "EntityId", "Action", "Before", "After", "Note")
                SELECT $1, $2, type, id, action, before::jsonb, after::jsonb, note
                FROM unnest($3, $4, $5, $6, $7, $8) WITH ORDINALITY AS u(type, id, action, before, after, note, n)
                ORDER BY n
                """,
                new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = db.AuditUserName, NpgsqlDbType = NpgsqlDbType.Text },
                Texts(audit.Select(a => a.EntityType)),
                Texts(audit.Select(a => a.EntityId)),
                Texts(audit.Select(a => a.Action)),
                Texts(audit.Select(a => a.Before)),
                Texts(audit.Select(a => a.After)),
                Texts(audit.Select(a => a.Note))));
        }

        if (added.Count + updated + reopened.Count + withdrawn.Count > 0)
        {
            // Sent when the transaction commits, like ConflictNotifications.NotifyAsync, without a round trip of its own.
            batch.BatchCommands.Add(Statement("SELECT pg_notify($1, $2)",
                new NpgsqlParameter { Value = ConflictNotifications.Channel, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = "detection", NpgsqlDbType = NpgsqlDbType.Text }));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (checkVersions)
            {
                var current = new Dictionary<int, uint>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    current[reader.GetInt32(0)] = reader.GetFieldValue<uint>(1);
                }

                if (versionChecked.Values.Any(c => !current.TryGetValue(c.Id, out var version) || version != c.Version))
                {
                    throw new DbUpdateConcurrencyException("A conflict changed while detection ran; the run is rolled back and may be repeated.");
                }
            }
        }

        steps.Mark("writes in one batch");
        foreach (var (name, write) in copy)
        {
            await write();
            steps.Mark(name);
        }
    }

    private async Task CopyConflictsAsync(CancellationToken cancellationToken)
    {
        await using var importer = await Connection.BeginBinaryImportAsync(
            """COPY "Conflicts" ("Id", "Kind", "MetricId", "Scope", "ScopeKey", "Signature", "Severity", "Explanation", "Status", "DetectedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken);
        for (var i = 0; i < added.Count; i++)
        {
            var found = added[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(newConflictIds[i], NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(found.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(found.MetricId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(found.Scope, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(found.ScopeKey, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(found.Signature, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(found.Severity, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(found.Explanation, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(nameof(ConflictStatus.Open), NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(detectedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task CopyMembersAsync(CancellationToken cancellationToken)
    {
        await using var importer = await Connection.BeginBinaryImportAsync(
            """COPY "ConflictMembers" ("ConflictId", "FigureId", "FigureFingerprint", "Position", "Camp", "ConsistentCamps") FROM STDIN (FORMAT BINARY)""", cancellationToken);
        foreach (var (conflictId, member) in memberInserts)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(conflictId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(member.FigureId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(member.FigureFingerprint, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(member.Position, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(member.Camp, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(member.ConsistentCamps, NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private Task CopyAuditAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var user = db.AuditUserName;
        return AuditCopy.WriteAsync(Connection, audit.Select(row => new AuditEntry
        {
            At = at,
            UserName = user,
            EntityType = row.EntityType,
            EntityId = row.EntityId,
            Action = row.Action,
            Before = row.Before,
            After = row.After,
            Note = row.Note,
        }), cancellationToken);
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>A member's row as detection placed it (what <see cref="DetectedConflict.PositionOf"/> says, looked up once per conflict).</summary>
    private StoredMember Member(DetectedConflict found, DetectionFigure figure)
    {
        if (!ReferenceEquals(positionsOf, found))
        {
            positionsOf = found;
            positions.Clear();
            foreach (var position in found.Positions)
            {
                foreach (var member in position.Figures)
                {
                    positions.TryAdd(member.FigureId, position);
                }
            }
        }

        var place = positions[figure.FigureId];
        return new StoredMember(figure.FigureId, figure.Fingerprint, place.Number, place.Camp, [.. place.ConsistentCamps]);
    }

    private readonly Dictionary<int, DetectedPosition> positions = [];
    private DetectedConflict? positionsOf;

    /// <summary>Every column of a member, as an added or deleted row's entry records it.</summary>
    private string MemberJson(int conflictId, StoredMember member) => json.Object(w =>
    {
        w.WriteNumber(nameof(ConflictMember.ConflictId), conflictId);
        MemberValues(w, member);
    });

    private static void MemberValues(Utf8JsonWriter w, StoredMember member)
    {
        w.WriteNumber(nameof(ConflictMember.FigureId), member.FigureId);
        w.WriteNumber(nameof(ConflictMember.Camp), member.Camp);
        Camps(w, member.ConsistentCamps);
        w.WriteString(nameof(ConflictMember.FigureFingerprint), member.FigureFingerprint);
        w.WriteNumber(nameof(ConflictMember.Position), member.Position);
    }

    private static void MemberChanges(Utf8JsonWriter w, StoredMember member, bool fingerprint, bool position, bool camp, bool camps)
    {
        if (camp)
        {
            w.WriteNumber(nameof(ConflictMember.Camp), member.Camp);
        }

        if (camps)
        {
            Camps(w, member.ConsistentCamps);
        }

        if (fingerprint)
        {
            w.WriteString(nameof(ConflictMember.FigureFingerprint), member.FigureFingerprint);
        }

        if (position)
        {
            w.WriteNumber(nameof(ConflictMember.Position), member.Position);
        }
    }

    private static void Camps(Utf8JsonWriter w, int[] camps)
    {
        w.WriteStartArray(nameof(ConflictMember.ConsistentCamps));
        foreach (var camp in camps)
        {
            w.WriteNumberValue(camp);
        }

        w.WriteEndArray();
    }

    /// <summary>The decision's columns that Reopen clears: only those that held a value change.</summary>
    private string ReopenBefore(StoredConflict stored) => json.Object(w =>
    {
        w.WriteNumber(nameof(Conflict.Status), (int)stored.Status);
        if (stored.PreferredFigureId is { } preferred)
        {
            w.WriteNumber(nameof(Conflict.PreferredFigureId), preferred);
        }

        if (stored.DismissalReason is { } reason)
        {
            w.WriteNumber(nameof(Conflict.DismissalReason), (int)reason);
        }

        if (stored.Rationale is not null)
        {
            w.WriteString(nameof(Conflict.Rationale), stored.Rationale);
        }

        if (stored.ResolvedBy is not null)
        {
            w.WriteString(nameof(Conflict.ResolvedBy), stored.ResolvedBy);
        }

        if (stored.ResolvedAt is { } at)
        {
            w.WriteString(nameof(Conflict.ResolvedAt), at);
        }
    });

    private static void ReopenAfter(Utf8JsonWriter w, StoredConflict stored)
    {
        w.WriteNumber(nameof(Conflict.Status), (int)ConflictStatus.Open);
        foreach (var (name, held) in new[]
        {
            (nameof(Conflict.PreferredFigureId), stored.PreferredFigureId is not null),
            (nameof(Conflict.DismissalReason), stored.DismissalReason is not null),
            (nameof(Conflict.Rationale), stored.Rationale is not null),
            (nameof(Conflict.ResolvedBy), stored.ResolvedBy is not null),
            (nameof(Conflict.ResolvedAt), stored.ResolvedAt is not null),
        })
        {
            if (held)
            {
                w.WriteNull(name);
            }
        }
    }

    private static AuditRow Modified(string type, string id, string before, string after, string note) => new(type, id, "Modified", before, after, note);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Key(int conflictId, int figureId) => string.Create(CultureInfo.InvariantCulture, $"{conflictId},{figureId}");

    private static string CampsLiteral(int[] camps) => "{" + string.Join(",", camps) + "}";

    private static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var statement = new NpgsqlBatchCommand(sql);
        statement.Parameters.AddRange(parameters);
        return statement;
    }

    private static NpgsqlParameter Ints(IEnumerable<int> values) => Array(values, NpgsqlDbType.Integer);

    private static NpgsqlParameter Texts(IEnumerable<string?> values) => Array(values, NpgsqlDbType.Text);

    private static NpgsqlParameter Array<T>(IEnumerable<T> values, NpgsqlDbType type) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };

    private sealed record AuditRow(string EntityType, string EntityId, string Action, string? Before, string? After, string? Note);

    /// <summary>Writes audit values as JSON objects the way the audit recorder's serializer does (enums as numbers).</summary>
    private sealed class JsonRecorder
    {
        private readonly ArrayBufferWriter<byte> buffer = new(256);

        public string Object(Action<Utf8JsonWriter> write)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
