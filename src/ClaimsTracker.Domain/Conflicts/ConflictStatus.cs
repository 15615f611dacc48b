namespace ClaimsTracker.Domain.Conflicts;

public enum ConflictStatus
{
    Open,
    /// <summary>A reviewer preferred one figure over the others.</summary>
    Resolved,
    /// <summary>A reviewer found the figures compatible (other scope, period or definition).</summary>
    NotAConflict,
    NeedsMoreInformation,
}
