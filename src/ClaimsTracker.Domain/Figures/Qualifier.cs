namespace ClaimsTracker.Domain.Figures;

/// <summary>
/// How a figure was hedged when written. The qualifier turns the number as written into an
/// interval; docs/conflict-rules.md has the vocabulary and the widths.
/// </summary>
public enum Qualifier
{
    /// <summary>"two", "300": taken at its word.</summary>
    Exact,
    /// <summary>"about", "approximately", "roughly", "around", "some", "an estimated".</summary>
    Approximately,
    /// <summary>"nearly", "almost", "close to": just below the number.</summary>
    Nearly,
    /// <summary>"up to", "as many as": the number is a ceiling, said as a high figure.</summary>
    UpTo,
    /// <summary>"fewer than", "less than", "under": strictly below.</summary>
    LessThan,
    /// <summary>"at least": the number is a floor.</summary>
    AtLeast,
    /// <summary>"more than", "over", "exceeded", "passed", "surpassed": strictly above.</summary>
    MoreThan,
    /// <summary>"between 10,000 and 12,000", "10,000 to 12,000", "10,000-12,000".</summary>
    Range,
    /// <summary>"dozens", "hundreds", "several hundred", "thousands".</summary>
    Vague,
    /// <summary>"no more than", "at most", "a maximum of", "within", "or fewer": a ceiling the true value may reach, with no floor.</summary>
    AtMost,
}
