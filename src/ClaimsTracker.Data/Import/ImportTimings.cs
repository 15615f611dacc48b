using System.Globalization;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Where an import's time went, summed over its batches (the scale benchmark prints it): the reads and checks before
/// anything is written, then each step of writing a batch. Taken with the importer's <see cref="TimeProvider"/>.
/// </summary>
public sealed class ImportTimings
{
    /// <summary>Reading the source directory (and taking the import lock) once per batch.</summary>
    public TimeSpan SourceLookup { get; internal set; }

    /// <summary>Validating each record (fields, quotes found in the text, figures' values) and reading its text for the duplicate rule; on another core while the batch before is stored.</summary>
    public TimeSpan Validating { get; internal set; }

    /// <summary>
    /// The duplicate check: sketches, the two indexed queries and the word-by-word comparisons with stored reports, and
    /// the comparison with the reports earlier in the same batch.
    /// </summary>
    public TimeSpan DuplicateCheck { get; internal set; }

    /// <summary>Building the entities (sources found or created).</summary>
    public TimeSpan Building { get; internal set; }

    /// <summary>Ids from the identity sequences, and the rows and audit entries laid out for COPY.</summary>
    public TimeSpan Preparing { get; internal set; }

    /// <summary>COPY of reports, with their stored search vector and its GIN index, and the text sketch index.</summary>
    public TimeSpan CopyReports { get; internal set; }

    /// <summary>COPY of claims, with their stored search vector and its GIN index.</summary>
    public TimeSpan CopyClaims { get; internal set; }

    public TimeSpan CopyFigures { get; internal set; }

    public TimeSpan CopyAudit { get; internal set; }

    /// <summary>New sources (an ordinary save) and the commit.</summary>
    public TimeSpan SourcesAndCommit { get; internal set; }

    public int AuditRows { get; internal set; }

    /// <summary>Stored texts compared word by word by the duplicate check.</summary>
    public int TextsCompared { get; internal set; }

    /// <summary>Rows the duplicate check's indexed query returned (same URL, outlet and day, or a shared sketch value).</summary>
    public int CandidateRows { get; internal set; }

    /// <summary>Detection passes over the touched places, and how many stored figures they read in all.</summary>
    public int DetectionRuns { get; internal set; }

    public int DetectionFigures { get; internal set; }

    /// <summary>Detection's own phases (see <see cref="Conflicts.DetectionSummary"/>), summed over its passes.</summary>
    public TimeSpan DetectionReading { get; internal set; }

    public TimeSpan DetectionDetecting { get; internal set; }

    public TimeSpan DetectionSaving { get; internal set; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sources {Ms(SourceLookup)}, duplicate check {Ms(DuplicateCheck)} ({CandidateRows:N0} candidate rows, {TextsCompared:N0} texts compared), validate {Ms(Validating)}, build {Ms(Building)}, " +
        $"prepare {Ms(Preparing)}, COPY reports {Ms(CopyReports)} / claims {Ms(CopyClaims)} / figures {Ms(CopyFigures)} / audit {Ms(CopyAudit)} ({AuditRows:N0} rows), " +
        $"new sources + commit {Ms(SourcesAndCommit)}; detection {DetectionRuns} pass(es) over {DetectionFigures:N0} figures: read {Ms(DetectionReading)}, " +
        $"detect {Ms(DetectionDetecting)}, save {Ms(DetectionSaving)}");

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:N0} ms");
}
