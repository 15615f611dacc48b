namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>Two figures, in id order, so (a, b) and (b, a) are the same pair.</summary>
public readonly record struct FigurePair
{
    public FigurePair(int first, int second) => (Low, High) = first < second ? (first, second) : (second, first);

    public int Low { get; }
    public int High { get; }
}
