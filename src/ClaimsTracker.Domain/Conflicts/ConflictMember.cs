using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Conflicts;

/// <summary>A figure in a dispute, with the position it belongs to and the camp of that position.</summary>
public class ConflictMember
{
    public int ConflictId { get; set; }
    public int FigureId { get; set; }
    public Figure? Figure { get; set; }

    /// <summary>
    /// A fingerprint of the figure's compared fields when the conflict was last decided; when the
    /// figure changes so does this, and a resolved conflict reopens.
    /// </summary>
    public required string FigureFingerprint { get; set; }

    /// <summary>
    /// The statement this figure is part of (1, 2, …): the figures of one position are one
    /// source's statement repeated by several reports, or the parts that add up to one whole.
    /// </summary>
    public int Position { get; set; }

    /// <summary>Positions in one camp agree; camps are numbered from the lowest values up.</summary>
    public int Camp { get; set; }

    /// <summary>Every camp the position agrees with, its own first; a hedge can fit more than one.</summary>
    public List<int> ConsistentCamps { get; set; } = [];
}
