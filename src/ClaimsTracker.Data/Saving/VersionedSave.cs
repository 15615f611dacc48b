using ClaimsTracker.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClaimsTracker.Data.Saving;

/// <summary>
/// The one way an edit of a versioned entity is saved: the version the editor started from is
/// what the database must still hold (PostgreSQL's xmin), or nothing is written.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Saves <paramref name="db"/>'s changes on the condition that <paramref name="entity"/> is still at
    /// <paramref name="expectedVersion"/>. The entity's row is written even when only rows hanging
    /// off it changed (aliases, parts), so the check applies and its version moves for the next
    /// editor. A stale version gives <see cref="ResultStatus.Conflict"/> with <paramref name="changedMeanwhile"/>'s
    /// message; a unique index another writer beat us to gives <see cref="ResultStatus.Invalid"/> on
    /// <paramref name="uniqueField"/>, when one is named.
    /// </summary>
    public static async Task<Result> SaveVersionedAsync<T>(
        this ClaimsDbContext db, T entity, uint expectedVersion, Func<Task<Failure>> changedMeanwhile,
        string? uniqueField = null, CancellationToken cancellationToken = default)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changedMeanwhile);
        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = expectedVersion;
        if (entry.State == EntityState.Unchanged)
        {
            var anyColumn = entry.Properties.First(p => !p.Metadata.IsKey() && !p.Metadata.IsConcurrencyToken && !p.Metadata.IsShadowProperty());
            anyColumn.IsModified = true;
        }

        try
        {
            return await db.SaveOrRefuseDuplicateAsync(uniqueField, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await changedMeanwhile();
        }
    }

    /// <summary>
    /// Saves; a unique index violated by a writer who got there first (both checked, both inserted,
    /// one committed first) is an "already exists" validation failure on the field the index covers
    /// when the form has it, else on <paramref name="uniqueField"/>.
    /// </summary>
    public static async Task<Result> SaveOrRefuseDuplicateAsync(this ClaimsDbContext db, string? uniqueField, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateException e) when (uniqueField is not null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } violation)
        {
            var indexed = IndexedProperty(db, violation.ConstraintName);
            var field = indexed is "Name" or "Key" ? indexed : uniqueField;
            return Result.Invalid(field, $"This {field.ToLowerInvariant()} already exists: someone else saved it a moment ago. Choose another, or use the one they saved.");
        }
    }

    /// <summary>The first property of the unique index named <paramref name="indexName"/> in the model, if any.</summary>
    private static string? IndexedProperty(ClaimsDbContext db, string? indexName) =>
        indexName is null ? null : db.Model.GetEntityTypes().SelectMany(t => t.GetIndexes())
            .FirstOrDefault(i => i.GetDatabaseName() == indexName)?.Properties[0].Name;
}
