using ClaimsTracker.Domain.Conflicts;

namespace ClaimsTracker.Web.Features.Conflicts;

/// <summary>Words for enum values, as reviewers read them.</summary>
public static class ConflictText
{
    public static string Kind(ConflictKind kind) => kind switch
    {
        ConflictKind.ValueDisagreement => "Value disagreement",
        ConflictKind.ReportingDiscrepancy => "Reporting discrepancy",
        ConflictKind.DateDisagreement => "Date disagreement",
        ConflictKind.PartsVersusWhole => "Parts vs whole",
        ConflictKind.TrendReversal => "Trend reversal",
        _ => kind.ToString(),
    };

    public static string Status(ConflictStatus status) => status switch
    {
        ConflictStatus.NotAConflict => "Not a conflict",
        ConflictStatus.NeedsMoreInformation => "Needs more information",
        ConflictStatus.NoLongerDetected => "No longer detected",
        _ => status.ToString(),
    };

    public static string Reason(DismissalReason reason) => reason switch
    {
        DismissalReason.DifferentScope => "Different scope",
        DismissalReason.DifferentPeriod => "Different period",
        DismissalReason.DifferentDefinition => "Different definition",
        _ => "Other",
    };
}
