namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>A report as an editor types it; everything is checked by <see cref="ReportEditor"/>.</summary>
public sealed record ReportInput
{
    public string? Title { get; set; }
    public string? Outlet { get; set; }

    /// <summary>Comma-separated, as typed.</summary>
    public string? Authors { get; set; }

    public DateTime? PublishedOn { get; set; }
    public string? Url { get; set; }
    public string? Language { get; set; } = "en";
    public string? Text { get; set; }

    /// <summary>The editor saw the duplicate warning and saves anyway.</summary>
    public bool SaveDespiteDuplicates { get; set; }
}

public sealed record DuplicateReport(int Id, string Title, string Outlet, DateOnly PublishedOn, string Why);

public abstract record ReportSaveOutcome
{
    /// <param name="OrphanedQuotes">Claims whose quote is no longer in the edited text.</param>
    public sealed record Saved(int ReportId, int OrphanedQuotes) : ReportSaveOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ReportSaveOutcome;

    /// <summary>Looks like a report already stored; nothing saved until the editor confirms.</summary>
    public sealed record PossibleDuplicate(IReadOnlyList<DuplicateReport> Duplicates) : ReportSaveOutcome;

    public sealed record ChangedMeanwhile(string Summary, uint CurrentVersion) : ReportSaveOutcome;

    public sealed record NotFound : ReportSaveOutcome;

    public sealed record Forbidden : ReportSaveOutcome;
}
