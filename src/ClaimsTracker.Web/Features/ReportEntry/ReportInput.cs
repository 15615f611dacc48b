using ClaimsTracker.Domain.Reports;

namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>A report as an editor types it; everything is checked by <see cref="ReportEditor"/>.</summary>
public sealed record ReportInput
{
    public string? Title { get; set; }
    public string? Outlet { get; set; }

    /// <summary>Comma-separated, as typed.</summary>
    public string? Authors { get; set; }

    public DateTime? PublishedOn { get; set; }

    /// <summary>The exact publication moment with its offset, when the outlet states one; it must fall on <see cref="PublishedOn"/>.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? Url { get; set; }
    public string? Language { get; set; } = "en";
    public string? Text { get; set; }

    /// <summary>The editor saw the duplicate warning and saves anyway.</summary>
    public bool SaveDespiteDuplicates { get; set; }

    public ReportDetails Details() => new()
    {
        Title = Title,
        Outlet = Outlet,
        Authors = (Authors ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        PublishedOn = PublishedOn is { } day ? DateOnly.FromDateTime(day) : null,
        PublishedAt = PublishedAt,
        Url = Url,
        Language = Language,
        Text = Text,
    };
}

/// <param name="OrphanedQuotes">Claims whose quote is no longer in the edited text.</param>
public sealed record ReportSaved(int ReportId, int OrphanedQuotes);
