using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Metrics;

namespace ClaimsTracker.Domain.Conflicts;

/// <summary>
/// A dispute: the positions on one quantity and period that cannot all be right (members, each
/// with its position and camp), as found by detection, and what a reviewer decided. The two
/// single-source kinds (reporting discrepancy, trend reversal) use the same row.
/// </summary>
/// <remarks>
/// Its status changes only through <see cref="Resolve"/>, <see cref="Reopen"/> and
/// <see cref="MarkNoLongerDetected"/>, so every writer (reviewers, detection) follows one set of rules.
/// </remarks>
public class Conflict : IVersioned
{
    private string scope = string.Empty;

    public int Id { get; set; }
    public ConflictKind Kind { get; set; }

    public int MetricId { get; set; }
    public Metric? Metric { get; set; }
    public string Scope
    {
        get => scope;
        set => (scope, ScopeKey) = (value, Sources.NameKey.From(value));
    }

    /// <summary><see cref="Scope"/> folded by <see cref="Sources.NameKey"/>, set with it: detection reads a place's stored conflicts by it.</summary>
    public string ScopeKey { get; private set; } = string.Empty;

    /// <summary>
    /// Identifies the dispute by kind, metric, scope and its first disagreeing figure, so that
    /// detecting again (even with new figures) finds the same row instead of adding another.
    /// </summary>
    public required string Signature { get; set; }

    /// <summary>0 (barely) to 1 (wildly apart); queues sort by it.</summary>
    public double Severity { get; set; }

    /// <summary>One line a reviewer can read: the camps and who holds them.</summary>
    public required string Explanation { get; set; }

    public ConflictStatus Status { get; private set; }
    public DateTimeOffset DetectedAt { get; set; }

    /// <summary>The reviewer working on it; changed only through <see cref="AssignTo"/>.</summary>
    public string? AssignedTo { get; private set; }
    public int? PreferredFigureId { get; private set; }

    /// <summary>Set when a reviewer marked it "not a conflict"; the engine then stops flagging its figures against each other.</summary>
    public DismissalReason? DismissalReason { get; private set; }
    public string? Rationale { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public List<ConflictMember> Members { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>Whether a reviewer's decision stands (resolved, not a conflict, or waiting for information).</summary>
    public bool IsDecided => Status is ConflictStatus.Resolved or ConflictStatus.NotAConflict or ConflictStatus.NeedsMoreInformation;

    /// <summary>
    /// A reviewer's decision: <see cref="ConflictStatus.Resolved"/> prefers one member figure,
    /// <see cref="ConflictStatus.NotAConflict"/> needs a reason, all need a rationale.
    /// </summary>
    public void Resolve(ConflictStatus decision, int? preferredFigureId, DismissalReason? reason, string rationale, string? by, DateTimeOffset at)
    {
        if (Status == ConflictStatus.NoLongerDetected)
        {
            throw new InvalidOperationException("Detection no longer finds this conflict; there is nothing to decide.");
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            throw new ArgumentException("A decision needs a rationale.", nameof(rationale));
        }

        switch (decision)
        {
            case ConflictStatus.Resolved when preferredFigureId is not { } preferred || Members.All(m => m.FigureId != preferred):
                throw new ArgumentException("The preferred figure must be one of the conflict's figures.", nameof(preferredFigureId));
            case ConflictStatus.NotAConflict when reason is null:
                throw new ArgumentException("Say why it is not a conflict.", nameof(reason));
            case ConflictStatus.Open or ConflictStatus.NoLongerDetected:
                throw new ArgumentException($"{decision} is not a decision.", nameof(decision));
        }

        Status = decision;
        PreferredFigureId = decision == ConflictStatus.Resolved ? preferredFigureId : null;
        DismissalReason = decision == ConflictStatus.NotAConflict ? reason : null;
        Rationale = rationale.Trim();
        ResolvedBy = by;
        ResolvedAt = at;
    }

    /// <summary>Takes the conflict for a reviewer, or releases it with null. A blank name is a release, never a stored blank.</summary>
    public void AssignTo(string? reviewer) => AssignedTo = string.IsNullOrWhiteSpace(reviewer) ? null : reviewer.Trim();

    /// <summary>
    /// Open again, the decision cleared: a figure joined, changed or left a decided dispute, or
    /// a dispute no longer detected came back. The caller records why in the audit entry.
    /// </summary>
    public void Reopen()
    {
        if (Status == ConflictStatus.Open)
        {
            throw new InvalidOperationException("The conflict is already open.");
        }

        Status = ConflictStatus.Open;
        PreferredFigureId = null;
        DismissalReason = null;
        Rationale = null;
        ResolvedBy = null;
        ResolvedAt = null;
    }

    /// <summary>Detection stopped finding an open conflict; it is kept for the record. Decided ones stay as decided.</summary>
    public void MarkNoLongerDetected()
    {
        if (Status != ConflictStatus.Open)
        {
            throw new InvalidOperationException($"Only an open conflict can stop being detected; this one is {Status}.");
        }

        Status = ConflictStatus.NoLongerDetected;
    }
}
