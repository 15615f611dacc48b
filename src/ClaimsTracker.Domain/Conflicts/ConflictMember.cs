using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Conflicts;

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
}
