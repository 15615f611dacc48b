namespace ClaimsTracker.Domain.Figures;

/// <summary>
/// A figure as a writer (form, proposal, import) gives it, before the rules are applied: the
/// number or day, the qualifier, the scope and the time as typed. <see cref="Figure.Create"/> and
/// <see cref="Figure.Update"/> check it and normalise it.
/// </summary>
public sealed record FigureValue
{
    public string? AsWritten { get; init; }
    public Qualifier Qualifier { get; init; }
    public decimal? Value { get; init; }
    public decimal? ValueHigh { get; init; }

    /// <summary>The calendar day, for a figure of a date metric.</summary>
    public DateOnly? Day { get; init; }

    public string? Scope { get; init; }

    public TimeReferenceKind TimeKind { get; init; }
    public DateOnly? TimeStart { get; init; }
    public DateOnly? TimeEnd { get; init; }
    public string? TimeAsWritten { get; init; }

    /// <summary>The time parts of an already resolved <see cref="TimeReference"/>.</summary>
    public FigureValue WithTime(TimeReference time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return this with { TimeKind = time.Kind, TimeStart = time.Start, TimeEnd = time.End, TimeAsWritten = time.AsWritten };
    }
}
