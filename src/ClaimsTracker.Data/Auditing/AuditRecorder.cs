using System.Text.Json;
using ClaimsTracker.Domain.Auditing;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClaimsTracker.Data.Auditing;

/// <summary>Turns tracked changes of domain rows into <see cref="AuditEntry"/> records.</summary>
internal static class AuditRecorder
{
    /// <summary>How values are written into the entries (also by the import's bulk copy).</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    /// <summary>
    /// An entry read before the save. <paramref name="After"/> holds the values as they were then; keys and foreign keys
    /// among them are read again once the save has written the rows (<paramref name="Properties"/>), as a new row's
    /// keys are temporary (negative) until then.
    /// </summary>
    internal sealed record PendingAudit(
        EntityEntry Entry, string EntityType, string Action, string? Before, Dictionary<string, object?>? After, IReadOnlyList<PropertyEntry> Properties);

    /// <summary>Reads the before values now, while the tracker still knows them, and what the after values will be.</summary>
    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !IsAudited(entry))
            {
                continue;
            }

            var properties = entry.Properties
                .Where(p => Records(p.Metadata) && (entry.State != EntityState.Modified || p.IsModified))
                .ToList();
            if (properties.Count == 0)
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : Serialise(properties, p => p.OriginalValue);
            // Only keys are read again after the save: a generated column (search vector) read back then stays out, as before.
            var after = entry.State == EntityState.Deleted ? null : properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
            pending.Add(new PendingAudit(entry, AuditedTypeName(entry), entry.State.ToString(), before, after, properties));
        }

        return pending;
    }

    /// <summary>Builds the entries once keys are known (after the rows were written).</summary>
    public static IEnumerable<AuditEntry> Complete(List<PendingAudit> pending, string user, string? note, DateTimeOffset at) =>
        pending.Select(p => new AuditEntry
        {
            At = at,
            UserName = user,
            EntityType = p.EntityType,
            EntityId = KeyOf(p.Entry),
            Action = p.Action,
            Before = p.Before,
            After = p.After is null ? null : Serialise(WithStoredKeys(p.After, p.Properties)),
            Note = note,
        });

    /// <summary>The captured values with every key and foreign key as the save stored it (a new parent's real id, not its temporary one).</summary>
    private static Dictionary<string, object?> WithStoredKeys(Dictionary<string, object?> after, IReadOnlyList<PropertyEntry> properties)
    {
        foreach (var property in properties)
        {
            if (property.Metadata.IsKey() || property.Metadata.IsForeignKey())
            {
                after[property.Metadata.Name] = property.CurrentValue;
            }
        }

        return after;
    }

    /// <summary>
    /// Whether an entry records the property (also for the import's bulk copy and detection's own entries): not the xmin
    /// version, which changes on every save and tells a reader nothing, nor a scope's key, which its scope beside it fixes.
    /// </summary>
    internal static bool Records(IReadOnlyProperty property) =>
        !property.IsConcurrencyToken
        && !(property.Name == nameof(Figure.ScopeKey) && property.DeclaringType.ClrType == typeof(Figure))
        && !(property.Name == nameof(Conflict.ScopeKey) && property.DeclaringType.ClrType == typeof(Conflict));

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not AuditEntry
        && entry.Metadata.ClrType.Namespace?.StartsWith("ClaimsTracker.Domain", StringComparison.Ordinal) == true;

    /// <summary>Owned values (a claim's quote, a figure's time) are recorded under their owner.</summary>
    private static string AuditedTypeName(EntityEntry entry) =>
        entry.Metadata.IsOwned()
            ? $"{entry.Metadata.FindOwnership()!.PrincipalEntityType.ClrType.Name}.{entry.Metadata.FindOwnership()!.PrincipalToDependent!.Name}"
            : entry.Metadata.ClrType.Name;

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string Serialise(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        Serialise(properties.ToDictionary(p => p.Metadata.Name, value));

    /// <summary>Values by property name, as the entries record them (also for the import's bulk copy).</summary>
    internal static string Serialise(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonOptions);
}
