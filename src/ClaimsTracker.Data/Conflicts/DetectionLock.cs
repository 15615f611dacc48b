using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Data.Conflicts;

/// <summary>
/// Detection over one metric family runs one at a time across every instance on the database:
/// two runs over the same family would both insert the same new conflict and one of them fail
/// after its own write had committed. Runs over different families do not wait for each other,
/// and a full pass waits until no family is being detected and holds the others off meanwhile.
/// The locks are PostgreSQL transaction-level advisory locks taken inside the detection's own
/// transaction, so they cost no extra connection and end with its commit or rollback.
/// </summary>
public static class DetectionLock
{
    /// <summary>Held shared by every family run and exclusively by a full pass ("ctdetect" in ASCII).</summary>
    public const long AllFamiliesKey = 0x6374_6465_7465_6374;

    /// <summary>The first half of a family's two-part lock key ("ctdf"); the family id is the second.</summary>
    public const int FamilyLockClass = 0x6374_6466;

    /// <summary>Waits for the given families, in ascending order so two overlapping runs never deadlock.</summary>
    public static async Task ForFamiliesAsync(ClaimsDbContext db, IEnumerable<int> familyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(familyIds);
        RequireTransaction(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({AllFamiliesKey})", cancellationToken);
        foreach (var familyId in familyIds.Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FamilyLockClass}, {familyId})", cancellationToken);
        }
    }

    /// <summary>Waits until no family is being detected and keeps every family run waiting until the transaction ends.</summary>
    public static async Task ForAllFamiliesAsync(ClaimsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        RequireTransaction(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AllFamiliesKey})", cancellationToken);
    }

    /// <summary>
    /// The same locks as <see cref="ForFamiliesAsync"/> (or <see cref="ForAllFamiliesAsync"/> when
    /// null), as statements to run ahead of detection's reads in one batch: a batch runs its
    /// statements in order, so the reads start once every lock is held. Each returns one row.
    /// </summary>
    internal static List<NpgsqlBatchCommand> Statements(IEnumerable<int>? familyIds)
    {
        if (familyIds is null)
        {
            return [Statement("SELECT pg_advisory_xact_lock($1)", AllFamiliesKey)];
        }

        var statements = new List<NpgsqlBatchCommand> { Statement("SELECT pg_advisory_xact_lock_shared($1)", AllFamiliesKey) };
        foreach (var familyId in familyIds.Distinct().Order())
        {
            statements.Add(Statement("SELECT pg_advisory_xact_lock($1, $2)", FamilyLockClass, familyId));
        }

        return statements;
    }

    private static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var statement = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            statement.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return statement;
    }

    private static void RequireTransaction(ClaimsDbContext db)
    {
        // Outside a transaction the lock would end with the statement that took it.
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Detection locks are taken inside the detection's transaction.");
        }
    }
}
