namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>
/// A figure read from words: how it was hedged, the number(s) written, and the interval they mean.
/// <see cref="Value"/> is the number as written (the floor for a vague amount, the lower end of a range).
/// </summary>
public sealed record ParsedFigure(Qualifier Qualifier, decimal Value, decimal? ValueHigh, ValueInterval Interval, string? Unit)
{
    /// <summary>
    /// Count unless the words say otherwise: "%" → Percentage, "$"/"dollars" → Money, "24 hours" →
    /// Duration (in <see cref="Unit"/>, not converted), "in 2021" → Year.
    /// </summary>
    public FigureKind Kind { get; init; } = FigureKind.Count;

    /// <summary>First character of the figure, qualifier included, in the text it was read from.</summary>
    public int Start { get; init; }

    /// <summary>Just past its last character: the span is [Start, End).</summary>
    public int End { get; init; }

    /// <summary>The words matched: "about 1,000", "between 10,000 and 12,000", "dozens".</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>A year used as a date ("in 2021", "from 2014 to 2022"), not a quantity.</summary>
    public bool LooksLikeYear => Kind == FigureKind.Year;
}
