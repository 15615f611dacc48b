using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Metrics;

namespace ClaimsTracker.Domain.Conflicts;

/// <summary>Figures that disagree, as found by detection, and what a reviewer decided.</summary>
public class Conflict : IVersioned
{
    public int Id { get; set; }
    public ConflictKind Kind { get; set; }

    public int MetricId { get; set; }
    public Metric? Metric { get; set; }
    public string Scope { get; set; } = string.Empty;

    /// <summary>
    /// Identifies the conflict by kind and member figures, so that detecting again finds the
    /// same row instead of adding another.
    /// </summary>
    public required string Signature { get; set; }

    /// <summary>0 (barely) to 1 (wildly apart); queues sort by it.</summary>
    public double Severity { get; set; }

    /// <summary>One line a reviewer can read: why these figures disagree.</summary>
    public required string Explanation { get; set; }

    public ConflictStatus Status { get; set; }
    public DateTimeOffset DetectedAt { get; set; }

    public string? AssignedTo { get; set; }
    public int? PreferredFigureId { get; set; }

    /// <summary>Set when a reviewer marked it "not a conflict"; the engine then stops flagging the pair.</summary>
    public DismissalReason? DismissalReason { get; set; }
    public string? Rationale { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public List<ConflictMember> Members { get; set; } = [];

    public uint Version { get; set; }
}
