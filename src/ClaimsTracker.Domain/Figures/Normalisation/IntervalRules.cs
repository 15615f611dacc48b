namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>Turns a qualifier and the number(s) written into a <see cref="ValueInterval"/>.</summary>
public static class IntervalRules
{
    public static ValueInterval ToInterval(Qualifier qualifier, decimal value, decimal? valueHigh, NormalisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return qualifier switch
        {
            Qualifier.Exact => ValueInterval.Exactly(value),
            Qualifier.Approximately => new(value * (1 - options.ApproximateTolerance), value, value * (1 + options.ApproximateTolerance)),
            Qualifier.Nearly => new(value * (1 - options.NearlyTolerance), value, value),
            Qualifier.UpTo => new(value * (1 - options.UpToTolerance), value, value),
            // "No more than 1,900" agrees with any lower figure and disputes a higher one, as "fewer than" does.
            Qualifier.LessThan or Qualifier.AtMost => new(null, value, value),
            Qualifier.AtLeast or Qualifier.MoreThan or Qualifier.Vague => new(value, value, null),
            Qualifier.Range when valueHigh is { } high => new(Math.Min(value, high), (value + high) / 2, Math.Max(value, high)),
            Qualifier.Range => throw new ArgumentException("A range needs its upper number.", nameof(valueHigh)),
            _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, null),
        };
    }

    /// <summary>
    /// A calendar day is exactly itself (as <see cref="DateOnly.DayNumber"/>); any other figure is
    /// read through its qualifier.
    /// </summary>
    public static ValueInterval ToInterval(Qualifier qualifier, decimal? value, decimal? valueHigh, DateOnly? day, NormalisationOptions options) =>
        day is { } date
            ? ValueInterval.Exactly(date.DayNumber)
            : ToInterval(qualifier, value ?? throw new ArgumentException("A figure needs a value or a day.", nameof(value)), valueHigh, options);
}
