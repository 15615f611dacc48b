namespace ClaimsTracker.Domain.Reports;

/// <summary>A report's fields as a writer (form, API, import) gives them, before the rules are applied.</summary>
public sealed record ReportDetails
{
    public string? Title { get; init; }

    /// <summary>The outlet's name; the writer finds or creates the outlet source by it.</summary>
    public string? Outlet { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The exact moment with its offset, when the outlet states one; it must fall on <see cref="PublishedOn"/>.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public string? Url { get; init; }
    public string? Language { get; init; }
    public string? Text { get; init; }
}
