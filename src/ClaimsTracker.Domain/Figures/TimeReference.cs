namespace ClaimsTracker.Domain.Figures;

public enum TimeReferenceKind
{
    /// <summary>The report does not say; the publication date bounds it from above.</summary>
    Unknown,
    /// <summary>A running total up to a day: "by the end of December".</summary>
    AsOf,
    /// <summary>What happened within a span: "in the last week of December".</summary>
    Period,
}

/// <summary>The time a figure refers to, with the words it was resolved from.</summary>
public sealed record TimeReference
{
    public TimeReferenceKind Kind { get; init; }

    /// <summary>First day of a period; null for as-of and unknown.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>The as-of day, or the last day of a period.</summary>
    public DateOnly? End { get; init; }

    /// <summary>The words it came from ("by the end of last month"), if any.</summary>
    public string? AsWritten { get; init; }

    /// <summary>
    /// "since Sunday": what happened from a start up to the end day, which is also the running
    /// total on that day when the start is the story's beginning.
    /// </summary>
    public bool RunsUpToEnd => Kind == TimeReferenceKind.Period && AsWritten is { } written && written.TrimStart().StartsWith("since", StringComparison.OrdinalIgnoreCase);

    // A fresh instance each time: EF Core tracks an owned value per owner and cannot share one.
    public static TimeReference Unknown => new() { Kind = TimeReferenceKind.Unknown };

    public static TimeReference AsOf(DateOnly day, string? asWritten = null) =>
        new() { Kind = TimeReferenceKind.AsOf, End = day, AsWritten = asWritten };

    public static TimeReference Period(DateOnly start, DateOnly end, string? asWritten = null)
    {
        if (end < start)
        {
            throw new ArgumentException($"A period cannot end ({end}) before it starts ({start}).", nameof(end));
        }

        return new() { Kind = TimeReferenceKind.Period, Start = start, End = end, AsWritten = asWritten };
    }

    public override string ToString() => Kind switch
    {
        TimeReferenceKind.AsOf => $"as of {End:yyyy-MM-dd}",
        TimeReferenceKind.Period => $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}",
        _ => "time unknown",
    };
}
