using ClaimsTracker.Domain.Auditing;
using Npgsql;
using NpgsqlTypes;

namespace ClaimsTracker.Data.Auditing;

/// <summary>
/// Audit entries written with one binary COPY, for the bulk paths (detection, import) that store
/// rows without the change tracker but must leave the same trail a save would.
/// </summary>
internal static class AuditCopy
{
    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "AuditEntries" ("At", "UserName", "EntityType", "EntityId", "Action", "Before", "After", "Note") FROM STDIN (FORMAT BINARY)""",
            cancellationToken);
        foreach (var entry in entries)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(entry.At, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(entry.UserName, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(entry.EntityType, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(entry.EntityId, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(entry.Action, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, entry.Before, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteNullableAsync(writer, entry.After, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteNullableAsync(writer, entry.Note, NpgsqlDbType.Varchar, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken);
        }
    }
}
