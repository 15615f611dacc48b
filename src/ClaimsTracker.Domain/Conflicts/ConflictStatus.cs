namespace ClaimsTracker.Domain.Conflicts;

public enum ConflictStatus
{
    Open,
    /// <summary>A reviewer preferred one figure over the others.</summary>
    Resolved,
    /// <summary>A reviewer found the figures compatible (other scope, period or definition).</summary>
    NotAConflict,
    NeedsMoreInformation,
    /// <summary>
    /// Detection no longer finds it (a figure changed or was removed) while it was still open;
    /// kept for the record, and opened again if the disagreement comes back.
    /// </summary>
    NoLongerDetected,
}
