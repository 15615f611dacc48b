namespace ClaimsTracker.Domain.Conflicts;

public enum ConflictKind
{
    /// <summary>Different sources, same metric, scope and time, intervals that do not overlap.</summary>
    ValueDisagreement,
    /// <summary>One source's statement carried differently by two reports.</summary>
    ReportingDiscrepancy,
    /// <summary>One event, different dates.</summary>
    DateDisagreement,
    /// <summary>Parts that cannot add up to the stated whole.</summary>
    PartsVersusWhole,
    /// <summary>A cumulative figure from one source that falls over time.</summary>
    TrendReversal,
}
