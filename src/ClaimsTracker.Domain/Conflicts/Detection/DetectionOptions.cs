namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>
/// The judgement calls of detection, as configuration (section "ConflictDetection").
/// docs/conflict-rules.md explains each.
/// </summary>
public sealed class DetectionOptions
{
    /// <summary>As-of figures this many days apart or fewer describe the same moment.</summary>
    public int ComparableWindowDays { get; set; } = 14;

    /// <summary>
    /// Shares, sums of money, durations, dates and years this many days apart or fewer describe the
    /// same quantity: what time does not change is compared over a longer window than a count.
    /// </summary>
    public int StableQuantityWindowDays { get; set; } = 42;

    /// <summary>Dates (and periods) this many days apart are as far apart as it gets (severity 1).</summary>
    public int DateSeverityFullDays { get; set; } = 30;

    /// <summary>Years this many apart score severity 1.</summary>
    public int YearSeverityFullYears { get; set; } = 10;

    /// <summary>
    /// Counts whose closest ends are less than this fraction apart (1,000 against 1,040) differ by
    /// rounding, not by claim, and are not flagged. Dates and years are exempt: a day is a day.
    /// </summary>
    public double MinimumSeverity { get; set; } = 0.05;

    /// <summary>
    /// Across days a count may grow (a toll rises, more people flee), but not by any amount: a
    /// later figure from another source more than this many times the earlier one is not growth
    /// but a disagreement ("about 1,200 by Sunday" against "nearly 9,000" two days later).
    /// </summary>
    public double PlausibleGrowthFactor { get; set; } = 3;

    /// <summary>Severity of a reporting discrepancy whose values agree but whose framing differs.</summary>
    public double FramingSeverity { get; set; } = 0.25;
}
