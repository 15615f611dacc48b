namespace ClaimsTracker.Domain.Claims;

/// <summary>
/// Where a claim's quote sits in its report's text, stored twice over in the manner of the W3C
/// Web Annotation selectors: the exact words with some context (TextQuoteSelector) and character
/// offsets (TextPositionSelector). Offsets are fast; the words survive edits to the text.
/// </summary>
public sealed record QuoteAnchor
{
    /// <summary>Characters of context kept on each side of the quote.</summary>
    public const int ContextLength = 32;

    public required string Exact { get; init; }
    public string Prefix { get; init; } = string.Empty;
    public string Suffix { get; init; } = string.Empty;

    /// <summary>Offset of the first character of the quote in the report text (UTF-16 units).</summary>
    public int Start { get; init; }

    /// <summary>Offset just past the quote's last character.</summary>
    public int End { get; init; }

    /// <summary>True when the text was edited and the quote could not be found again.</summary>
    public bool IsOrphaned { get; init; }
}
