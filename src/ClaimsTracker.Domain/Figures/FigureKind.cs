namespace ClaimsTracker.Domain.Figures;

public enum FigureKind
{
    Count,
    /// <summary>A calendar day; the interval holds <see cref="DateOnly.DayNumber"/> values.</summary>
    Date,
    Year,
    /// <summary>A length of time, in days.</summary>
    Duration,
    Percentage,
    Money,
}
