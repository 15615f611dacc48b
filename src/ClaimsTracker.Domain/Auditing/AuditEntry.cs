namespace ClaimsTracker.Domain.Auditing;

/// <summary>
/// One change, as it happened: who, when, to what, and the values before and after (JSON).
/// Append-only: the database refuses updates and deletes of these rows.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Note { get; set; }
}
