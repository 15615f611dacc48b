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
    public static string? Why(ReportIdentity candidate, ReportIdentity stored) => Why(candidate, stored, null, null);

    /// <summary>
    /// As <see cref="Why(ReportIdentity, ReportIdentity)"/>, with the texts' prints when the caller has them: a batch
    /// compares one text with many, and reading a text into word runs is the costly part.
    /// </summary>
    public static string? Why(ReportIdentity candidate, ReportIdentity stored, TextPrint? candidatePrint, TextPrint? storedPrint)
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

        var similarity = Similarity(candidatePrint ?? Print(candidate.Text), storedPrint ?? Print(stored.Text));
        return similarity >= NearIdenticalSimilarity
            ? $"{similarity.ToString("P0", CultureInfo.InvariantCulture)} of the text is the same"
            : null;
    }

    /// <summary>Jaccard similarity of the two texts' five-word runs, case folded: 1 for the same text.</summary>
    public static double Similarity(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Similarity(Print(first), Print(second));
    }

    /// <summary><see cref="Similarity(string, string)"/> of two texts read once into prints.</summary>
    public static double Similarity(TextPrint first, TextPrint second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (ours, theirs) = (first.Shingles, second.Shingles);
        if (ours.Count == 0 || theirs.Count == 0)
        {
            // Too short for word runs: only the same words count as the same text.
            return first.WordsHash == second.WordsHash ? 1 : 0;
        }

        var shared = ours.Count(theirs.Contains);
        return (double)shared / (ours.Count + theirs.Count - shared);
    }

    /// <summary>A text read into what the rule compares: its words' hash and the hashes of its five-word runs.</summary>
    public static TextPrint Print(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wordHashes = WordHashes(text);
        var shingles = new HashSet<ulong>(Math.Max(0, wordHashes.Count - ShingleWords + 1));
        for (var i = 0; i + ShingleWords <= wordHashes.Count; i++)
        {
            var run = 0UL;
            for (var j = i; j < i + ShingleWords; j++)
            {
                run = Mix(run ^ wordHashes[j]);
            }

            shingles.Add(run);
        }

        var all = wordHashes.Aggregate(0x51ED270B27UL, (hash, word) => Mix(hash ^ word));
        return new TextPrint(all, shingles);
    }

    /// <summary>
    /// A short fingerprint of the text for finding candidates through an index before <see cref="Similarity(string, string)"/> is
    /// computed: the first value stands for the exact word sequence; the others each stand for a band of
    /// <see cref="RowsPerBand"/> min-hashes of the five-word runs (locality-sensitive hashing). Texts whose
    /// similarity is at least <see cref="NearIdenticalSimilarity"/> share a band value with a probability above
    /// 99.5 % (1 − (1 − 0.8⁴)¹⁰), while texts that share a tenth of their runs almost never do.
    /// </summary>
    public static int[] Sketch(string text) => Sketch(Print(text));

    /// <summary><see cref="Sketch(string)"/> of a text read already.</summary>
    public static int[] Sketch(TextPrint print)
    {
        ArgumentNullException.ThrowIfNull(print);
        var sketch = new List<int>(1 + SketchBands) { (int)Fold(print.WordsHash) };
        if (print.Shingles.Count == 0)
        {
            return [.. sketch];
        }

        for (var band = 0; band < SketchBands; band++)
        {
            var combined = Mix((ulong)band + 1);
            for (var row = 0; row < RowsPerBand; row++)
            {
                var seed = Mix((ulong)((band * RowsPerBand) + row + 1) * 0x9E3779B97F4A7C15UL);
                var least = ulong.MaxValue;
                foreach (var hash in print.Shingles)
                {
                    least = Math.Min(least, Mix(hash ^ seed));
                }

                combined = Mix(combined ^ least);
            }

            sketch.Add((int)Fold(combined));
        }

        return [.. sketch];
    }

    /// <summary>True when the two sketches share a value: only then can the texts be near-identical.</summary>
    public static bool MayBeSimilar(IReadOnlyCollection<int> first, IReadOnlyCollection<int> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return first.Any(second.Contains);
    }

    /// <summary>Bands of min-hashes in a <see cref="Sketch(string)"/>.</summary>
    public const int SketchBands = 10;

    /// <summary>Min-hashes per band: more makes a chance match of unlike texts rarer.</summary>
    public const int RowsPerBand = 4;

    private static string? Normalise(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();

    /// <summary>FNV-1a over the characters: the same in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the whole value.</summary>
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    private static uint Fold(ulong value) => (uint)(value ^ (value >> 32));

    /// <summary>
    /// The hash of each case-folded word, in order, hashed where it stands in the text: no string or match object per
    /// word (the import reads every text it checks, and a batch's stored look-alikes too). Stored sketches were made
    /// from the same values, so these must not change.
    /// </summary>
    private static List<ulong> WordHashes(string text)
    {
        var folded = text.ToLowerInvariant();
        var hashes = new List<ulong>((folded.Length / 4) + 1);
        foreach (var word in Words().EnumerateMatches(folded))
        {
            hashes.Add(Hash(folded.AsSpan(word.Index, word.Length)));
        }

        return hashes;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}

/// <summary>A text as <see cref="DuplicateReportRule"/> compares it, read once and compared with many.</summary>
public sealed class TextPrint
{
    internal TextPrint(ulong wordsHash, HashSet<ulong> shingles)
    {
        WordsHash = wordsHash;
        Shingles = shingles;
    }

    /// <summary>The case-folded word sequence, hashed.</summary>
    internal ulong WordsHash { get; }

    /// <summary>The hashes of its five-word runs.</summary>
    internal HashSet<ulong> Shingles { get; }
}
