namespace ClaimsTracker.Domain.Common;

/// <summary>Day rules that depend on "now"; the time always comes from the injected <see cref="TimeProvider"/>.</summary>
public static class Clock
{
    /// <summary>
    /// The latest day a report or statement may carry: tomorrow in UTC, because an outlet ahead of
    /// UTC may already be on tomorrow's date.
    /// </summary>
    public static DateOnly LatestPlausibleDay(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
    }
}
