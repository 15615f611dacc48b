using ClaimsTracker.Domain.Conflicts;

namespace ClaimsTracker.Web.Features.Conflicts;

/// <summary>What a reviewer decides about a conflict.</summary>
public enum ConflictDecision
{
    /// <summary>One figure is preferred (rank "preferred"); the other members are deprecated.</summary>
    PreferFigure,
    /// <summary>The figures are compatible after all; the engine stops flagging the pair.</summary>
    NotAConflict,
    NeedsMoreInformation,
}

/// <summary>
/// A decision as submitted, with the version of the conflict the reviewer was looking at, so a
/// decision made on a stale view is refused rather than written over someone else's.
/// </summary>
public sealed record ResolutionRequest(
    int ConflictId,
    uint ExpectedVersion,
    ConflictDecision Decision,
    int? PreferredFigureId,
    DismissalReason? DismissalReason,
    string? Rationale);

/// <summary>The stored decision, as shown to a reviewer whose save came second.</summary>
public sealed record ConflictState(
    ConflictStatus Status,
    string? AssignedTo,
    int? PreferredFigureId,
    DismissalReason? DismissalReason,
    string? Rationale,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    uint Version);
