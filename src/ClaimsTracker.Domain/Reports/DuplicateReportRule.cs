using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Reports;

/// <summary>What is compared of a report to tell whether it is already stored.</summary>
public sealed record ReportIdentity(string? Url, string Title, int? OutletId, DateOnly PublishedOn, string Text);

/// <summary>
/// The one rule for "this report is already stored", used by the form, the API and the import:
/// the same URL; or, where at most one of them has a URL, the same title, outlet and day; or a
/// text that shares most of its five-word runs with the stored one (a re-pasted article).
/// </summary>
public static partial class DuplicateReportRule
{
    /// <summary>Texts sharing this share of their word runs are near-identical.</summary>
    public const double NearIdenticalSimilarity = 0.8;

    private const int ShingleWords = 5;

    /// <summary>Near-identical texts have near-identical lengths: only texts in this window need comparing.</summary>
    public static (int Shortest, int Longest) ComparableLengths(int length) => ((int)(length * 0.8), (int)Math.Ceiling(length * 1.25));

    /// <summary>Why <paramref name="stored"/> looks like <paramref name="candidate"/>, or null when it does not.</summary>
    public static string? Why(ReportIdentity candidate, ReportIdentity stored)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(stored);
        var (url, storedUrl) = (Normalise(candidate.Url), Normalise(stored.Url));
        if (url is not null && url == storedUrl)
        {
            return "same URL";
        }

        if ((url is null || storedUrl is null)
            && candidate.OutletId is not null && candidate.OutletId == stored.OutletId
            && candidate.PublishedOn == stored.PublishedOn
            && string.Equals(candidate.Title.Trim(), stored.Title.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "same title, outlet and day";
        }

        var similarity = Similarity(candidate.Text, stored.Text);
        return similarity >= NearIdenticalSimilarity
            ? $"{similarity.ToString("P0", CultureInfo.InvariantCulture)} of the text is the same"
            : null;
    }

    /// <summary>Jaccard similarity of the two texts' five-word runs, case folded: 1 for the same text.</summary>
    public static double Similarity(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var ours = Shingles(first);
        var theirs = Shingles(second);
        if (ours.Count == 0 || theirs.Count == 0)
        {
            // Too short for word runs: only the same words count as the same text.
            return WordsOf(first).SequenceEqual(WordsOf(second)) ? 1 : 0;
        }

        var shared = ours.Count(theirs.Contains);
        return (double)shared / (ours.Count + theirs.Count - shared);
    }

    private static string? Normalise(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();

    private static HashSet<string> Shingles(string text)
    {
        var words = WordsOf(text);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleWords <= words.Length; i++)
        {
            shingles.Add(string.Join(' ', words, i, ShingleWords));
        }

        return shingles;
    }

    private static string[] WordsOf(string text) => Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
