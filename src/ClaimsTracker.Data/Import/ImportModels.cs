namespace ClaimsTracker.Data.Import;

/// <summary>
/// One report to import, named for the person reading the results ("reports[2]", "kursk.txt").
/// An item its reader could not make sense of carries the <see cref="Error"/> instead, so it is
/// listed with the others. <see cref="Sources"/> are the file's source definitions, used when the
/// report names a source not yet known.
/// </summary>
public sealed record ImportItem(string Label, ReportRecord? Report, string? Error = null)
{
    public IReadOnlyList<SourceRecord> Sources { get; init; } = [];

    /// <summary>The file's metric definitions, added to the catalogue before any report is imported.</summary>
    public IReadOnlyList<MetricRecord> Metrics { get; init; } = [];

    /// <summary>True for the stand-in of a file that defines metrics and has no reports.</summary>
    public bool IsDefinitionsOnly => Report is null && Error is null;

    /// <summary>The title, when it could be read although the rest could not.</summary>
    public string? Title => Report?.Title ?? readTitle;

    private string? readTitle;

    public static ImportItem Invalid(string label, string error, string? title = null) => new(label, null, error) { readTitle = title };

    public static ImportItem DefinitionsOnly(string label, IReadOnlyList<MetricRecord> metrics) => new(label, null) { Metrics = metrics };
}

/// <summary>What a reader found: the items, or why the whole file could not be read.</summary>
public sealed record ImportReadResult(IReadOnlyList<ImportItem> Items, string? Error = null)
{
    public static ImportReadResult Unreadable(string error) => new([], error);
}

public enum ImportOutcome
{
    Added,
    /// <summary>A report stored already: same URL, or same title, outlet and day, or nearly the same text.</summary>
    AlreadyPresent,
    Failed,
}

public sealed record ImportResult(string Label, string? Title, ImportOutcome Outcome, string? Message = null, int? ReportId = null);

/// <summary><paramref name="Done"/> of <paramref name="Total"/> items handled; <paramref name="Last"/> is the latest.</summary>
public sealed record ImportProgress(int Done, int Total, ImportResult? Last);

public sealed record ImportSummary(IReadOnlyList<ImportResult> Results, bool Cancelled = false)
{
    /// <summary>Of the import's time, how much conflict detection took (the benchmark reports the rate with and without it).</summary>
    public TimeSpan DetectionTime { get; init; }

    /// <summary>Of the import's time, how much writing the checked batches (COPY and commit) took.</summary>
    public TimeSpan StoreTime { get; init; }

    /// <summary>Where the import's time went, step by step.</summary>
    public ImportTimings Timings { get; init; } = new();

    public int Added => Results.Count(r => r.Outcome == ImportOutcome.Added);
    public int AlreadyPresent => Results.Count(r => r.Outcome == ImportOutcome.AlreadyPresent);
    public int Failed => Results.Count(r => r.Outcome == ImportOutcome.Failed);

    public override string ToString() =>
        $"{Results.Count} item(s): {Added} added, {AlreadyPresent} already present, {Failed} failed{(Cancelled ? " (cancelled)" : string.Empty)}";
}
