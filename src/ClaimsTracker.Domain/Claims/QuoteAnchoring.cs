namespace ClaimsTracker.Domain.Claims;

/// <summary>Finds quotes in report texts and re-finds them after the text changes.</summary>
public static class QuoteAnchoring
{
    /// <summary>
    /// Anchors <paramref name="exact"/> in <paramref name="text"/>. When the words occur more than
    /// once, <paramref name="nearOffset"/> picks the occurrence closest to it. Null when absent.
    /// </summary>
    public static QuoteAnchor? Anchor(string text, string exact, int nearOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(exact))
        {
            return null;
        }

        int? best = null;
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            if (best is null || Math.Abs(at - nearOffset) < Math.Abs(best.Value - nearOffset))
            {
                best = at;
            }
        }

        return best is { } start ? At(text, start, exact.Length) : null;
    }

    /// <summary>The anchor for the span [start, start + length) of <paramref name="text"/>.</summary>
    public static QuoteAnchor At(string text, int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, text.Length);

        var prefixStart = Math.Max(0, start - QuoteAnchor.ContextLength);
        var end = start + length;
        var suffixLength = Math.Min(QuoteAnchor.ContextLength, text.Length - end);
        return new QuoteAnchor
        {
            Exact = text.Substring(start, length),
            Prefix = text[prefixStart..start],
            Suffix = text.Substring(end, suffixLength),
            Start = start,
            End = end,
        };
    }

    /// <summary>
    /// Re-anchors a quote in an edited text. The exact words must still be there; among several
    /// occurrences the one whose context matches best wins, then the one nearest the old offset.
    /// A quote whose words are gone is returned orphaned at its old place: never moved to other words.
    /// </summary>
    public static QuoteAnchor Reanchor(QuoteAnchor anchor, string newText)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(newText);

        QuoteAnchor? best = null;
        var bestScore = int.MinValue;
        for (var at = newText.IndexOf(anchor.Exact, StringComparison.Ordinal); at >= 0;
             at = newText.IndexOf(anchor.Exact, at + 1, StringComparison.Ordinal))
        {
            var candidate = At(newText, at, anchor.Exact.Length);
            var score = CommonSuffixLength(candidate.Prefix, anchor.Prefix)
                + CommonPrefixLength(candidate.Suffix, anchor.Suffix);
            // Context outweighs distance: distance only breaks ties between equal contexts.
            var scaled = (score * 1_000_000) - Math.Min(999_999, Math.Abs(at - anchor.Start));
            if (scaled > bestScore)
            {
                bestScore = scaled;
                best = candidate;
            }
        }

        return best ?? anchor with { IsOrphaned = true };
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static int CommonSuffixLength(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[a.Length - 1 - i] == b[b.Length - 1 - i])
        {
            i++;
        }

        return i;
    }
}
